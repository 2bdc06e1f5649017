import Foundation
import XCTest

/// An HTTPS server on 127.0.0.1 that wants a client certificate, as a Kubernetes API server
/// does, with its own CA: certificates made by the `openssl` command, the server in Python.
/// The server's certificate names only `kubernetes.test`, not `127.0.0.1`. `/whoami` answers
/// `<client certificate CN> <Authorization header>`.
final class TLSTestServer {
    let port: Int
    /// `ca.crt`, `client.crt`, `client.key` (PEM) and the server's own files.
    let directory: URL
    private let process: Process
    private let stdin = Pipe()

    static let script = #"""
    import http.server, os, ssl, sys, threading
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *args): pass
        def do_GET(self):
            subject = dict(x[0] for x in self.connection.getpeercert()["subject"])
            body = f"{subject.get('commonName')} {self.headers.get('Authorization')}".encode()
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain("server.crt", "server.key")
    context.load_verify_locations("ca.crt")
    context.verify_mode = ssl.CERT_REQUIRED
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    threading.Timer(120, lambda: os._exit(0)).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#

    /// Why the TLS tests are skipped, or nil when `openssl` and `python3` are there.
    static var missing: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let found = { (tool: String) in path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
        return found("openssl") && found("python3") ? nil : "openssl and python3 are needed for the TLS tests"
    }

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-tls-\(UUID().uuidString.prefix(8))")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func run(_ arguments: [String]) throws { try Self.openssl(arguments, in: directory) }
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=meshtop-test-ca"])
        for (name, cn, san) in [("server", "kubernetes.test", "DNS:kubernetes.test"), ("client", "meshtop-user", nil)] {
            try run(["req"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(cn)"])
            try (san.map { "subjectAltName=\($0)\n" } ?? "").write(to: directory.appendingPathComponent("\(name).ext"), atomically: true, encoding: .utf8)
            try run(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                     "-days", "1", "-out", "\(name).crt", "-extfile", "\(name).ext"])
        }
        try Self.script.write(to: directory.appendingPathComponent("server.py"), atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "server.py"]
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        let line = String(decoding: stdout.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw NSError(domain: "TLSTestServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "python3 TLS server did not start"])
        }
        self.port = port
    }

    /// The path of one of the PEM files.
    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl"] + arguments
        openssl.currentDirectoryURL = directory
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw NSError(domain: "TLSTestServer", code: 2, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.first ?? "") failed"])
        }
    }
}
