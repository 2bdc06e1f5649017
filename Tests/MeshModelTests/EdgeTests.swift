import XCTest
@testable import MeshModel

final class EdgeTests: XCTestCase {
    let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")

    func snapshot(_ first: String, _ second: String) -> Snapshot {
        var mesh = MeshWindow(windowMs: 10_000)
        let t = ScrapeTarget(url: "file:///web", workload: web, pod: "web-1")
        for (ms, text) in [(Int64(0), first), (10_000, second)] {
            mesh.record(t, body: Array(text.utf8), at: ms,
                        health: TargetHealth(url: t.url, pod: t.pod, workload: web, ok: true, error: nil, bytes: 0, durationMs: 0))
        }
        return mesh.snapshot(at: 10_000)
    }

    func out(_ labels: String, _ classification: String = "success", v: Int) -> String {
        "response_total{direction=\"outbound\",\(labels),status_code=\"200\",classification=\"\(classification)\"} \(v)\n"
    }

    func testEdgesKeyedByDestinationWorkloadWithFallbacks() throws {
        let emojiTLS = #"authority="emoji-svc.emojivoto.svc.cluster.local:8080",tls="true",server_id="emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local",dst_deployment="emoji",dst_namespace="emojivoto",dst_pod="emoji-1",dst_service="emoji-svc""#
        let emojiPlain = #"authority="emoji-svc.emojivoto.svc.cluster.local:8080",tls="no_identity",no_tls_reason="not_provided_by_service_discovery",dst_deployment="emoji",dst_namespace="emojivoto""#
        let service = #"authority="voting-svc.emojivoto.svc.cluster.local:8080",tls="true",dst_namespace="emojivoto",dst_service="voting-svc""#
        let external = #"authority="api.example.com:443",tls="no_identity",no_tls_reason="not_provided_by_service_discovery""#
        let db = #"tls="no_identity",no_tls_reason="no_authority_in_http_request",target_addr="10.0.0.9:5432",dst_statefulset="db",dst_namespace="data""#
        let first = out(emojiTLS, v: 10) + out(emojiTLS, "failure", v: 0) + out(emojiPlain, v: 0) + out(service, v: 0)
            + out(external, v: 0) + out(db, v: 0)
        let second = out(emojiTLS, v: 25) + out(emojiTLS, "failure", v: 5) + out(emojiPlain, v: 10) + out(service, v: 40)
            + out(external, v: 3) + out(db, v: 1)
        let edges = snapshot(first, second).edges
        XCTAssertEqual(edges.map(\.dst.description), [
            "authority/api.example.com:443", "data/statefulset/db", "emojivoto/deployment/emoji", "emojivoto/service/voting-svc",
        ])
        let emoji = try XCTUnwrap(edges.first { $0.dst.name == "emoji" })
        // (15 + 10) successes, 5 failures over 10 s.
        XCTAssertEqual(emoji.metrics.rps, 3)
        XCTAssertEqual(emoji.metrics.success, 25.0 / 30.0)
        XCTAssertFalse(emoji.mtls)  // part of it went without mTLS
        XCTAssertEqual(emoji.noTLSReason, "not_provided_by_service_discovery")
        XCTAssertEqual(emoji.serverID, "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local")
        let voting = try XCTUnwrap(edges.first { $0.dst.name == "voting-svc" })
        XCTAssertTrue(voting.mtls)
        XCTAssertEqual(voting.metrics.rps, 4)
        XCTAssertEqual(edges.allSatisfy { $0.src == web }, true)
    }

    func testTCPMetricsOfAnEdgeUseTheDstPeerOnly() throws {
        let labels = #"direction="outbound",tls="true",dst_deployment="emoji",dst_namespace="emojivoto""#
        func body(_ conn: Int, _ read: Int) -> String {
            "tcp_open_connections{\(labels),peer=\"dst\"} \(conn)\n" + "tcp_open_connections{direction=\"outbound\",peer=\"src\"} 99\n"
                + "tcp_read_bytes_total{\(labels),peer=\"dst\"} \(read)\n" + "tcp_write_bytes_total{\(labels),peer=\"dst\"} \(read * 2)\n"
        }
        let edge = try XCTUnwrap(snapshot(body(3, 1000), body(2, 6000)).edges.first)
        XCTAssertEqual(edge.metrics.tcpOpenConnections, 2)  // the newest value of the gauge
        XCTAssertEqual(edge.metrics.tcpReadBytesRate, 500)  // 5000 bytes / 10 s
        XCTAssertEqual(edge.metrics.tcpWriteBytesRate, 1000)
    }
}
