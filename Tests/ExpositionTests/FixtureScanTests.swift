import XCTest
import Foundation
import Exposition

/// The real `linkerd diagnostics proxy-metrics` capture, read sample for sample.
final class FixtureScanTests: XCTestCase {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "txt"))
        return Array(try Data(contentsOf: url))
    }

    func testRealProxyCaptureParsesCompletely() throws {
        let result = scan(try fixture("proxy-metrics-2022-sampleMetrics"))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.samples.count, 199)
        var perFamily: [String: Int] = [:]
        for s in result.samples { perFamily[s.name, default: 0] += 1 }
        let expected: [String: Int] = [
            "control_request_total": 3, "control_response_latency_ms_bucket": 78, "control_response_latency_ms_count": 3,
            "control_response_latency_ms_sum": 3, "control_response_total": 2,
            "identity_cert_expiration_timestamp_seconds": 1, "identity_cert_refresh_count": 1,
            "inbound_http_authz_allow_total": 1, "opencensus_span_export_requests": 1, "opencensus_span_export_streams": 1,
            "opencensus_span_exports": 1, "process_cpu_seconds_total": 1, "process_max_fds": 1, "process_open_fds": 1,
            "process_resident_memory_bytes": 1, "process_start_time_seconds": 1, "process_virtual_memory_bytes": 1,
            "proxy_build_info": 1, "request_total": 1, "response_latency_ms_bucket": 26, "response_latency_ms_count": 1,
            "response_latency_ms_sum": 1, "response_total": 1, "stack_create_total": 9, "stack_drop_total": 9,
            "stack_poll_total": 27, "stack_poll_total_ms": 9, "tcp_close_total": 1, "tcp_open_connections": 3,
            "tcp_open_total": 3, "tcp_read_bytes_total": 3, "tcp_write_bytes_total": 3,
        ]
        XCTAssertEqual(perFamily, expected)
    }

    func testRealProxyCaptureExactValues() throws {
        let samples = scan(try fixture("proxy-metrics-2022-sampleMetrics")).samples
        func value(_ name: String, _ labels: [String] = []) -> Double? {
            samples.first { $0.name == name && labels.allSatisfy($0.labels.contains) }?.value
        }
        XCTAssertEqual(value("process_cpu_seconds_total"), 0.07)
        XCTAssertEqual(value("process_resident_memory_bytes"), 17_805_312)
        XCTAssertEqual(value("process_start_time_seconds"), 1_650_967_123)
        XCTAssertEqual(value("identity_cert_expiration_timestamp_seconds"), 1_651_053_543)
        XCTAssertEqual(value("request_total", ["direction=inbound", "target_port=4191"]), 30)
        XCTAssertEqual(value("response_total", ["classification=success", "status_code=200"]), 29)
        XCTAssertEqual(value("response_latency_ms_bucket", ["direction=inbound", "le=1"]), 29)
        XCTAssertEqual(value("response_latency_ms_bucket", ["direction=inbound", "le=+Inf"]), 29)
        XCTAssertEqual(value("tcp_write_bytes_total", ["direction=inbound", "peer=src"]), 63256)
        XCTAssertEqual(value("tcp_read_bytes_total", ["direction=outbound", "peer=src"]), 3763)
        XCTAssertEqual(value("proxy_build_info", ["git_sha=279b301", "rust_version=rustc 1.59.0 (9d1b2106e 2022-02-23)"]), 1)
        let outbound = try XCTUnwrap(samples.first { $0.name == "tcp_open_connections" && $0.labels.contains("peer=dst") })
        XCTAssertEqual(outbound.labels.first { $0.hasPrefix("dst_deployment=") }, "dst_deployment=opaque-pod")
        XCTAssertEqual(outbound.labels.first { $0.hasPrefix("tls=") }, "tls=true")
    }

    func testOlderLabelFormatParses() throws {
        let result = scan(try fixture("proxy-metrics-2021-obfuscate-input"))
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.samples.count, 4)
        XCTAssertEqual(result.samples.last?.value, 3147)
        XCTAssertTrue(result.samples.last?.labels.contains("client_id=default.default.serviceaccount.identity.linkerd.cluster.local") ?? false)
    }
}
