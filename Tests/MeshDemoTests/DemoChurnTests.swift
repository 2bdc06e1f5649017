import XCTest
import MeshDemo
import MeshModel

/// A pod restart and a scale-down in the middle of a window, through meshtop's own window
/// math: no negative rate, no spike, and a vanished pod leaves the pod list.
final class DemoChurnTests: XCTestCase {
    let mesh = DemoMesh(topology: try! DemoTopology.named("emojivoto"), scenario: .events, seed: 1)

    func target(_ proxy: DemoProxy) -> ScrapeTarget {
        ScrapeTarget(url: "demo://\(proxy.index)", workload: proxy.workload, pod: proxy.pod)
    }

    /// Scrapes every running pod every 2 s over `seconds`, as the live view does, and returns
    /// the snapshot after each round.
    func scrape(_ seconds: ClosedRange<Double>) -> [Snapshot] {
        var window = MeshWindow(windowMs: 10_000)
        var snapshots: [Snapshot] = []
        for t in stride(from: seconds.lowerBound, through: seconds.upperBound, by: 2) {
            let running = mesh.proxies.filter { mesh.isRunning($0.index, at: t) }
            window.track(running.map(target))
            let ms = Int64(t * 1000)
            for proxy in running {
                let t = target(proxy)
                window.record(t, body: mesh.metricsBody(proxy.index, at: Double(ms) / 1000), at: ms,
                              health: TargetHealth(url: t.url, pod: t.pod, workload: t.workload, ok: true, error: nil,
                                                   bytes: 0, durationMs: 0))
            }
            snapshots.append(window.snapshot(at: ms))
        }
        return snapshots
    }

    func eventStart(_ match: (DemoEvent.Kind) -> Bool) throws -> Double {
        try XCTUnwrap(mesh.events.first { match($0.kind) }).startSeconds
    }

    func assertNoNegativeOrSpike(_ snapshots: [Snapshot], _ workload: String, steady: Double) {
        for snap in snapshots {
            for stats in snap.workloads where stats.workload.name == workload {
                let rps = stats.metrics.rps ?? 0
                XCTAssertGreaterThanOrEqual(rps, 0, "\(workload) at \(snap.generatedAtMs)")
                XCTAssertLessThanOrEqual(rps, steady * 1.5, "\(workload) spikes at \(snap.generatedAtMs)")
            }
            for pod in snap.pods { XCTAssertGreaterThanOrEqual(pod.metrics.rps ?? 0, 0, pod.pod) }
            for edge in snap.edges { XCTAssertGreaterThanOrEqual(edge.metrics.rps ?? 0, 0, "\(edge.src) -> \(edge.dst)") }
        }
    }

    func testRestartMidWindowIsNoNegativeRateAndNoSpike() throws {
        let restart = try eventStart { if case .restart = $0 { return true } else { return false } }
        let snapshots = scrape(restart - 20...restart + 20)
        // emoji takes 12 rps from web; a reset counter must not read as -10^5 or +10^5.
        assertNoNegativeOrSpike(snapshots, "emoji", steady: 12)
        let after = try XCTUnwrap(snapshots.last?.workloads.first { $0.workload.name == "emoji" })
        XCTAssertEqual(after.metrics.rps ?? 0, 12, accuracy: 2)
    }

    func testScaleDownMidWindowDropsThePod() throws {
        let scale = try XCTUnwrap(mesh.events.first { if case .scale = $0.kind { return true } else { return false } })
        guard case .scale(let workload, let pod, _) = scale.kind else { return XCTFail("not a scale event") }
        let end = scale.startSeconds + scale.durationSeconds
        let snapshots = scrape(end - 20...end + 20)
        assertNoNegativeOrSpike(snapshots, workload.name, steady: 10)
        XCTAssertTrue(snapshots.first?.pods.contains { $0.pod == pod } ?? false, "\(pod) runs before the scale-down")
        XCTAssertFalse(snapshots.last?.pods.contains { $0.pod == pod } ?? true, "\(pod) left the pod list")
        let web = try XCTUnwrap(snapshots.last?.workloads.first { $0.workload == workload })
        XCTAssertEqual(web.meshedPods, 2)
    }
}
