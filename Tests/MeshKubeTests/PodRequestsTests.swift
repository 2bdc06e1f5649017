import MeshKube
import XCTest

final class PodRequestsTests: XCTestCase {
    func testListAndWatchPaths() {
        XCTAssertEqual(PodRequests.list(.all), "/api/v1/pods")
        XCTAssertEqual(PodRequests.list(.one("emojivoto")), "/api/v1/namespaces/emojivoto/pods")
        XCTAssertEqual(PodRequests.watch(.one("emojivoto"), from: "12345"),
                       "/api/v1/namespaces/emojivoto/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=300&resourceVersion=12345")
        XCTAssertEqual(PodRequests.watch(.all, from: "7"),
                       "/api/v1/pods?watch=1&allowWatchBookmarks=true&timeoutSeconds=300&resourceVersion=7")
    }

    func testNamesAndVersionsFromResponsesAreEscaped() {
        XCTAssertEqual(PodRequests.list(.one("a/../b")), "/api/v1/namespaces/a%2F..%2Fb/pods")
        XCTAssertTrue(PodRequests.watch(.all, from: "1&watch=0").hasSuffix("resourceVersion=1%26watch%3D0"))
    }
}
