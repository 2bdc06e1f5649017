import MeshModel
import XCTest
@testable import MeshSources

final class TargetResolverTests: XCTestCase {
    private let url = "http://10.42.0.7:4191/metrics"
    private let env = PodIdentity.PodEnvironment(pod: "web-7d9c8b5f4-x2kq9", namespace: "emojivoto")

    func testIdentify() {
        let cases: [(labels: [String: String], env: PodIdentity.PodEnvironment?, expected: ScrapeTarget)] = [
            (["namespace": "prod", "deployment": "api", "pod": "api-1"], nil,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "prod", kind: "deployment", name: "api"),
                          pod: "api-1")),
            (["deployment": "api"], env,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "api"),
                          pod: "web-7d9c8b5f4-x2kq9")),
            (["deployment": "api"], nil,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "", kind: "deployment", name: "api"),
                          pod: "10.42.0.7:4191")),
            ([:], env,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web"),
                          pod: "web-7d9c8b5f4-x2kq9")),
            (["namespace": "data", "pod": "db-0"], nil,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "data", kind: "statefulset", name: "db"),
                          pod: "db-0")),
            (["namespace": "ops", "k8s_job": "migrate"], env,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "ops", kind: "job", name: "migrate"),
                          pod: "web-7d9c8b5f4-x2kq9")),
            ([:], nil,
             ScrapeTarget(url: url, workload: WorkloadRef(namespace: "", kind: "target", name: "10.42.0.7:4191"),
                          pod: "10.42.0.7:4191")),
        ]
        for c in cases {
            XCTAssertEqual(TargetResolver.identify(TargetSpec(url: url, labels: c.labels), environment: c.env),
                           c.expected, "\(c.labels)")
        }
    }

    func testNeedsEnvironment() {
        XCTAssertFalse(TargetResolver.needsEnvironment(TargetSpec(url: url, labels: ["namespace": "a", "pod": "p"])))
        XCTAssertFalse(TargetResolver.needsEnvironment(TargetSpec(url: url, labels: ["namespace": "a", "job": "j"])))
        XCTAssertTrue(TargetResolver.needsEnvironment(TargetSpec(url: url, labels: ["deployment": "d"])))
        XCTAssertTrue(TargetResolver.needsEnvironment(TargetSpec(url: url, labels: ["namespace": "a"])))
        XCTAssertTrue(TargetResolver.needsEnvironment(TargetSpec(url: url)))
    }

    func testResolveAsksEnvJSONAndFallsBackToTheAddress() throws {
        let server = try LocalTestServer()
        defer { server.stop() }
        let refused = "127.0.0.1:\(server.freePort)"
        let specs = [
            TargetSpec(url: "http://\(refused)/metrics", labels: ["namespace": "prod", "deployment": "api"]),
            TargetSpec(url: server.url("/metrics")),
            TargetSpec(url: "http://\(refused)/metrics"),
            TargetSpec(url: "file:///tmp/proxy.txt"),
            TargetSpec(url: "file:///var/captures/web-7d9c8b5f4-x2kq9.prom"),
        ]
        let targets = TargetResolver.resolve(specs, fetcher: HTTPFetcher())
        XCTAssertEqual(targets, [
            ScrapeTarget(url: specs[0].url, workload: WorkloadRef(namespace: "prod", kind: "deployment", name: "api"),
                         pod: refused),
            ScrapeTarget(url: specs[1].url,
                         workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web"),
                         pod: "web-7d9c8b5f4-x2kq9"),
            ScrapeTarget(url: specs[2].url, workload: WorkloadRef(namespace: "", kind: "target", name: refused),
                         pod: refused),
            ScrapeTarget(url: specs[3].url, workload: WorkloadRef(namespace: "", kind: "pod", name: "proxy"), pod: "proxy"),
            ScrapeTarget(url: specs[4].url, workload: WorkloadRef(namespace: "", kind: "deployment", name: "web"),
                         pod: "web-7d9c8b5f4-x2kq9"),
        ])
    }
}
