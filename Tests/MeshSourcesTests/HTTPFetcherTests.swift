import Foundation
import XCTest
@testable import MeshSources

final class HTTPFetcherTests: XCTestCase {
    private var server: LocalTestServer!

    override func setUpWithError() throws {
        server = try LocalTestServer()
    }

    override func tearDown() {
        server?.stop()
        server = nil
    }

    private func text(_ result: FetchResult) -> String? {
        result.body.map { String(decoding: $0, as: UTF8.self) }
    }

    func testResultsComeBackInRequestOrderWithBoundedConcurrency() {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 2))
        let requests = [
            FetchRequest(url: server.url("/metrics")),
            FetchRequest(url: server.url("/forbidden")),
            FetchRequest(url: server.url("/nowhere")),
            FetchRequest(url: server.url("/headers"), headers: ["X-Meshtop-Test: hello"]),
            FetchRequest(url: server.url("/env.json?_pod_name&_pod_ns"), accept: "application/json"),
            FetchRequest(url: server.url("/env.json")),
            FetchRequest(url: server.url("/metrics")),
        ]
        let results = fetcher.fetchAll(requests)
        XCTAssertEqual(results.map(\.request), requests)
        XCTAssertEqual(text(results[0]), "request_total 1\n")
        XCTAssertEqual(results[1].error, .httpStatus(403))
        XCTAssertEqual(results[2].error, .httpStatus(404))
        XCTAssertEqual(text(results[3]), "hello")
        XCTAssertEqual(results[4].body.flatMap(PodIdentity.parseEnvironment),
                       PodIdentity.PodEnvironment(pod: "web-7d9c8b5f4-x2kq9", namespace: "emojivoto"))
        XCTAssertEqual(results[5].error, .httpStatus(406), "no Accept: application/json")
        XCTAssertEqual(text(results[6]), "request_total 1\n")
        XCTAssertTrue(results.allSatisfy { $0.durationMs >= 0 })

        // The same fetcher (its handles and connections) serves a second round.
        let again = fetcher.fetchAll([FetchRequest(url: server.url("/metrics")), FetchRequest(url: server.url("/gzip"))])
        XCTAssertEqual(text(again[0]), "request_total 1\n")
        XCTAssertEqual(text(again[1]), LocalTestServer.gzipText)
    }

    func testAPostSendsItsBinaryBodyAndKeptHeadersComeBack() {
        let body: [UInt8] = [0, 1, 2, 0, 255, 10, 13, 0x1b]  // NULs and all: binary-safe
        let fetcher = HTTPFetcher(limits: FetchLimits())
        let results = fetcher.fetchAll([
            FetchRequest(url: server.url("/echo"), body: body, keptHeaders: ["x-got-length", "X-Absent"]),
            FetchRequest(url: server.url("/echo"), body: []),
            FetchRequest(url: server.url("/metrics")),  // the handle, reused, is a GET again
        ])
        XCTAssertEqual(results[0].body, body.reversed())
        XCTAssertEqual(results[0].headers, ["x-got-length": "8"], "kept as asked, absent ones left out")
        XCTAssertEqual(results[1].body, [])
        XCTAssertEqual(results[1].headers, [:], "nothing kept unless asked")
        XCTAssertEqual(text(results[2]), "request_total 1\n")
        XCTAssertEqual(text(fetcher.fetchAll([FetchRequest(url: server.url("/metrics"))])[0]), "request_total 1\n")
    }

    func testGzipBodyIsDecoded() {
        let results = HTTPFetcher().fetchAll([FetchRequest(url: server.url("/gzip"))])
        XCTAssertEqual(results[0].body, Array(LocalTestServer.gzipText.utf8))
    }

    func testInvalidGzipIsReported() throws {
        let error = try XCTUnwrap(HTTPFetcher().fetchAll([FetchRequest(url: server.url("/badgzip"))])[0].error)
        guard case .other(let message) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(message.hasPrefix("invalid gzip"), message)
    }

    func testForbiddenExplainsLinkerdPolicy() throws {
        let error = try XCTUnwrap(HTTPFetcher().fetchAll([FetchRequest(url: server.url("/forbidden"))])[0].error)
        XCTAssertEqual(error, .httpStatus(403))
        XCTAssertTrue(error.description.contains("default-inbound-policy"), error.description)
        XCTAssertTrue(error.description.contains("linkerd viz allow-scrapes"), error.description)
    }

    func testBodyLimitAbortsOnlyTheOversizedTransfers() {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxBodyBytes: 1000))
        let results = fetcher.fetchAll([
            FetchRequest(url: server.url("/big")),        // Content-Length: CURLOPT_MAXFILESIZE_LARGE
            FetchRequest(url: server.url("/bigstream")),  // no Content-Length: the write callback
            FetchRequest(url: server.url("/metrics")),
        ])
        XCTAssertEqual(results[0].error, .bodyTooLarge(1000))
        XCTAssertEqual(results[1].error, .bodyTooLarge(1000))
        XCTAssertEqual(text(results[2]), "request_total 1\n")
        XCTAssertEqual(FetchError.bodyTooLarge(64 << 20).description.contains("64 MiB"), true)
    }

    func testStreamedBodiesArriveWholeInPiecesAndAreNotKept() {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 2, maxBodyBytes: 150_000))
        let urls = ["/gzip", "/bigstream", "/forbidden", "/metrics"].map(server.url)
        var pieces = [[UInt8]](repeating: [], count: urls.count)
        var results = [FetchResult?](repeating: nil, count: urls.count)
        fetcher.streamEach(urls.map { FetchRequest(url: $0) }, receive: { pieces[$0].append(contentsOf: $1) },
                           { results[$0] = $1 })
        XCTAssertEqual(String(decoding: pieces[0], as: UTF8.self), LocalTestServer.gzipText)
        XCTAssertEqual(results[0]?.bytes, LocalTestServer.gzipText.utf8.count)
        XCTAssertEqual(results[0]?.body, [], "streamed, not collected")
        XCTAssertEqual(results[1]?.error, .bodyTooLarge(150_000), "the limit holds for streamed bodies")
        XCTAssertEqual(results[2]?.error, .httpStatus(403))
        XCTAssertEqual(pieces[2], [], "an error answer's body is not streamed")
        XCTAssertEqual(results[2]?.errorBody, Array("denied".utf8), "but kept, to say why")
        XCTAssertEqual(String(decoding: pieces[3], as: UTF8.self), "request_total 1\n")
        XCTAssertEqual(results[3]?.errorBody, [])

        // The same fetcher collects bodies again afterwards.
        XCTAssertEqual(fetcher.fetchAll([FetchRequest(url: urls[3])])[0].body, Array("request_total 1\n".utf8))
    }

    func testAProxyIsUsedOnlyWhenGiven() {
        let far = "http://meshtop-no-such-host.invalid/metrics"
        let proxied = HTTPFetcher().fetchAll([FetchRequest(url: far, proxy: "http://127.0.0.1:\(server.port)")])[0]
        XCTAssertEqual(proxied.error, .httpStatus(404), "the proxy (our test server) answered for the far host")
        let direct = HTTPFetcher().fetchAll([FetchRequest(url: far)])[0]
        XCTAssertNotEqual(direct.error, .httpStatus(404))
        XCTAssertNotNil(direct.error, "no such host")
    }

    func testSlowTargetTimesOutWhileOthersSucceed() {
        let fetcher = HTTPFetcher(limits: FetchLimits(connectTimeoutMs: 1000, totalTimeoutMs: 1000))
        let results = fetcher.fetchAll([
            FetchRequest(url: server.url("/slow")),
            FetchRequest(url: server.url("/metrics")),
            FetchRequest(url: server.url("/gzip")),
        ])
        XCTAssertEqual(results[0].error, .timeout)
        XCTAssertEqual(text(results[1]), "request_total 1\n")
        XCTAssertEqual(text(results[2]), LocalTestServer.gzipText)
    }

    func testARequestMayWaitLongerThanTheLimits() {
        let fetcher = HTTPFetcher(limits: FetchLimits(connectTimeoutMs: 1000, totalTimeoutMs: 1000))
        let results = fetcher.fetchAll([FetchRequest(url: server.url("/slow"), timeoutMs: 8000),
                                        FetchRequest(url: server.url("/slow"))])
        XCTAssertEqual(text(results[0]), "late")
        XCTAssertEqual(results[1].error, .timeout)
    }

    func testAStoppedStreamFailsWhatIsNotDone() {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 1, totalTimeoutMs: 8000))
        let started = ContinuousClock.now
        var results = [FetchResult?](repeating: nil, count: 3)
        fetcher.streamEach([server.url("/metrics"), server.url("/slow"), server.url("/metrics")].map { FetchRequest(url: $0) },
                           receive: { _, _ in }, stopped: { ContinuousClock.now - started > .milliseconds(300) },
                           { results[$0] = $1 })
        XCTAssertNil(results[0]?.error, "done before the stop")
        XCTAssertEqual(results[1]?.error, .other("stopped"), "in flight")
        XCTAssertEqual(results[2]?.error, .other("stopped"), "never started")
    }

    func testRefusedPort() {
        let results = HTTPFetcher().fetchAll([FetchRequest(url: "http://127.0.0.1:\(server.freePort)/metrics")])
        XCTAssertEqual(results[0].error, .refused)
    }

    func testRedirectIsNotFollowed() throws {
        let error = try XCTUnwrap(HTTPFetcher().fetchAll([FetchRequest(url: server.url("/redirect"))])[0].error)
        XCTAssertEqual(error, .other("HTTP 302: redirected to http://elsewhere.example/metrics, which meshtop "
            + "does not follow; use that URL directly"))
    }

    func testHTTPSAgainstPlainHTTPIsATLSError() throws {
        let url = "https://127.0.0.1:\(server.port)/metrics"
        let error = try XCTUnwrap(HTTPFetcher().fetchAll([FetchRequest(url: url)])[0].error)
        guard case .tls = error else { return XCTFail("expected a TLS error, got \(error)") }
    }

    func testFileURLsAndMissingFiles() throws {
        let file = server.directory.appendingPathComponent("proxy metrics.txt")
        try "request_total 7\n".write(to: file, atomically: true, encoding: .utf8)
        let missing = server.directory.appendingPathComponent("absent.txt")
        let results = HTTPFetcher().fetchAll([
            FetchRequest(url: file.absoluteString), FetchRequest(url: missing.absoluteString),
        ])
        XCTAssertEqual(text(results[0]), "request_total 7\n")
        XCTAssertEqual(results[1].error, .other("cannot read \(missing.path): no such file"))
    }

    func testUnsupportedSchemeIsRefusedByLibcurl() throws {
        let error = try XCTUnwrap(HTTPFetcher().fetchAll([FetchRequest(url: "ftp://127.0.0.1/metrics")])[0].error)
        XCTAssertEqual(error, .other("unsupported URL scheme in ftp://127.0.0.1/metrics: use http://, https:// or file://"))
    }
}
