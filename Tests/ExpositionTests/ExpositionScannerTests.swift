import XCTest
import Exposition

final class ExpositionScannerTests: XCTestCase {
    func testValidLines() {
        let cases: [(String, [DecodedSample])] = [
            ("a 1\n", [DecodedSample(name: "a", labels: [], value: 1)]),
            ("a{} 1\n", [DecodedSample(name: "a", labels: [], value: 1)]),
            ("a 1", [DecodedSample(name: "a", labels: [], value: 1)]),  // no final newline
            ("a 1\r\nb 2\r\n", [DecodedSample(name: "a", labels: [], value: 1), DecodedSample(name: "b", labels: [], value: 2)]),
            ("\n\n  \na 1\n\n", [DecodedSample(name: "a", labels: [], value: 1)]),
            ("ns:rule_name 1.5", [DecodedSample(name: "ns:rule_name", labels: [], value: 1.5)]),
            (#"x{le="1"} 3"#, [DecodedSample(name: "x", labels: ["le=1"], value: 3)]),
            (#"x{le="1.0",a="b"} 3"#, [DecodedSample(name: "x", labels: ["le=1.0", "a=b"], value: 3)]),
            (#"x{a="b",le="+Inf",} 3"#, [DecodedSample(name: "x", labels: ["a=b", "le=+Inf"], value: 3)]),
            (#"x{ a = "b" , c="d" } 3"#, [DecodedSample(name: "x", labels: ["a=b", "c=d"], value: 3)]),
            (#"x{p="a\\b\"c\nd"} 1"#, [DecodedSample(name: "x", labels: ["p=a\\b\"c\nd"], value: 1)]),
            (#"x{p="\t"} 1"#, [DecodedSample(name: "x", labels: ["p=\\t"], value: 1)]),
            (#"x{p=""} 1"#, [DecodedSample(name: "x", labels: ["p="], value: 1)]),
            (#"x{p="{},=# "} 1"#, [DecodedSample(name: "x", labels: ["p={},=# "], value: 1)]),
            (#"x{p="日本語 ✓"} 1"#, [DecodedSample(name: "x", labels: ["p=日本語 ✓"], value: 1)]),
            ("a NaN", [DecodedSample(name: "a", labels: [], value: .nan)]),
            ("a +Inf\nb -Inf\nc Inf", [
                DecodedSample(name: "a", labels: [], value: .infinity),
                DecodedSample(name: "b", labels: [], value: -.infinity),
                DecodedSample(name: "c", labels: [], value: .infinity),
            ]),
            ("a 6.02214076e-23", [DecodedSample(name: "a", labels: [], value: 6.02214076e-23)]),
            ("a 1E3\nb -0.5\nc +7\nd 0x10", [
                DecodedSample(name: "a", labels: [], value: 1000), DecodedSample(name: "b", labels: [], value: -0.5),
                DecodedSample(name: "c", labels: [], value: 7), DecodedSample(name: "d", labels: [], value: 16),
            ]),
            ("a 12345678901234567890", [DecodedSample(name: "a", labels: [], value: 1.2345678901234567e19)]),
            ("a 0.1", [DecodedSample(name: "a", labels: [], value: 0.1)]),
            ("a 1 1700000000123", [DecodedSample(name: "a", labels: [], value: 1, timestampMs: 1_700_000_000_123)]),
            ("a\t1\t-5", [DecodedSample(name: "a", labels: [], value: 1, timestampMs: -5)]),
            ("a 1 1700000000.5", [DecodedSample(name: "a", labels: [], value: 1, timestampMs: 1_700_000_000_500)]),
            ("# UNIT a seconds\na 1 1700000000", [DecodedSample(name: "a", labels: [], value: 1, timestampMs: 1_700_000_000_000)]),
            (#"a_total{x="1"} 5 # {trace_id="abc"} 1.0 1700000000"#, [DecodedSample(name: "a_total", labels: ["x=1"], value: 5)]),
            (#"a_total 5 1700000000000 # {trace_id="abc"} 1.0"#, [DecodedSample(name: "a_total", labels: [], value: 5, timestampMs: 1_700_000_000_000)]),
            ("a 1 \n", [DecodedSample(name: "a", labels: [], value: 1)]),  // trailing space
            ("# a plain comment\n#\n# HELPFUL note\na 1", [DecodedSample(name: "a", labels: [], value: 1)]),
            ("a 1\n# EOF\n", [DecodedSample(name: "a", labels: [], value: 1)]),
            ("a 1\n# EOF", [DecodedSample(name: "a", labels: [], value: 1)]),
        ]
        for (input, expected) in cases {
            let result = scan(input)
            XCTAssertEqual(result.errors, [], "input: \(input.debugDescription)")
            XCTAssertEqual(result.samples, expected, "input: \(input.debugDescription)")
        }
    }

    func testInvalidLinesAreReportedAndSkipped() {
        let cases: [(String, String)] = [
            (#"x{a="b} 1"#, "line 1: unterminated label value (column 5)"),
            (#"x{a="b""#, "line 1: unterminated label set (column 8)"),
            (#"x{a="b" c="d"} 1"#, "line 1: expected , or } after a label value (column 9)"),
            (#"x{a=b} 1"#, "line 1: expected \" to open the label value (column 5)"),
            (#"x{a} 1"#, "line 1: expected = after label name (column 4)"),
            (#"x{a b="c"} 1"#, "line 1: invalid character in label name (column 4)"),
            (#"x{a-b="c"} 1"#, "line 1: invalid character in label name (column 4)"),
            (#"x{1a="b"} 1"#, "line 1: invalid label name (column 3)"),
            ("x", "line 1: missing value (column 2)"),
            ("x ", "line 1: missing value (column 3)"),
            ("x abc", "line 1: invalid value \"abc\" (column 3)"),
            ("x 1.2.3", "line 1: invalid value \"1.2.3\" (column 3)"),
            ("x 1 2 3", "line 1: unexpected text after the sample (column 7)"),
            ("x 1 abc", "line 1: invalid timestamp \"abc\" (column 5)"),
            ("1x 1", "line 1: expected a metric name (column 1)"),
            ("x-y 1", "line 1: invalid character in metric name (column 2)"),
            ("  x 1", "line 1: line starts with whitespace (column 1)"),
            ("# TYPE x countr", "line 1: unknown metric type (column 10)"),
            ("# TYPE", "line 1: # TYPE without a metric name (column 7)"),
            ("a 1\n# EOF\nb 2\n", "line 3: content after # EOF is ignored"),
            ("x{a=\"\u{1}\" 1", "line 1: expected , or } after a label value (column 9)"),
        ]
        for (input, expected) in cases {
            let result = scan(input)
            XCTAssertEqual(result.errors, [expected], "input: \(input.debugDescription)")
        }
    }

    func testABadLineDoesNotLoseItsNeighbours() {
        let result = scan("a 1\nb{x=\"unterminated} 2\nc 3\nd bogus\ne{y=\"z\"} 5\n")
        XCTAssertEqual(result.samples.map(\.name), ["a", "c", "e"])
        XCTAssertEqual(result.errors, ["line 2: unterminated label value (column 5)", "line 4: invalid value \"bogus\" (column 3)"])
    }

    func testALabelValueCannotSpanLines() {
        let result = scan("x{a=\"b\n\"} 1\ny 2\n")
        XCTAssertEqual(result.samples.map(\.name), ["y"])
        XCTAssertEqual(result.errors, ["line 1: unterminated label value (column 5)", "line 2: expected a metric name (column 1)"])
    }

    func testErrorMessagesEscapeControlCharacters() {
        let result = scan("x \u{1B}[31m")
        XCTAssertEqual(result.errors, ["line 1: invalid value \"\\x1b[31m\" (column 3)"])
    }

    func testMetadata() {
        let result = scan("# HELP a_seconds Help text with  spaces.\n# TYPE a_seconds histogram\n# UNIT a_seconds seconds\n")
        XCTAssertEqual(result.metadata, [
            "HELP a_seconds Help text with  spaces.", "TYPE a_seconds histogram", "UNIT a_seconds seconds",
        ])
    }

    func testEmptyAndWhitespaceBodies() {
        for input in ["", "\n", "\r\n", "   \n\t\n", "# EOF\n"] {
            let result = scan(input)
            XCTAssertEqual(result.samples, [], input.debugDescription)
            XCTAssertEqual(result.errors, [], input.debugDescription)
        }
    }

    func testLegacyTextFollowedByOpenMetricsTail() {
        let body = """
        # HELP request_total Total count of HTTP requests.
        # TYPE request_total counter
        request_total{direction="inbound",tls="true"} 7
        # HELP response_latency_ms Elapsed times
        # TYPE response_latency_ms histogram
        response_latency_ms_bucket{direction="inbound",le="1"} 2
        response_latency_ms_bucket{direction="inbound",le="+Inf"} 7
        response_latency_ms_count{direction="inbound"} 7
        response_latency_ms_sum{direction="inbound"} 30
        # HELP outbound_http_route_request_duration_seconds The time between request initialization and response completion.
        # TYPE outbound_http_route_request_duration_seconds histogram
        # UNIT outbound_http_route_request_duration_seconds seconds
        outbound_http_route_request_duration_seconds_sum{parent_name="web"} 0.25
        outbound_http_route_request_duration_seconds_count{parent_name="web"} 4
        outbound_http_route_request_duration_seconds_bucket{le="0.05",parent_name="web"} 3
        outbound_http_route_request_duration_seconds_bucket{le="1.0",parent_name="web"} 4
        outbound_http_route_request_duration_seconds_bucket{le="+Inf",parent_name="web"} 4
        # EOF

        """
        let result = scan(body)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.samples.count, 10)
        XCTAssertEqual(result.samples[8], DecodedSample(name: "outbound_http_route_request_duration_seconds_bucket",
                                                        labels: ["le=1.0", "parent_name=web"], value: 4))
    }

    func testSeriesSpanCoversNameAndLabels() {
        let text = Array(#"req{a="b"} 1 5"#.utf8) + Array("\nplain 2\n".utf8)
        text.withUnsafeBufferPointer { body in
            var scanner = ExpositionScanner(body)
            guard case .sample(let first) = scanner.next() else { return XCTFail("expected a sample") }
            XCTAssertEqual(ExpositionText.string(first.series, in: body), #"req{a="b"}"#)
            guard case .sample(let second) = scanner.next() else { return XCTFail("expected a sample") }
            XCTAssertEqual(ExpositionText.string(second.series, in: body), "plain")
            XCTAssertEqual(second.line, 2)
            XCTAssertNil(scanner.next())
        }
    }

    func testTruncatedInputNeverReadsPastTheEnd() {
        let full = Array(#"response_total{direction="inbound",le="1",p="a\"b"} 12.5 1700000000000"#.utf8)
        for cut in 0...full.count {
            let result = scan(Array(full[0..<cut]))
            XCTAssertLessThanOrEqual(result.samples.count + result.errors.count, 1, "cut at \(cut)")
        }
    }
}
