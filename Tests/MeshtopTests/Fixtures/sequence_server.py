"""A proxy stand-in for meshtop's end-to-end tests: serves /<name>/metrics from
<root>/<name>/0.txt, 1.txt, ... one file per request (the last one repeats), and
/env.json from <root>/env.json, as a proxy's admin server does. Binds 127.0.0.1 on an ephemeral port,
prints it, and exits when stdin closes or after 120 s."""
import http.server, os, sys, threading

ROOT = sys.argv[1]
counts = {}
lock = threading.Lock()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="text/plain"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0].strip("/").split("/")
        env = os.path.join(ROOT, "env.json")
        if path == ["env.json"] and os.path.exists(env):
            with open(env, "rb") as f:
                return self.send(200, f.read(), "application/json")
        if len(path) != 2:
            return self.send(404, b"not found")
        name, leaf = path
        folder = os.path.join(ROOT, name)
        if leaf != "metrics" or not os.path.isdir(folder):
            return self.send(404, b"not found")
        with lock:
            n = counts.get(name, 0)
            counts[name] = n + 1
        files = sorted((f for f in os.listdir(folder) if f.endswith(".txt")), key=lambda f: int(f[:-4]))
        with open(os.path.join(folder, files[min(n, len(files) - 1)]), "rb") as f:
            self.send(200, f.read())

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Timer(120, lambda: os._exit(0)).start()
sys.stdin.read()
os._exit(0)
