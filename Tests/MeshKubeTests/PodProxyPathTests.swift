import MeshKube
import XCTest

final class PodProxyPathTests: XCTestCase {
    func testPathThroughTheAPIServer() {
        XCTAssertEqual(PodProxyPath.path(namespace: "emojivoto", pod: "web-7d9c8b5f4-x2kq9", port: 4191),
                       "/api/v1/namespaces/emojivoto/pods/web-7d9c8b5f4-x2kq9:4191/proxy/metrics")
    }

    func testNamesAreEscapedAsPathSegments() {
        XCTAssertEqual(PodProxyPath.path(namespace: "a/b", pod: "p?x=1#y z", port: 9990, path: "env.json"),
                       "/api/v1/namespaces/a%2Fb/pods/p%3Fx%3D1%23y%20z:9990/proxy/env.json")
        XCTAssertEqual(PodProxyPath.path(namespace: "ü", pod: "..", port: 1), "/api/v1/namespaces/%C3%BC/pods/%2E%2E:1/proxy/metrics")
        XCTAssertEqual(PodProxyPath.path(namespace: "..", pod: "p", port: 1), "/api/v1/namespaces/%2E%2E/pods/p:1/proxy/metrics",
                       "a dot segment would climb out of the namespace")
    }
}
