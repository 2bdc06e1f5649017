import Foundation
import MeshDemo
import XCTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ``DemoAdminRoutes`` alone, then ``DemoServer`` over real sockets on 127.0.0.1: a raw POSIX client
/// sees the bytes on the wire, and `/usr/bin/curl` (libcurl, as meshtop scrapes) checks decoding.
final class DemoServerTests: XCTestCase {
    static func metrics(_ proxy: Int) -> [UInt8] {
        Array(String(repeating: "request_total{proxy=\"\(proxy)\"} 1\n", count: 200).utf8)
    }

    static let env = ["_pod_name": "web-0", "_pod_ns": "emojivoto", "_pod_sa": "web", "ODD": "a\"b\\c\n\u{1}é"]

    static let responder: DemoResponder = { proxy, request in
        DemoAdminRoutes.answer(request, metrics: { metrics(proxy) }, environment: { env })
    }

    private func makeServer(threads: Int = 2) -> DemoServer {
        let server = DemoServer(threads: threads, responder: Self.responder)
        addTeardownBlock { server.shutdown() }
        return server
    }

    // MARK: Routes without sockets

    func testRoutes() {
        func answer(_ target: String, method: String = "GET", accept: String? = nil) -> DemoResponse {
            DemoAdminRoutes.answer(DemoRequest(method: method, target: target, accept: accept),
                                   metrics: { [1, 2] }, environment: { Self.env })
        }
        XCTAssertEqual(answer("/metrics"), DemoResponse(status: 200, contentType: "text/plain", body: [1, 2]))
        XCTAssertEqual(answer("/ready"), .text(200, "ready\n"))
        XCTAssertEqual(answer("/live").body, Array("live\n".utf8))
        XCTAssertEqual(answer("/shutdown").status, 404)
        XCTAssertEqual(answer("/metrics/").status, 404)
        XCTAssertEqual(answer("/metrics", method: "POST").status, 405)
        XCTAssertEqual(answer("/env.json", accept: "text/plain").status, 406)
        XCTAssertEqual(answer("/env.json", accept: "text/html, */*;q=0.8").status, 200)
        let filtered = answer("/env.json?_pod_name&_pod_ns&missing", accept: "application/json")
        XCTAssertEqual(filtered.contentType, "application/json")
        XCTAssertEqual(String(decoding: filtered.body, as: UTF8.self), #"{"_pod_name":"web-0","_pod_ns":"emojivoto"}"#)
        let all = String(decoding: answer("/env.json").body, as: UTF8.self)
        XCTAssertEqual(all, #"{"ODD":"a\"b\\c\n\u0001é","_pod_name":"web-0","_pod_ns":"emojivoto","_pod_sa":"web"}"#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(all.utf8)) as? [String: String]
        XCTAssertEqual(parsed, Self.env)
    }

    // MARK: Server

    func testThreeProxiesOnDistinctPortsServeTheirOwnBodies() throws {
        let server = makeServer()
        let ports = try (0..<3).map { try server.start(proxy: $0) }
        XCTAssertEqual(Set(ports).count, 3)
        XCTAssertEqual(server.ports, [0: ports[0], 1: ports[1], 2: ports[2]])
        XCTAssertEqual(try server.start(proxy: 1), ports[1], "starting twice keeps the port")
        for (proxy, port) in ports.enumerated() {
            let response = try RawClient(port: port).get("/metrics")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.headers["content-type"], "text/plain")
            XCTAssertNil(response.headers["content-encoding"])
            XCTAssertEqual(response.body, Self.metrics(proxy))
        }
    }

    func testGzipWhenAskedAndLibcurlDecodesIt() throws {
        let port = try makeServer().start(proxy: 7)
        let client = try RawClient(port: port)
        let gzipped = try client.get("/metrics", headers: ["Accept-Encoding: gzip"])
        XCTAssertEqual(gzipped.headers["content-encoding"], "gzip")
        XCTAssertEqual(Array(gzipped.body.prefix(2)), [0x1f, 0x8b], "gzip magic")
        XCTAssertLessThan(gzipped.body.count, Self.metrics(7).count / 4)
        XCTAssertNil(try client.get("/metrics", headers: ["Accept-Encoding: deflate"]).headers["content-encoding"],
                     "like linkerd2-proxy, only gzip")
        XCTAssertNil(try client.get("/ready", headers: ["Accept-Encoding: gzip"]).headers["content-encoding"])

        // libcurl offers "deflate, gzip, br, zstd": still gzip, and it decodes to the same bytes.
        let (body, headers) = try curl(["--compressed", "-D", "-", "http://127.0.0.1:\(port)/metrics"])
        XCTAssertTrue(headers.lowercased().contains("content-encoding: gzip"), headers)
        XCTAssertEqual(body, Self.metrics(7))
    }

    func testAdminRoutesOverHTTP() throws {
        let port = try makeServer().start(proxy: 0)
        let client = try RawClient(port: port)
        XCTAssertEqual(try client.get("/ready").body, Array("ready\n".utf8))
        XCTAssertEqual(try client.get("/live").body, Array("live\n".utf8))
        XCTAssertEqual(try client.get("/nope").status, 404)
        XCTAssertEqual(try client.get("/env.json", headers: ["Accept: text/plain"]).status, 406)
        let env = try client.get("/env.json?_pod_name&_pod_ns", headers: ["Accept: application/json"])
        XCTAssertEqual(env.headers["content-type"], "application/json")
        XCTAssertEqual(String(decoding: env.body, as: UTF8.self), #"{"_pod_name":"web-0","_pod_ns":"emojivoto"}"#)
        let all = try client.get("/env.json", headers: ["Accept: */*"])
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(all.body)) as? [String: String], Self.env)
    }

