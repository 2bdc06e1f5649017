import MeshModel
import XCTest
@testable import MeshSources

final class PodIdentityTests: XCTestCase {
    func testWorkloadFromPodName() {
        let cases: [(pod: String, kind: String, name: String)] = [
            ("web-7d9c8b5f4-x2kq9", "deployment", "web"),
            ("emoji-svc-5f7b8c9d6-bcdfg", "deployment", "emoji-svc"),
            ("linkerd-destination-6c8f7b9d4b-q7xzt", "deployment", "linkerd-destination"),  // 10-char hash
            ("vote-bot-c6d9f7-zz2x4", "deployment", "vote-bot"),                           // 6-char hash
            ("web-7d9c8-x2kq9", "pod", "web-7d9c8-x2kq9"),                                  // hash too short
            ("web-7d9c8b5f4bc-x2kq9", "pod", "web-7d9c8b5f4bc-x2kq9"),                      // hash too long
            ("web-7d9c8b5f4-x2kq", "pod", "web-7d9c8b5f4-x2kq"),                            // suffix too short
            ("web-7d9c8b5f4-x2kqa", "pod", "web-7d9c8b5f4-x2kqa"),                          // vowel in suffix
            ("web-7d0c8b5f4-x2kq9", "pod", "web-7d0c8b5f4-x2kq9"),                          // 0 in hash
            ("-7d9c8b5f4-x2kq9", "pod", "-7d9c8b5f4-x2kq9"),                                // no base name
            ("db-0", "statefulset", "db"),
            ("kafka-broker-12", "statefulset", "kafka-broker"),
            ("db-01", "pod", "db-01"),
            ("-0", "pod", "-0"),
            ("linkerd-cni-x7k2p", "pod", "linkerd-cni-x7k2p"),                              // DaemonSet: ambiguous
            ("standalone", "pod", "standalone"),
        ]
        for c in cases {
            XCTAssertEqual(PodIdentity.workload(forPod: c.pod, namespace: "ns"),
                           WorkloadRef(namespace: "ns", kind: c.kind, name: c.name), c.pod)
        }
    }

    func testParseEnvironment() {
        let expected = PodIdentity.PodEnvironment(pod: "web-1", namespace: "prod")
        let cases: [(body: String, expected: PodIdentity.PodEnvironment?)] = [
            (#"{"_pod_name":"web-1","_pod_ns":"prod"}"#, expected),
            (#"{"_pod_ns": "prod", "_pod_sa": "web", "_pod_name": "web-1", "HOME": "/"}"#, expected),
            (#"{"_pod_name":"web-1"}"#, nil),
            (#"{"_pod_name":"web-1","_pod_ns":""}"#, nil),
            (#"{"_pod_name":5,"_pod_ns":"prod"}"#, nil),
            (#"["_pod_name","_pod_ns"]"#, nil),
            ("not json", nil),
            ("", nil),
        ]
        for c in cases {
            XCTAssertEqual(PodIdentity.parseEnvironment(Array(c.body.utf8)), c.expected, c.body)
        }
    }

    func testEnvironmentRequestForMetricsURL() {
        let query = "/env.json?_pod_name&_pod_ns"
        let cases: [(metrics: String, expected: String?)] = [
            ("http://10.42.0.7:4191/metrics", "http://10.42.0.7:4191" + query),
            ("https://proxy.example:4191/a/b?x=1#f", "https://proxy.example:4191" + query),
            ("HTTP://[::1]:4191", "http://[::1]:4191" + query),
            ("http://user:secret@host:4191/metrics", "http://host:4191" + query),
            ("file:///tmp/metrics.txt", nil),
            ("10.42.0.7:4191", nil),
            ("http:///metrics", nil),
        ]
        for c in cases {
            let request = PodIdentity.environmentRequest(forMetricsURL: c.metrics)
            XCTAssertEqual(request?.url, c.expected, c.metrics)
            if request != nil { XCTAssertEqual(request?.accept, "application/json") }
        }
    }
}
