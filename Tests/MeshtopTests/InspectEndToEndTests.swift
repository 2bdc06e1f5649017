import Foundation
import XCTest

/// `meshtop inspect`, the "why is my service missing?" command, on real captures.
final class InspectEndToEndTests: XCTestCase {
    func fixture() throws -> String {
        try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/proxy-metrics-2022-sampleMetrics", withExtension: "txt")).path
    }

    func testJSONListsEverySampleOfTheRealCapture() throws {
        let run = try MeshtopProcess.run(["inspect", "--json", try fixture()])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 199)
        let samples = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(samples.filter { $0["name"] as? String == "response_latency_ms_bucket" }.count, 26)
        let rss = try XCTUnwrap(samples.first { $0["name"] as? String == "process_resident_memory_bytes" })
        XCTAssertEqual(rss["value"] as? Double, 17_805_312)
        XCTAssertEqual(rss["labels"] as? [String: String], [:])
        XCTAssertTrue(rss["timestamp_ms"] is NSNull)
        let build = try XCTUnwrap(samples.first { $0["name"] as? String == "proxy_build_info" })
        XCTAssertEqual((build["labels"] as? [String: String])?["git_sha"], "279b301")
    }

    func testTextModeAndNonFiniteValues() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString).txt")
        try "a NaN\nb{x=\"q\\\"uote\"} +Inf 1700000000000\nc -Inf\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let text = try MeshtopProcess.run(["inspect", file.path])
        XCTAssertEqual(text.stdout, "a NaN\nb{x=\"q\\\"uote\"} +Inf 1700000000000\nc -Inf\n")
        let json = try MeshtopProcess.run(["inspect", "--json", file.path])
        XCTAssertEqual(json.stdout.split(separator: "\n"), [
            #"{"name":"a","labels":{},"value":"NaN","timestamp_ms":null}"#,
            #"{"name":"b","labels":{"x":"q\"uote"},"value":"+Inf","timestamp_ms":1700000000000}"#,
            #"{"name":"c","labels":{},"value":"-Inf","timestamp_ms":null}"#,
        ])
    }

    func testBadLinesGoToStderrAndExitOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString).txt")
        try "ok 1\nbroken{a=\"x} 2\nalso bad\nescape{a=\"\u{1B}[2J\"} 3\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try MeshtopProcess.run(["inspect", file.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n"), [
            "line 2: unterminated label value (column 10)", "line 3: invalid value \"bad\" (column 6)",
        ])
        XCTAssertEqual(run.stdout, "ok 1\nescape{a=\"\\x1b[2J\"} 3\n")  // the escape can't reach the terminal
    }

    func testUnreachableTargetExitsThree() throws {
        let run = try MeshtopProcess.run(["inspect", "--timeout", "2s", "127.0.0.1:1"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.hasPrefix("meshtop: http://127.0.0.1:1/metrics: "), run.stderr)
    }
}
