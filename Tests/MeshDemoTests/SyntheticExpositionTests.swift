import MeshDemo
import MeshModel
import XCTest

/// The synthetic `/metrics` generator: deterministic, the right size, and internally consistent.
final class SyntheticExpositionTests: XCTestCase {
    private static let fiveMB = 5_000_000
    private static let big = SyntheticExposition.body(targetBytes: fiveMB, seed: 42)

    func testSameSeedGivesSameBytes() {
        XCTAssertEqual(SyntheticExposition.body(targetBytes: Self.fiveMB, seed: 42), Self.big)
        XCTAssertNotEqual(SyntheticExposition.body(targetBytes: 200_000, seed: 7),
                          SyntheticExposition.body(targetBytes: 200_000, seed: 8))
    }

    func testSizeIsWithinTenPercentOfTarget() {
        XCTAssertEqual(Double(Self.big.count), Double(Self.fiveMB), accuracy: Double(Self.fiveMB) / 10)
    }

    func testLayoutIsLegacyThenOpenMetrics() {
        let text = String(decoding: Self.big, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\n# EOF\n"))
        XCTAssertTrue(text.contains(#"le="+Inf"}"#))
        XCTAssertTrue(text.contains(#"{le="0.05","#))
        XCTAssertTrue(text.contains("# UNIT outbound_http_route_request_duration_seconds seconds\n"))
        let admin = #"target_addr="0.0.0.0:4191",target_ip="0.0.0.0",target_port="4191","#
            + #"tls="no_identity",no_tls_reason="no_tls_from_remote""#
        XCTAssertTrue(text.contains(admin))
        XCTAssertTrue(text.contains(#"status_code="500",classification="failure""#))
        let legacy = text.range(of: "# TYPE request_total counter")!
        let tail = text.range(of: "# TYPE outbound_http_route_request_duration_seconds histogram")!
        XCTAssertLessThan(legacy.lowerBound, tail.lowerBound)
    }

    func testEverySampleLineIsNameLabelsValue() {
        let lines = Self.lines(Self.big).filter { !$0.hasPrefix("#") }
        XCTAssertGreaterThan(lines.count, 5_000)
        XCTAssertEqual(lines.filter { Self.parse($0) == nil }.prefix(3), [])
    }

    func testBucketsAreCumulativeAndInfEqualsCount() throws {
        var last: [String: Double] = [:]
        var inf: [String: Double] = [:]
        var counts: [String: Double] = [:]
        var decreasing: [String] = []
        for s in try Self.samples(Self.big) {
            if s.name.hasSuffix("_bucket") {
                let (key, le) = Self.withoutLe(String(s.name.dropLast(7)), s.labels)
                if s.value < last[key] ?? 0 { decreasing.append(s.line) }
                last[key] = s.value
                if le == "+Inf" { inf[key] = s.value }
            } else if s.name.hasSuffix("_count") {
                counts[String(s.name.dropLast(6)) + "{" + s.labels] = s.value
            }
        }
        XCTAssertEqual(decreasing.prefix(3), [])
        XCTAssertGreaterThan(counts.count, 100)
        XCTAssertEqual(inf, counts)
    }

    func testResponsesAddUpToRequests() throws {
        var requests: [String: Double] = [:]
        var responses: [String: Double] = [:]
        for s in try Self.samples(Self.proxy(elapsed: 3_600).metricsBody()) {
            if s.name == "request_total" { requests[s.labels, default: 0] += s.value }
            if s.name == "response_total", let status = s.labels.range(of: ",status_code=") {
                responses[String(s.labels[..<status.lowerBound]), default: 0] += s.value
            }
        }
        XCTAssertEqual(requests.count, 4)  // admin, inbound, two pods of the peer
        XCTAssertEqual(requests, responses)
        XCTAssertGreaterThan(requests.values.reduce(0, +), 0)
    }

    func testCountersNeverGoDownAsTimePasses() throws {
        let gauges: Set = ["tcp_open_connections", "process_resident_memory_bytes", "process_start_time_seconds"]
        var before: [String: Double] = [:]
        var decreased: [String] = []
        for elapsed in [0, 1, 100, 101, 130, 1_000, 3_599, 3_600, 86_400] as [Double] {
            for s in try Self.samples(Self.proxy(elapsed: elapsed).metricsBody()) where !gauges.contains(s.name) {
                let key = s.name + "{" + s.labels
                if s.value < before[key] ?? 0 { decreased.append("\(elapsed)s: \(s.line)") }
                before[key] = s.value
            }
        }
        XCTAssertEqual(decreased.prefix(3), [])
    }

    func testFiveMegabytesIsFast() {
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SyntheticExposition.body(targetBytes: Self.fiveMB, seed: 1) }
        XCTAssertLessThan(elapsed, .seconds(2))
    }

    // MARK: - Helpers

    private static func proxy(elapsed: Double) -> SyntheticProxy {
        let peer = SyntheticPeer(
            workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "voting"),
            pods: ["voting-5f5b9c7d8-abcde", "voting-5f5b9c7d8-fghij"], rps: 13.7, successRate: 0.83,
            latencyMs: 7, statusCodes: [200, 404])
        return SyntheticProxy(
            namespace: "emojivoto", pod: "web-6d4c8b9f7-xk2lp", podIP: "10.42.0.17",
            workload: WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web"),
            inboundRPS: 9.3, successRate: 0.97, latencyMs: 25, outbound: [peer], elapsedSeconds: elapsed)
    }

    private struct Sample {
        var name: String
        var labels: String
        var value: Double
        var line: String
    }

    private static func samples(_ body: [UInt8]) throws -> [Sample] {
        try lines(body).filter { !$0.hasPrefix("#") }.map { line in
            let s = try XCTUnwrap(parse(line), "malformed: \(line)")
            return Sample(name: s.name, labels: s.labels, value: s.value, line: line)
        }
    }

    private static func lines(_ body: [UInt8]) -> [String] {
        String(decoding: body, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `name{labels} value` or `name value`; `labels` is what sits between the braces.
    private static func parse(_ line: String) -> (name: String, labels: String, value: Double)? {
        let bytes = Array(line.utf8)
        guard let space = bytes.lastIndex(of: UInt8(ascii: " ")),
              let value = Double(String(decoding: bytes[(space + 1)...], as: UTF8.self)) else { return nil }
        let series = bytes[..<space]
        let brace = series.firstIndex(of: UInt8(ascii: "{")) ?? space
        guard isMetricName(series[..<brace]) else { return nil }
        let name = String(decoding: series[..<brace], as: UTF8.self)
        guard brace < space else { return (name, "", value) }
        let labels = series[(brace + 1)...].dropLast()
        guard series.last == UInt8(ascii: "}"), isLabelList(labels) else { return nil }
        return (name, String(decoding: labels, as: UTF8.self), value)
    }

    private static func isMetricName(_ name: ArraySlice<UInt8>) -> Bool {
        guard let first = name.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.allSatisfy { c in
            c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
        }
    }

    /// Whether `text` is `name="value"` pairs joined by commas; values may hold escaped quotes.
    private static func isLabelList(_ text: ArraySlice<UInt8>) -> Bool {
        var i = text.startIndex
        while i < text.endIndex {
            guard let eq = text[i...].firstIndex(of: UInt8(ascii: "=")), isMetricName(text[i..<eq]),
                  eq + 1 < text.endIndex, text[eq + 1] == UInt8(ascii: "\"") else { return false }
            var j = eq + 2
            while j < text.endIndex, text[j] != UInt8(ascii: "\"") { j += text[j] == UInt8(ascii: "\\") ? 2 : 1 }
            guard j < text.endIndex else { return false }
            i = j + 1
            if i < text.endIndex {
                guard text[i] == UInt8(ascii: ","), i + 1 < text.endIndex else { return false }
                i += 1
            }
        }
        return true
    }

    /// The series key `base{labels` without its `le` label, and that label's value; `le` must be
    /// the first label (OpenMetrics tail) or the last (legacy), else the key keeps it and `le` is empty.
    private static func withoutLe(_ base: String, _ labels: String) -> (key: String, le: String) {
        if labels.hasPrefix(#"le=""#), let comma = labels.firstIndex(of: ",") {
            let le = labels[..<comma].dropFirst(4).dropLast()
            return (base + "{" + labels[labels.index(after: comma)...], String(le))
        }
        if let comma = labels.lastIndex(of: ","), labels[comma...].hasPrefix(#",le=""#) {
            return (base + "{" + labels[..<comma], String(labels[comma...].dropFirst(5).dropLast()))
        }
        return (base + "{" + labels, "")
    }
}
