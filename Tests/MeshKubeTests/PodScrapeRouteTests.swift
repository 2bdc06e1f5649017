import MeshKube
import MeshModel
import XCTest

final class PodScrapeRouteTests: XCTestCase {
    func testThroughTheAPIServer() throws {
        for server in ["https://10.0.0.1:6443", "https://10.0.0.1:6443/"] {
            let target = try XCTUnwrap(PodScrapeRoute.apiServer(server: server).target(for: PodFixture.pod()))
            XCTAssertEqual(target, ScrapeTarget(
                url: "https://10.0.0.1:6443/api/v1/namespaces/emojivoto/pods/web-7d9c8b5f4-x2kq9:4191/proxy/metrics",
                workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web"),
                pod: "web-7d9c8b5f4-x2kq9"))
        }
        let prefixed = PodScrapeRoute.apiServer(server: "https://rancher.example/k8s/clusters/c-m-x").target(for: PodFixture.pod())
        XCTAssertEqual(prefixed?.url,
                       "https://rancher.example/k8s/clusters/c-m-x/api/v1/namespaces/emojivoto/pods/web-7d9c8b5f4-x2kq9:4191/proxy/metrics")
    }

    func testDirectToThePodIP() {
        let cases: [(String, String?)] = [
            ("10.42.0.11", "http://10.42.0.11:4191/metrics"),
            ("fd00:10:42::b", "http://[fd00:10:42::b]:4191/metrics"),
            ("::ffff:10.42.0.11", "http://[::ffff:10.42.0.11]:4191/metrics"),
            ("10.42.0.256", nil),
            ("10.42.0", nil),
            ("10.42..11", nil),
            ("evil.example", nil),
            ("10.42.0.11/x?", nil),
            ("10.42.0.11:80@evil.example", nil),
            ("fd00::1]/x", nil),
            ("１０.42.0.11", nil),
        ]
        for (ip, url) in cases {
            let target = PodScrapeRoute.direct.target(for: PodFixture.pod { $0.status.podIP = ip })
            XCTAssertEqual(target?.url, url, ip)
        }
    }

    func testUnscrapeablePodsHaveNoTarget() {
        XCTAssertNil(PodScrapeRoute.direct.target(for: PodFixture.pod { $0.status.phase = "Pending" }))
        XCTAssertNil(PodScrapeRoute.apiServer(server: "https://k").target(for: PodFixture.pod { $0.metadata.labels = [:] }))
    }

    func testDotSegmentNamesHaveNoTarget() {
        for (namespace, name) in [("..", "web-1"), (".", "web-1"), ("emojivoto", ".."), ("emojivoto", ".")] {
            let pod = PodFixture.pod(name) { $0.metadata.namespace = namespace }
            XCTAssertNil(PodScrapeRoute.apiServer(server: "https://k").target(for: pod), "\(namespace)/\(name)")
        }
        XCTAssertNotNil(PodScrapeRoute.apiServer(server: "https://k").target(for: PodFixture.pod("...")))
    }

    func testHostileNamesAreEscapedInTheURLAndKeptAsData() throws {
        let name = "web/../../secrets\n\u{1B}[31m?x=1#"
        let pod = PodFixture.pod(name) {
            $0.metadata.namespace = "kube-system/../x"
            $0.metadata.labels["linkerd.io/proxy-deployment"] = nil
        }
        let target = try XCTUnwrap(PodScrapeRoute.apiServer(server: "https://k:6443").target(for: pod))
        XCTAssertEqual(target.url, "https://k:6443/api/v1/namespaces/kube-system%2F..%2Fx/pods/"
            + "web%2F..%2F..%2Fsecrets%0A%1B%5B31m%3Fx%3D1%23:4191/proxy/metrics")
        XCTAssertFalse(target.url.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        XCTAssertEqual(target.pod, name)
        XCTAssertEqual(target.workload, WorkloadRef(namespace: "kube-system/../x", kind: "pod", name: name))
        XCTAssertEqual(PodScrapeRoute.direct.target(for: pod)?.url, "http://10.42.0.11:4191/metrics")
    }
}
