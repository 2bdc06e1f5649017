import Foundation
import MeshModel
import XCTest
@testable import MeshSources

final class TargetsFileTests: XCTestCase {
    private let web = ["namespace": "emojivoto", "deployment": "web", "pod": "web-7d9c8b5f4-x2kq9"]

    func testValidFiles() throws {
        let cases: [(name: String, text: String, expected: [TargetSpec])] = [
            ("json", """
                [{"targets": ["10.42.0.7:4191", "10.42.0.8:4191"],
                  "labels": {"namespace": "emojivoto", "deployment": "web", "pod": "web-7d9c8b5f4-x2kq9"}}]
                """, [TargetSpec(url: "http://10.42.0.7:4191/metrics", labels: web),
                      TargetSpec(url: "http://10.42.0.8:4191/metrics", labels: web)]),
            ("json with tabs", "[\n\t{\n\t\t\"targets\": [\"10.42.0.7:4191\"],\n\t\t\"labels\": {\"pod\": \"db-0\"}\n\t}\n]\n",
             [TargetSpec(url: "http://10.42.0.7:4191/metrics", labels: ["pod": "db-0"])]),
            ("yaml block", """
                # emojivoto
                - targets:
                    - 10.42.0.7:4191
                    - "10.42.0.8:4191"
                  labels:
                    namespace: emojivoto
                    deployment: web
                    pod: web-7d9c8b5f4-x2kq9
                """, [TargetSpec(url: "http://10.42.0.7:4191/metrics", labels: web),
                      TargetSpec(url: "http://10.42.0.8:4191/metrics", labels: web)]),
            ("yaml flow, unquoted", "- {targets: [10.42.0.9:4191, '[::1]:4191']}\n",
             [TargetSpec(url: "http://10.42.0.9:4191/metrics"), TargetSpec(url: "http://[::1]:4191/metrics")]),
            ("reserved labels", """
                - targets: [proxy.example:4191]
                  labels: {__scheme__: HTTPS, __metrics_path__: stats/metrics, __param_format: text,
                           __param_a: "x y", __address__: ignored, k8s_job: migrate}
                """, [TargetSpec(url: "https://proxy.example:4191/stats/metrics?a=x%20y&format=text",
                                 labels: ["k8s_job": "migrate"])]),
            ("urls kept", #"[{"targets": ["http://localhost:4191/metrics", "file:///tmp/m.txt"]}]"#,
             [TargetSpec(url: "http://localhost:4191/metrics"), TargetSpec(url: "file:///tmp/m.txt")]),
            ("nulls", "- targets:\n  labels:\n- targets: [a:1]\n  labels: {pod: }\n",
             [TargetSpec(url: "http://a:1/metrics", labels: ["pod": ""])]),
            ("several entries", #"[{"targets": ["a:1"]}, {"targets": []}, {"targets": ["b:2"], "labels": {"job": "x"}}]"#,
             [TargetSpec(url: "http://a:1/metrics"), TargetSpec(url: "http://b:2/metrics", labels: ["job": "x"])]),
            ("empty", "", []),
            ("comments only", "# nothing yet\n", []),
            ("empty list", "[]", []),
        ]
        for c in cases {
            XCTAssertEqual(try TargetsFile.parse(text: c.text, fileName: "t"), c.expected, c.name)
        }
    }

