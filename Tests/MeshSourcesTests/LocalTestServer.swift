import Foundation

/// A Python HTTP server on 127.0.0.1 with an ephemeral port, for testing ``HTTPFetcher`` against a
/// real peer. It also reports a port that nothing listens on (bound, then closed).
final class LocalTestServer {
    /// The port the server listens on.
    let port: Int
    /// A port that was free a moment ago: connecting to it is refused.
    let freePort: Int
    /// Scratch directory, removed by ``stop()``.
    let directory: URL
    private let process: Process
    private let stdin: Pipe

    /// The body `/gzip` sends, before compression.
    static let gzipText = String(repeating: "# HELP x\nrequest_total 42\n", count: 100)

    /// Routes: `/metrics` 200; `/gzip` gzip-encoded ``gzipText``; `/badgzip` claims gzip but isn't;
    /// `/forbidden` 403; `/big` 200 KB with Content-Length; `/bigstream` 200 KB without it;
    /// `/slow` answers after 5 s; `/redirect` 302; `/headers` echoes `X-Meshtop-Test`;
    /// `/env.json` (wants `Accept: application/json`); `POST /echo` answers the body it got
    /// reversed, with its length in `X-Got-Length`; anything else 404.
    static let script = #"""
    import gzip, http.server, json, os, socket, sys, threading, time

    GZ_TEXT = b"# HELP x\nrequest_total 42\n" * 100

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *args): pass
        def send(self, code, body, ctype="text/plain", extra=()):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra: self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)
        def do_GET(self):
            path, _, query = self.path.partition("?")
            if path == "/metrics": self.send(200, b"request_total 1\n")
            elif path == "/gzip":
                if "gzip" not in self.headers.get("Accept-Encoding", ""): self.send(400, b"no gzip"); return
                self.send(200, gzip.compress(GZ_TEXT), extra=[("Content-Encoding", "gzip")])
            elif path == "/badgzip": self.send(200, b"this is not gzip at all", extra=[("Content-Encoding", "gzip")])
            elif path == "/forbidden": self.send(403, b"denied")
            elif path == "/big": self.send(200, b"x" * 200000)
            elif path == "/bigstream":
                self.send_response(200); self.send_header("Connection", "close"); self.end_headers()
                self.close_connection = True
                for _ in range(50): self.wfile.write(b"y" * 4096)
            elif path == "/slow": time.sleep(5); self.send(200, b"late")
            elif path == "/redirect": self.send(302, b"", extra=[("Location", "http://elsewhere.example/metrics")])
            elif path == "/headers": self.send(200, self.headers.get("X-Meshtop-Test", "").encode())
            elif path == "/env.json":
                if "application/json" not in self.headers.get("Accept", ""): self.send(406, b"want json"); return
                env = {"_pod_name": "web-7d9c8b5f4-x2kq9", "_pod_ns": "emojivoto", "_pod_sa": "web", "HOME": "/"}
                keys = [k for k in query.split("&") if k]
                body = {k: env[k] for k in keys if k in env} if keys else env
                self.send(200, json.dumps(body).encode(), "application/json")
            else: self.send(404, b"not found")
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.path == "/echo": self.send(200, body[::-1], "application/octet-stream", [("X-Got-Length", str(len(body)))])
            else: self.send(404, b"not found")

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True
        def handle_error(self, request, client_address): pass  # broken pipes after client aborts

    def exit_when_parent_goes():
        sys.stdin.read()
        os._exit(0)

    server = Server(("127.0.0.1", 0), Handler)
    free = socket.socket(); free.bind(("127.0.0.1", 0)); free_port = free.getsockname()[1]; free.close()
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    threading.Timer(120, lambda: os._exit(0)).start()
    print(server.server_address[1], free_port, flush=True)
    server.serve_forever()
    """#

    /// Starts the server and waits until it reports its port.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("meshsources-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scriptURL = directory.appendingPathComponent("server.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path]
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()

        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData  // empty at EOF: python died
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let ports = String(decoding: line, as: UTF8.self).split(separator: " ")
            .compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard ports.count == 2 else {
            process.terminate()
            throw NSError(domain: "LocalTestServer", code: 1,
                          userInfo: [NSLocalizedDescriptionKey: "python3 test server did not start"])
        }
        port = ports[0]
        freePort = ports[1]
    }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server and removes the scratch directory.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? stdin.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