    func testKeepAliveAndConnectionClose() throws {
        let port = try makeServer().start(proxy: 3)
        let client = try RawClient(port: port)
        XCTAssertEqual(try client.get("/metrics").body, Self.metrics(3))
        XCTAssertEqual(try client.get("/metrics", headers: ["Accept-Encoding: gzip"]).status, 200)
        XCTAssertEqual(try client.get("/live", headers: ["Connection: close"]).headers["connection"], "close")
        XCTAssertTrue(client.readsEOF(), "server closes after Connection: close")

        let (_, verbose) = try curl(["-v", "-o", "/dev/null", "-o", "/dev/null",
                                     "http://127.0.0.1:\(port)/ready", "http://127.0.0.1:\(port)/live"])
        XCTAssertTrue(verbose.contains("Re-using existing connection") || verbose.contains("Reusing existing"), verbose)
    }

    func testStopRefusesConnectionsAndDropsKeptAliveOnes() throws {
        let server = makeServer()
        let port = try server.start(proxy: 5)
        let other = try server.start(proxy: 6)
        let kept = try RawClient(port: port)
        XCTAssertEqual(try kept.get("/ready").status, 200)
        server.stop(proxy: 5)
        server.stop(proxy: 5)  // unknown now: no effect
        XCTAssertEqual(server.ports, [6: other])
        XCTAssertThrowsError(try RawClient(port: port)) { XCTAssertEqual(($0 as? SocketError)?.code, ECONNREFUSED) }
        XCTAssertTrue(kept.readsEOF(), "a vanished pod takes its connections with it")
        XCTAssertEqual(try RawClient(port: other).get("/ready").status, 200)
        XCTAssertNotEqual(try server.start(proxy: 5), 0, "a stopped proxy can come back")
    }

    func testShutdownIsIdempotent() throws {
        let server = DemoServer(threads: 1, responder: Self.responder)
        let port = try server.start(proxy: 0)
        server.shutdown()
        server.shutdown()
        XCTAssertEqual(server.ports, [:])
        XCTAssertThrowsError(try server.start(proxy: 1)) { XCTAssertEqual($0 as? DemoServerError, .shutDown) }
        XCTAssertThrowsError(try RawClient(port: port))
    }

    func testTwoHundredProxies() throws {
        let server = makeServer()
        let ports = try (0..<200).map { try server.start(proxy: $0) }
        XCTAssertEqual(Set(ports).count, 200)
        for (proxy, port) in ports.enumerated() {
            XCTAssertEqual(try RawClient(port: port).get("/metrics").body, Self.metrics(proxy), "proxy \(proxy)")
        }
    }

    func testRaiseOpenFileLimit() {
        let raised = DemoServer.raiseOpenFileLimit()
        XCTAssertGreaterThanOrEqual(raised, 256)
        XCTAssertEqual(DemoServer.raiseOpenFileLimit(cap: 1), raised, "never lowers the limit")
    }

    /// Runs `/usr/bin/curl -sS …` and returns stdout and stderr; skips the test without curl.
    private func curl(_ arguments: [String]) throws -> (stdout: [UInt8], stderr: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { throw XCTSkip("no /usr/bin/curl") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--max-time", "10"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let body = out.fileHandleForReading.readDataToEndOfFile()
        let log = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: log, as: UTF8.self))
        // With -D -, the headers precede the body on stdout.
        if let split = body.range(of: Data("\r\n\r\n".utf8)), arguments.contains("-D") {
            return (Array(body[split.upperBound...]), String(decoding: body[..<split.lowerBound], as: UTF8.self))
        }
        return (Array(body), String(decoding: log, as: UTF8.self))
    }
}

/// A minimal HTTP/1.1 client on one blocking socket, so tests see raw bytes and can reuse a connection.
private final class RawClient {
    struct Response { var status: Int; var headers: [String: String]; var body: [UInt8] }

    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; throws a ``SocketError`` (e.g. `ECONNREFUSED`) on failure.
    init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: 5, tv_usec: 0)  // a hung server fails the test instead of hanging it
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw SocketError(code: code)
        }
    }

    deinit { close(fd) }

    func get(_ target: String, headers: [String] = []) throws -> Response {
        let request = (["GET \(target) HTTP/1.1", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == bytes.count else { throw SocketError(code: EIO) }
        while !buffer.containsHeaderEnd { try fill() }
        let end = buffer.headerEnd!
        let lines = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeFirst(end + 4)
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(fields["content-length"] ?? "") ?? 0  // the server always sends one
        while buffer.count < length { try fill() }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        return Response(status: status, headers: fields, body: body)
    }

    /// Whether the peer closed the connection (or reset it) rather than sending more.
    func readsEOF() -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, 0)
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)  // not the 5 s timeout
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw SocketError(code: ECONNRESET) }
        buffer += chunk.prefix(count)
    }
}

private extension [UInt8] {
    var headerEnd: Int? {
        guard count >= 4 else { return nil }
        return (0...(count - 4)).first { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
    var containsHeaderEnd: Bool { headerEnd != nil }
}

/// A failed socket call, with its `errno`.
private struct SocketError: Error { var code: Int32 }
