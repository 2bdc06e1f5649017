import XCTest
@testable import MeshModel

/// Golden metrics from successive scrapes, each expectation computed by hand in the comments.
final class MeshWindowTests: XCTestCase {
    let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
    let emoji = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "emoji")

    func target(_ pod: String, _ workload: WorkloadRef? = nil) -> ScrapeTarget {
        ScrapeTarget(url: "http://\(pod):4191/metrics", workload: workload ?? web, pod: pod)
    }

    func inbound(success: Double, failure: Double? = nil, le10: Double? = nil, le50: Double? = nil) -> String {
        var s = "response_total{direction=\"inbound\",target_port=\"8080\",tls=\"true\",status_code=\"200\",classification=\"success\"} \(success)\n"
        if let failure {
            s += "response_total{direction=\"inbound\",target_port=\"8080\",tls=\"true\",status_code=\"500\",classification=\"failure\"} \(failure)\n"
        }
        if let le10, let le50 {
            let total = success + (failure ?? 0)
            s += "response_latency_ms_bucket{direction=\"inbound\",target_port=\"8080\",le=\"10\"} \(le10)\n"
            s += "response_latency_ms_bucket{direction=\"inbound\",target_port=\"8080\",le=\"50\"} \(le50)\n"
            s += "response_latency_ms_bucket{direction=\"inbound\",target_port=\"8080\",le=\"+Inf\"} \(total)\n"
        }
        return s
    }

    func record(_ mesh: inout MeshWindow, _ target: ScrapeTarget, _ text: String?, at ms: Int64) {
        mesh.record(target, body: text.map { Array($0.utf8) }, at: ms,
                    health: TargetHealth(url: target.url, pod: target.pod, workload: target.workload,
                                         ok: text != nil, error: text == nil ? "refused" : nil, bytes: text?.utf8.count ?? 0, durationMs: 1))
    }

    func testWorkloadGoldenMetricsAcrossPods() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        let a = target("web-a"), b = target("web-b")
        record(&mesh, a, inbound(success: 100, failure: 0, le10: 50, le50: 90), at: 0)
        record(&mesh, b, inbound(success: 50, le10: 40, le50: 50), at: 0)
        record(&mesh, a, inbound(success: 160, failure: 4, le10: 100, le50: 150), at: 10_000)
        record(&mesh, b, inbound(success: 86, le10: 70, le50: 86), at: 10_000)
        let snap = mesh.snapshot(at: 10_000)
        let w = try XCTUnwrap(snap.workloads.first)
        XCTAssertEqual(snap.workloads.count, 1)
        XCTAssertEqual(w.meshedPods, 2)
        // success increases 60 + 36 = 96, failure 4: 100 requests over 10 s.
        XCTAssertEqual(w.metrics.rps, 10)
        XCTAssertEqual(w.metrics.success, 0.96)
        // Summed bucket increases: le10 = 50+30 = 80, le50 = 60+36 = 96, +Inf = 64+36 = 100.
        // p50: rank 50 in the first bucket: 10 * 50/80 = 6.25.
        XCTAssertEqual(w.metrics.latencyP50, 6.25)
        // p95: rank 95 in (10, 50]: 10 + 40 * (95-80)/(96-80) = 47.5.
        XCTAssertEqual(w.metrics.latencyP95, 47.5)
        // p99: rank 99 falls in +Inf: the highest finite bound.
        XCTAssertEqual(w.metrics.latencyP99, 50)
        // Pod a alone: 64 requests, 60 ok.
        let podA = try XCTUnwrap(snap.pods.first { $0.pod == "web-a" })
        XCTAssertEqual(podA.metrics.rps, 6.4)
        XCTAssertEqual(podA.metrics.success, 60.0 / 64.0)
    }

    func testABodyReadInPiecesCountsAsTheWholeBody() {
        let bodies = [inbound(success: 100, failure: 0, le10: 50, le50: 90),
                      inbound(success: 160, failure: 4, le10: 100, le50: 150)]
        var whole = MeshWindow(windowMs: 10_000)
        var pieces = MeshWindow(windowMs: 10_000)
        let a = target("web-a")
        let health = TargetHealth(url: a.url, pod: a.pod, workload: a.workload, ok: true, error: nil, bytes: 0, durationMs: 1)
        for (i, text) in bodies.enumerated() {
            whole.record(a, body: Array(text.utf8), at: Int64(i) * 10_000, health: health)
            var scrape = pieces.begin(a)
            for piece in Array(text.utf8).chunked(7) {
                piece.withUnsafeBufferPointer { pieces.feed(a, $0, into: &scrape) }
            }
            pieces.finish(a, scrape, at: Int64(i) * 10_000, health: health)
        }
        XCTAssertEqual(pieces.snapshot(at: 10_000), whole.snapshot(at: 10_000))
        XCTAssertEqual(whole.snapshot(at: 10_000).workloads.first?.metrics.rps, 6.4)

        // A transfer that fails half way, after whole lines of a higher count, leaves no point:
        // the same numbers as a scrape that failed outright.
        let grown = inbound(success: 400, failure: 4, le10: 300, le50: 390)
        let bytes = Array(grown.utf8)
        let firstLine = bytes.prefix(through: bytes.firstIndex(of: UInt8(ascii: "\n"))!)
        var kept = pieces  // the same transfer, wrongly kept: what the assertion tells apart
        var scrape = pieces.begin(a)
        Array(firstLine).withUnsafeBufferPointer { pieces.feed(a, $0, into: &scrape) }
        pieces.finish(a, nil, at: 20_000, health: health)
        var keptScrape = kept.begin(a)
        Array(firstLine).withUnsafeBufferPointer { kept.feed(a, $0, into: &keptScrape) }
        kept.finish(a, keptScrape, at: 20_000, health: health)
        whole.record(a, body: nil, at: 20_000, health: health)
        XCTAssertEqual(pieces.snapshot(at: 20_000), whole.snapshot(at: 20_000))
        XCTAssertNotEqual(kept.snapshot(at: 20_000), whole.snapshot(at: 20_000))
    }

    func testCounterResetNeverGoesNegative() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        record(&mesh, target("web-a"), inbound(success: 100), at: 0)
        record(&mesh, target("web-a"), inbound(success: 30), at: 10_000)  // proxy restarted
        let m = try XCTUnwrap(mesh.snapshot(at: 10_000).workloads.first).metrics
        // increase(): 30 - 100 + 100 (value before the reset) = 30 requests.
        XCTAssertEqual(m.rps, 3)
        XCTAssertEqual(m.success, 1)
    }

    func testExtrapolationMatchesPrometheus() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        for (t, v) in [(2_000, 10.0), (6_000, 20.0), (10_000, 30.0)] {
            record(&mesh, target("web-a"), inbound(success: v), at: Int64(t))
        }
        let m = try XCTUnwrap(mesh.snapshot(at: 10_000).workloads.first).metrics
        // Sampled 8 s, +20; the start gap 2 s is under 1.1 * 4 s and the zero point (4 s back)
        // is further, so extrapolate over 10 s: 20 * 10/8 = 25 requests, 2.5 rps.
        XCTAssertEqual(m.rps, 2.5)
    }

    func testFailedScrapeInTheMiddleIsNoSpike() throws {
        var mesh = MeshWindow(windowMs: 20_000)
        record(&mesh, target("web-a"), inbound(success: 10), at: 0)
        record(&mesh, target("web-a"), nil, at: 10_000)
        record(&mesh, target("web-a"), inbound(success: 30), at: 20_000)
        let snap = mesh.snapshot(at: 20_000)
        XCTAssertEqual(snap.workloads.first?.metrics.rps, 1)  // 20 requests / 20 s
        XCTAssertEqual(snap.targets.first?.ok, true)
    }

    func testVanishedSeriesIsDroppedNotNegative() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        let gone = "response_total{direction=\"inbound\",target_port=\"9090\",classification=\"success\"} 500\n"
        record(&mesh, target("web-a"), inbound(success: 10) + gone, at: 0)
        record(&mesh, target("web-a"), inbound(success: 20), at: 10_000)
        let m = try XCTUnwrap(mesh.snapshot(at: 10_000).workloads.first).metrics
        XCTAssertEqual(m.rps, 1)  // only the series seen twice: 10 requests / 10 s
    }

    func testNoTrafficIsNoDataNotZeroPercent() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        record(&mesh, target("web-a"), inbound(success: 7, failure: 1, le10: 8, le50: 8), at: 0)
        record(&mesh, target("web-a"), inbound(success: 7, failure: 1, le10: 8, le50: 8), at: 10_000)
        record(&mesh, target("idle", emoji), "process_cpu_seconds_total 1\n", at: 0)
        record(&mesh, target("idle", emoji), "process_cpu_seconds_total 2\n", at: 10_000)
        let snap = mesh.snapshot(at: 10_000)
        let quiet = try XCTUnwrap(snap.workloads.first { $0.workload == web }).metrics
        XCTAssertEqual(quiet.rps, 0)  // series exist, nothing happened: 0 rps ...
        XCTAssertNil(quiet.success)   // ... but no success rate
        XCTAssertNil(quiet.latencyP50)
        let idle = try XCTUnwrap(snap.workloads.first { $0.workload == emoji }).metrics
        XCTAssertEqual(idle, GoldenMetrics())  // no series at all: no data anywhere
    }

    func testAdminPortTrafficIsNotTheWorkloads() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        let admin = { (v: Int) in "response_total{direction=\"inbound\",target_port=\"4191\",classification=\"success\"} \(v)\n" }
        record(&mesh, target("web-a"), admin(30), at: 0)
        record(&mesh, target("web-a"), admin(35), at: 10_000)
        XCTAssertNil(mesh.snapshot(at: 10_000).workloads.first?.metrics.rps)
    }

    func testOnlyOnePointIsNoData() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        record(&mesh, target("web-a"), inbound(success: 5), at: 0)
        XCTAssertNil(mesh.snapshot(at: 0).workloads.first?.metrics.rps)
    }

    func testOldScrapesLeaveTheWindow() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        record(&mesh, target("web-a"), inbound(success: 0), at: 0)
        record(&mesh, target("web-a"), inbound(success: 1000), at: 10_000)
        record(&mesh, target("web-a"), inbound(success: 1010), at: 20_000)
        // [10 s, 20 s]: +10 requests over 10 s; the burst before is out of the window.
        XCTAssertEqual(mesh.snapshot(at: 20_000).workloads.first?.metrics.rps, 1)
    }

    func testVanishedPodsLeaveThePodList() throws {
        var mesh = MeshWindow(windowMs: 10_000)
        let a = target("web-a"), b = target("web-b")
        record(&mesh, a, inbound(success: 0), at: 0)
        record(&mesh, b, inbound(success: 0), at: 0)
        mesh.track([a])  // web-b scaled away before the second round
        record(&mesh, a, inbound(success: 50), at: 10_000)
        let snap = mesh.snapshot(at: 10_000)
        XCTAssertEqual(snap.pods.map(\.pod), ["web-a"])
        XCTAssertEqual(snap.targets.map(\.pod), ["web-a"])
        XCTAssertEqual(snap.workloads.first?.meshedPods, 1)
        XCTAssertEqual(snap.workloads.first?.metrics.rps, 5)
    }
}

private extension Array {
    /// The array in consecutive pieces of `size` elements (the last may be shorter).
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