    func testWorkloadFromLabels() {
        let cases: [(labels: [String: String], expected: WorkloadRef?)] = [
            (web, WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")),
            (["k8s_job": "migrate", "namespace": "ops"], WorkloadRef(namespace: "ops", kind: "job", name: "migrate")),
            (["statefulset": "db", "daemonset": "agent"], WorkloadRef(namespace: "", kind: "statefulset", name: "db")),
            (["deployment": "", "pod": "p"], nil),
            (["namespace": "emojivoto", "pod": "web-7d9c8b5f4-x2kq9"], nil),
        ]
        for c in cases {
            XCTAssertEqual(TargetSpec(url: "http://a:1/metrics", labels: c.labels).workload, c.expected, "\(c.labels)")
        }
    }

    func testInvalidFiles() {
        let targetsMessage = #"t.yaml: entry 2: "targets" must be a list of "host:port" strings"#
        let cases: [(text: String, message: String)] = [
            (#"{"targets": []}"#,
             #"t.yaml: expected a list of {"targets": [...], "labels": {...}} entries, found a mapping"#),
            ("just text", #"t.yaml: expected a list of {"targets": [...], "labels": {...}} entries, found a string"#),
            (#"["a:1"]"#, #"t.yaml: entry 1: expected a mapping with "targets" and "labels", found a string"#),
            (#"[{"labels": {}}]"#, #"t.yaml: entry 1: missing "targets""#),
            (#"[{"targets": []}, {"targets": "a:1"}]"#, targetsMessage),
            (#"[{"targets": []}, {"targets": [4191]}]"#, targetsMessage),
            ("- targets: []\n- targets: [[a:1]]\n", targetsMessage),
            ("- targets: []\n- targets: {a: 1}\n", targetsMessage),
            (#"[{"targets": ["a:1"], "labels": ["pod"]}]"#,
             #"t.yaml: entry 1: "labels" must be a mapping of label names to strings"#),
            (#"[{"targets": ["a:1"], "labels": {"pod": 5}}]"#,
             #"t.yaml: entry 1: label "pod" must be a string, not a number or boolean"#),
            ("- targets: [a:1]\n  labels: {pod: {name: x}}\n",
             #"t.yaml: entry 1: label "pod" must be a string, not a mapping"#),
            (#"[{"targets": ["a:1"], "labels": {"app-name": "x"}}]"#,
             #"t.yaml: entry 1: invalid label name "app-name" (use letters, digits and _, not starting with a digit)"#),
            (#"[{"target": ["a:1"]}]"#, #"t.yaml: entry 1: unknown field "target" (expected "targets" and "labels")"#),
            ("- targets: [a:1]\n  labels: {__scheme__: ftp}\n",
             #"t.yaml: entry 1: "__scheme__" must be "http" or "https", not "ftp""#),
            (#"[{"targets": ["a:1", "a b:1"]}]"#, #"t.yaml: entry 1: target 2: "a b:1" is not "host:port" or a URL"#),
            (#"[{"targets": ["a:1/metrics"]}]"#, #"t.yaml: entry 1: target 1: "a:1/metrics" is not "host:port" or a URL"#),
            (#"[{"targets": [""]}]"#, #"t.yaml: entry 1: target 1: "" is not "host:port" or a URL"#),
            (#"[{"targets": ["ftp://h/x"]}]"#,
             #"t.yaml: entry 1: target 1: unsupported scheme in "ftp://h/x" (use http, https or file)"#),
            ("- targets: [a:1\n", "t.yaml: line 2, column 1: not valid YAML or JSON: did not find expected ',' or ']' "
                + "(while parsing a flow sequence at line 1, column 12)"),
            ("- targets: [a:1]\n  targets: [b:2]\n", #"t.yaml: duplicate key "targets" in the mapping at line 1"#),
        ]
        for c in cases {
            XCTAssertThrowsError(try TargetsFile.parse(text: c.text, fileName: "t.yaml"), c.text) { error in
                XCTAssertEqual("\(error)", c.message, c.text)
                XCTAssertTrue(error is TargetError)
            }
        }
    }

    func testLoadNamesThePath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshsources-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("targets.yaml")
        try "- targets: [a:1]\n".write(to: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TargetsFile.load(path: good.path), [TargetSpec(url: "http://a:1/metrics")])

        let bad = directory.appendingPathComponent("bad.json")
        try #"[{"targets": "a:1"}]"#.write(to: bad, atomically: true, encoding: .utf8)
        let missing = directory.appendingPathComponent("missing.yaml").path
        let cases: [(path: String, message: String)] = [
            (bad.path, "\(bad.path): entry 1: \"targets\" must be a list of \"host:port\" strings"),
            (missing, "\(missing): no such file"),
            (directory.path, "\(directory.path): is a directory, not a targets file"),
        ]
        for c in cases {
            XCTAssertThrowsError(try TargetsFile.load(path: c.path)) { error in
                XCTAssertEqual("\(error)", c.message)
            }
        }
    }
}
