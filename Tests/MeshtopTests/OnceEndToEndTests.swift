import Foundation
import XCTest

/// `meshtop --once` run as a user runs it, against real HTTP servers and saved files, with
/// every number checked against a hand computation.
final class OnceEndToEndTests: XCTestCase {
    var server: SequenceServer!

    override func setUpWithError() throws {
        server = try SequenceServer()
    }

    override func tearDown() {
        server.stop()
    }

    /// The web pod's two scrapes. Between them: inbound +60 ok, +20 failed; latency buckets
    /// le10 +50, le50 +70, +Inf +80; outbound to emoji +100 ok with le1 +80, le5 +100.
    static func web(_ ok: Int, _ failed: Int, _ le10: Int, _ le50: Int, _ out: Int, _ outLe1: Int) -> String {
        let inbound = #"direction="inbound",target_addr="10.0.0.5:8080",target_ip="10.0.0.5",target_port="8080",tls="true",client_id="default.emojivoto.serviceaccount.identity.linkerd.cluster.local""#
        let outbound = #"direction="outbound",authority="emoji-svc.emojivoto.svc.cluster.local:8080",target_addr="10.0.0.9:8080",tls="true",server_id="emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local",dst_deployment="emoji",dst_namespace="emojivoto",dst_service="emoji-svc""#
        return """
        # HELP response_total Total count of HTTP responses.
        # TYPE response_total counter
        response_total{\(inbound),status_code="200",classification="success",grpc_status="",error=""} \(ok)
        response_total{\(inbound),status_code="500",classification="failure",grpc_status="",error=""} \(failed)
        response_total{\(outbound),status_code="200",classification="success",grpc_status="",error=""} \(out)
        response_latency_ms_bucket{\(inbound),status_code="200",le="10"} \(le10)
        response_latency_ms_bucket{\(inbound),status_code="200",le="50"} \(le50)
        response_latency_ms_bucket{\(inbound),status_code="200",le="+Inf"} \(ok + failed)
        response_latency_ms_bucket{\(outbound),status_code="200",le="1"} \(outLe1)
        response_latency_ms_bucket{\(outbound),status_code="200",le="5"} \(out)
        response_latency_ms_bucket{\(outbound),status_code="200",le="+Inf"} \(out)
        tcp_open_connections{direction="inbound",peer="src",target_addr="10.0.0.5:8080",target_port="8080",tls="true"} 3
        request_total{direction="inbound",target_addr="0.0.0.0:4191",target_port="4191",tls="no_identity",no_tls_reason="no_tls_from_remote"} 999
        # EOF

        """
    }

