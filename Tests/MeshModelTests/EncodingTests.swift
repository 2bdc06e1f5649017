import XCTest
import Foundation
@testable import MeshModel

/// The JSON document and the tables: exact text, and nothing scraped can escape its string.
final class EncodingTests: XCTestCase {
    let hostile = WorkloadRef(namespace: "ns\u{1B}[2J", kind: "deployment", name: "we\"b\\\n\u{7}\u{9B}x\u{2028}")

    func snapshot(_ workload: WorkloadRef, metrics: GoldenMetrics) -> Snapshot {
        Snapshot(
            generatedAtMs: 1_764_675_641_512, windowSeconds: 10,
            workloads: [WorkloadStats(workload: workload, meshedPods: 2, totalPods: 2, metrics: metrics)],
            edges: [EdgeStats(src: workload, dst: WorkloadRef(namespace: "", kind: "authority", name: "api.example.com:443"),
                              metrics: GoldenMetrics(rps: 0.5), mtls: false, noTLSReason: "not_provided_by_service_discovery",
                              serverID: "")],
            pods: [],
            targets: [TargetHealth(url: "http://10.0.0.1:4191/metrics", pod: "web-1", workload: workload, ok: false,
                                   error: "HTTP 403", bytes: 0, durationMs: 1.5, samples: 0, parseErrors: 1,
                                   parseErrorMessages: ["line 3: invalid value \"\\x1b\" (column 4)"])])
    }

    func testDocumentShapeAndValues() {
        let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
        var document = snapshot(web, metrics: GoldenMetrics(rps: 12.5, success: 0.96, latencyP50: 6.25,
                                                            latencyP95: 47.5, latencyP99: 50, tcpOpenConnections: 4))
        document.problems = ["namespace \"e\u{1B}\" not found"]
        let json = SnapshotJSON.encode(document, source: "targets")
        XCTAssertEqual(json, """
        {"schema":"meshtop/v1","source":"targets","generated_at":"2025-12-02T11:40:41.512Z","window_seconds":10,\
        "workloads":[{"namespace":"emojivoto","kind":"deployment","name":"web","meshed":"2/2","success":0.96,"rps":12.5,\
        "latency_ms_p50":6.25,"latency_ms_p95":47.5,"latency_ms_p99":50,"tcp_open_connections":4,\
        "tcp_read_bytes_rate":null,"tcp_write_bytes_rate":null}],\
        "edges":[{"src":{"namespace":"emojivoto","kind":"deployment","name":"web"},\
        "dst":{"namespace":"","kind":"authority","name":"api.example.com:443"},"success":null,"rps":0.5,\
        "latency_ms_p50":null,"latency_ms_p95":null,"latency_ms_p99":null,"tcp_open_connections":null,\
        "tcp_read_bytes_rate":null,"tcp_write_bytes_rate":null,"mtls":false,\
        "no_tls_reason":"not_provided_by_service_discovery","server_id":""}],"pods":[],\
        "targets":[{"url":"http://10.0.0.1:4191/metrics","ok":false,"error":"HTTP 403","bytes":0,"duration_ms":1.5,\
        "pod":"web-1","workload":{"namespace":"emojivoto","kind":"deployment","name":"web"},"samples":0,\
        "parse_errors":1,"parse_error_messages":["line 3: invalid value \\"\\\\x1b\\" (column 4)"]}],\
        "problems":["namespace \\"e\\u001b\\" not found"]}
        """)
    }

