import CCurl
import XCTest
@testable import MeshSources

final class FetchErrorTests: XCTestCase {
    func testCurlCodeMapping() {
        let url = "http://proxy.example:4191/metrics"
        let cases: [(CURLcode, Bool, FetchError)] = [
            (CURLE_COULDNT_CONNECT, false, .refused),
            (CURLE_OPERATION_TIMEDOUT, false, .timeout),
            (CURLE_COULDNT_RESOLVE_HOST, false, .dns("proxy.example")),
            (CURLE_WRITE_ERROR, true, .bodyTooLarge(10)),
            (CURLE_FILESIZE_EXCEEDED, false, .bodyTooLarge(10)),
            (CURLE_PEER_FAILED_VERIFICATION, false, .tls("detail")),
            (CURLE_SSL_CONNECT_ERROR, false, .tls("detail")),
            (CURLE_BAD_CONTENT_ENCODING, false, .other("invalid gzip (or other Content-Encoding) in the response body: detail")),
            (CURLE_WRITE_ERROR, false, .other("detail")),
            (CURLE_RECV_ERROR, false, .other("detail")),
        ]
        for (code, hit, expected) in cases {
            XCTAssertEqual(FetchError.fromCurl(code: code, detail: "detail", url: url, bodyLimit: 10, bodyLimitHit: hit),
                           expected, "\(code)")
        }
        XCTAssertEqual(FetchError.fromCurl(code: CURLE_RECV_ERROR, detail: "", url: url, bodyLimit: 10,
                                           bodyLimitHit: false),
                       .other(String(cString: curl_easy_strerror(CURLE_RECV_ERROR))))
        XCTAssertEqual(FetchError.hostName(of: "http://[::1]:4191/metrics"), "::1")
    }

    func testDescriptionsAreActionable() {
        XCTAssertEqual(FetchError.bodyTooLarge(64 << 20).description,
                       "response larger than the 64 MiB limit: aborted (raise --max-body-bytes if this target "
                       + "really exports that much)")
        XCTAssertTrue(FetchError.bodyTooLarge(1000).description.contains("1000 bytes"))
        XCTAssertEqual(FetchError.dns("proxy.example").description,
                       "cannot resolve host \"proxy.example\": check the name or use an IP address")
        XCTAssertTrue(FetchError.httpStatus(404).description.hasPrefix("HTTP 404 Not Found"))
        XCTAssertTrue(FetchError.httpStatus(503).description.hasPrefix("HTTP 503 Service Unavailable"))
        XCTAssertEqual(FetchError.httpStatus(418).description, "HTTP 418: the server refused the request")
        XCTAssertEqual(FetchError.other("x").localizedDescription, "x")
    }

    func testEmptyRequestListReturnsNothing() {
        XCTAssertTrue(HTTPFetcher().fetchAll([]).isEmpty)
    }
}