    func serveWeb() throws {
        try server.serve("web", bodies: [Self.web(100, 10, 60, 100, 200, 150), Self.web(160, 30, 110, 170, 300, 230)],
                         env: #"{"_pod_name": "web-7d9c8b5f4-x2kq9", "_pod_ns": "emojivoto"}"#)
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testOnceJSONMatchesHandComputation() throws {
        try serveWeb()
        let run = try MeshtopProcess.run(["--once", "--json", "--window", "1s", server.url("web")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let doc = try json(run.stdout)
        XCTAssertEqual(doc["schema"] as? String, "meshtop/v1")
        let w = try XCTUnwrap(doc["window_seconds"] as? Double)
        XCTAssertGreaterThanOrEqual(w, 1)
        let workloads = try XCTUnwrap(doc["workloads"] as? [[String: Any]])
        XCTAssertEqual(workloads.count, 1)
        let web = workloads[0]
        // Identity from the proxy's /env.json: pod web-7d9c8b5f4-x2kq9 -> deployment web.
        XCTAssertEqual(web["namespace"] as? String, "emojivoto")
        XCTAssertEqual(web["kind"] as? String, "deployment")
        XCTAssertEqual(web["name"] as? String, "web")
        XCTAssertEqual(web["meshed"] as? String, "1/1")
        // 80 responses over the window, 60 of them successes.
        XCTAssertEqual(try XCTUnwrap(web["rps"] as? Double), 80 / w, accuracy: 1e-9)
        XCTAssertEqual(web["success"] as? Double, 0.75)
        // p50: rank 40 of 80 in the first bucket (50 obs): 10 * 40/50 = 8.
        XCTAssertEqual(web["latency_ms_p50"] as? Double, 8)
        // p95, p99: ranks 76 and 79.2 lie above le50 (70 obs): the highest finite bound, 50.
        XCTAssertEqual(web["latency_ms_p95"] as? Double, 50)
        XCTAssertEqual(web["latency_ms_p99"] as? Double, 50)
        XCTAssertEqual(web["tcp_open_connections"] as? Double, 3)
        XCTAssertTrue(web["tcp_read_bytes_rate"] is NSNull)

        let edges = try XCTUnwrap(doc["edges"] as? [[String: Any]])
        XCTAssertEqual(edges.count, 1)
        let edge = edges[0]
        XCTAssertEqual((edge["src"] as? [String: String])?["name"], "web")
        XCTAssertEqual(edge["dst"] as? [String: String], ["namespace": "emojivoto", "kind": "deployment", "name": "emoji"])
        XCTAssertEqual(try XCTUnwrap(edge["rps"] as? Double), 100 / w, accuracy: 1e-9)
        XCTAssertEqual(edge["success"] as? Double, 1)
        XCTAssertEqual(edge["latency_ms_p50"] as? Double, 0.625)  // rank 50 in le1 (80 obs): 50/80
        XCTAssertEqual(edge["latency_ms_p95"] as? Double, 4)      // rank 95: 1 + 4 * (95-80)/20
        XCTAssertEqual(try XCTUnwrap(edge["latency_ms_p99"] as? Double), 4.8, accuracy: 1e-12)  // 1 + 4 * 19/20
        XCTAssertEqual(edge["mtls"] as? Bool, true)
        XCTAssertEqual(edge["no_tls_reason"] as? String, "")
        XCTAssertEqual(edge["server_id"] as? String, "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local")

        let pods = try XCTUnwrap(doc["pods"] as? [[String: Any]])
        XCTAssertEqual(pods.first?["name"] as? String, "web-7d9c8b5f4-x2kq9")
        let targets = try XCTUnwrap(doc["targets"] as? [[String: Any]])
        XCTAssertEqual(targets.first?["ok"] as? Bool, true)
        XCTAssertTrue(targets.first?["error"] is NSNull)
        XCTAssertGreaterThan(try XCTUnwrap(targets.first?["bytes"] as? Int), 1000)
    }

    func testSavedFileGivesZeroRateAndNoSuccessRate() throws {
        let file = server.root.appendingPathComponent("saved.txt")
        try Self.web(100, 10, 60, 100, 200, 150).write(to: file, atomically: true, encoding: .utf8)
        let run = try MeshtopProcess.run(["--once", "--json", "--window", "1s", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let web = try XCTUnwrap((try json(run.stdout)["workloads"] as? [[String: Any]])?.first)
        XCTAssertEqual(web["rps"] as? Double, 0)     // the same counters twice: nothing happened
        XCTAssertTrue(web["success"] is NSNull)       // and no success rate without requests
        XCTAssertTrue(web["latency_ms_p50"] is NSNull)
        XCTAssertEqual(web["kind"] as? String, "pod")  // named after the saved file
        XCTAssertEqual(web["name"] as? String, "saved")
    }

    func testTargetsFileLabelsNameTheWorkload() throws {
        try serveWeb()
        let sd = server.root.appendingPathComponent("targets.yaml")
        try """
        - targets: ["127.0.0.1:\(server.port)"]
          labels: {namespace: shop, deployment: checkout, pod: checkout-0, __metrics_path__: /web/metrics}
        """.write(to: sd, atomically: true, encoding: .utf8)
        let run = try MeshtopProcess.run(["--once", "--json", "--window", "1s", "--targets-file", sd.path, "--ns", "shop"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let web = try XCTUnwrap((try json(run.stdout)["workloads"] as? [[String: Any]])?.first)
        XCTAssertEqual(web["namespace"] as? String, "shop")
        XCTAssertEqual(web["name"] as? String, "checkout")
    }

    func testSomeTargetsFailingExitsOneAndListsThem() throws {
        try serveWeb()
        let run = try MeshtopProcess.run(["--once", "--json", "--window", "1s", server.url("web"), server.url("missing")])
        XCTAssertEqual(run.status, 1)
        let targets = try XCTUnwrap(try json(run.stdout)["targets"] as? [[String: Any]])
        XCTAssertEqual(targets.map { $0["ok"] as? Bool }, [true, false])
        XCTAssertTrue((targets[1]["error"] as? String)?.hasPrefix("HTTP 404") ?? false)
        XCTAssertTrue(run.stderr.contains("1 of 2 targets failed"), run.stderr)
    }

    func testNothingScrapedExitsThree() throws {
        let run = try MeshtopProcess.run(["--once", "--window", "1s", server.url("missing")])
        XCTAssertEqual(run.status, 3)
    }

    func testUsageErrorsExitTwoWithOneClearLine() throws {
        let badSD = server.root.appendingPathComponent("bad.json")
        try #"[{"targets": "10.0.0.1:4191"}]"#.write(to: badSD, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--once", "--kubeconfig", "/nonexistent/kc"], "/nonexistent/kc: no such file"),
            (["--once", "--context", "prod", "x:1"], "--kubeconfig and --context discover pods"),
            (["--once", "--bogus", "x:1"], "Unknown option '--bogus'"),
            (["--once", "--window", "soon", "x:1"], "--window"),
            (["--once", "--targets-file", badSD.path], "bad.json: entry 1"),
            (["--once", "--targets-file", "/nonexistent/t.yaml"], "/nonexistent/t.yaml"),
            (["--once", "--ns", "a", "-A", "x:1"], "either --ns"),
            (["--json", "x:1"], "--json needs --once"),
        ]
        for (arguments, message) in cases {
            let run = try MeshtopProcess.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
    }

    func testTableOutputLooksLikeVizStat() throws {
        try serveWeb()
        let run = try MeshtopProcess.run(["--once", "--window", "1s", server.url("web")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5 else { return XCTFail(run.stdout) }
        XCTAssertEqual(lines.first?.split(separator: " "), [
            "NAMESPACE", "NAME", "MESHED", "SUCCESS", "RPS", "LATENCY_P50", "LATENCY_P95", "LATENCY_P99", "TCP_CONN",
        ])
        XCTAssertTrue(lines[1].hasPrefix("emojivoto  deployment/web"), lines[1])
        XCTAssertTrue(lines[1].contains("75.00%"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("8ms         50ms         50ms         3"), lines[1])
        XCTAssertTrue(lines[3].hasPrefix("SRC"), lines[3])
        XCTAssertTrue(lines[4].contains("emojivoto/deployment/web  ->  emojivoto/deployment/emoji"), lines[4])
        XCTAssertTrue(lines[4].hasSuffix("yes"), lines[4])
    }
}