    func testControlCharactersNeverReachTheJSONRaw() throws {
        let json = SnapshotJSON.encode(snapshot(hostile, metrics: GoldenMetrics(rps: .nan, success: .infinity)), source: "t")
        XCTAssertTrue(json.contains(#""namespace":"ns\u001b[2J""#), json)
        XCTAssertTrue(json.contains(#""name":"we\"b\\\n\u0007\u009bx\u2028""#), json)
        XCTAssertTrue(json.contains(#""success":null,"rps":null"#), json)  // non-finite is no data
        XCTAssertFalse(json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let name = ((parsed?["workloads"] as? [[String: Any]])?.first?["name"]) as? String
        XCTAssertEqual(name, hostile.name)  // escaped, not lost
    }

    func testTableLooksLikeVizStat() {
        let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
        let table = StatTable.render(snapshot(web, metrics: GoldenMetrics(rps: 1234.56, success: 0.99995, latencyP50: 0.4,
                                                                           latencyP95: 12.5, latencyP99: 999.5)))
        XCTAssertEqual(table, """
        NAMESPACE  NAME            MESHED  SUCCESS        RPS  LATENCY_P50  LATENCY_P95  LATENCY_P99  TCP_CONN
        emojivoto  deployment/web     2/2  100.00%  1234.6rps        0.4ms         13ms       1000ms         -

        SRC                           DST                            SUCCESS     RPS  LATENCY_P50  LATENCY_P95  LATENCY_P99  SECURED
        emojivoto/deployment/web  ->  authority/api.example.com:443        -  0.5rps            -            -            -  no (not_provided_by_service_discovery)

        """)
    }

    func testJSONEscapesBidiOverridesAndStillDecodesToTheSameText() throws {
        let text = "a\u{202E}b\u{2066}c\u{1B}[2J\u{9B}d\u{2028}"
        var json = JSONWriter()
        json.beginObject()
        json.field("name", text)
        json.endObject()
        XCTAssertEqual(json.text, #"{"name":"a\u202eb\u2066c\u001b[2J\u009bd\u2028"}"#)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: String])
        XCTAssertEqual(decoded["name"], text)
    }

    func testTableNeverCarriesControlCharacters() {
        let sneaky = WorkloadRef(namespace: "a\u{202E}b", kind: "pod", name: "c\u{2066}d\u{1B}]0;owned\u{7}")
        for ref in [hostile, sneaky] {
            let table = StatTable.render(snapshot(ref, metrics: GoldenMetrics(rps: 1)))
            let unsafe = table.unicodeScalars.filter { $0 != "\n" && StatTable.isUnsafe($0) }.map(\.value)
            XCTAssertEqual(unsafe, [], table)
            XCTAssertTrue(table.contains("\\x1b[2J") || table.contains("a\\u{202e}b"), table)
        }
        XCTAssertTrue(StatTable.render(snapshot(sneaky, metrics: GoldenMetrics(rps: 1))).contains("c\\u{2066}d\\x1b]0;owned\\x07"))
    }

    func testDisplayEscapesWhatCouldSteerATerminal() {
        let cases: [(String, String)] = [
            ("plain", "plain"), ("\u{1b}[2J", "\\x1b[2J"), ("a\u{7}b\u{7f}\u{9b}", "a\\x07b\\x7f\\x9b"),
            ("tab\tnl\n", "tab\\x09nl\\x0a"), ("\u{202e}gnp.exe", "\\u{202e}gnp.exe"), ("中文 ✓", "中文 ✓"),
        ]
        for (text, shown) in cases {
            XCTAssertEqual(StatTable.display(text), shown)
        }
    }

    func testFixedDecimals() {
        let cases: [(Double, Int, String)] = [
            (0, 2, "0.00"), (99.995, 2, "100.00"), (0.125, 2, "0.13"), (-1.5, 0, "-2"), (-0.001, 1, "0.0"),
            (1234.56, 1, "1234.6"), (7, 0, "7"), (.nan, 1, "-"), (.infinity, 0, "-"),
        ]
        for (value, digits, expected) in cases {
            XCTAssertEqual(StatTable.fixed(value, digits), expected, "\(value) to \(digits)")
        }
    }

    func testRFC3339() {
        let cases: [(Int64, String)] = [
            (0, "1970-01-01T00:00:00.000Z"), (1_764_675_641_512, "2025-12-02T11:40:41.512Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"), (-1, "1969-12-31T23:59:59.999Z"),
            (4_102_444_799_999, "2099-12-31T23:59:59.999Z"),
        ]
        for (ms, expected) in cases { XCTAssertEqual(Timestamp.rfc3339(ms: ms), expected) }
    }
}
