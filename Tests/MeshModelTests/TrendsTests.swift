@testable import MeshModel
import XCTest

final class TrendsTests: XCTestCase {
    let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
    let emoji = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "emoji")

    /// A snapshot at `ms` of `workloads` with `rps` each.
    func snapshot(_ ms: Int64, _ workloads: [WorkloadRef], rps: Double? = 1) -> Snapshot {
        let metrics = GoldenMetrics(rps: rps, success: rps.map { _ in 0.5 }, latencyP99: rps.map { $0 * 10 })
        return Snapshot(
            generatedAtMs: ms, windowSeconds: 10,
            workloads: workloads.map { WorkloadStats(workload: $0, meshedPods: 1, totalPods: 1, metrics: metrics) },
            edges: [],
            pods: [], targets: [])
    }

    func testEachSnapshotAddsAPointPerWorkload() {
        var trends = Trends()
        trends.record(snapshot(1000, [web, emoji], rps: 2))
        trends.record(snapshot(3000, [web, emoji], rps: nil))
        XCTAssertEqual(trends.points(for: web), [
            TrendPoint(timestampMs: 1000, rps: 2, successRate: 0.5, p99Ms: 20),
            TrendPoint(timestampMs: 3000, rps: nil, successRate: nil, p99Ms: nil),
        ])
        XCTAssertEqual(trends.points(for: WorkloadRef(namespace: "x", kind: "pod", name: "y")), [])
    }

    func testOnlyTheLastCapacityPointsAreKeptOldestFirst() {
        var trends = Trends(capacity: 3)
        for i in 1...7 { trends.record(snapshot(Int64(i) * 1000, [web], rps: Double(i))) }
        XCTAssertEqual(trends.points(for: web).map(\.rps), [5, 6, 7])
        XCTAssertEqual(trends.points(for: web).map(\.timestampMs), [5000, 6000, 7000])
    }

    func testASnapshotThatIsNotNewerIsIgnored() {
        var trends = Trends()
        trends.record(snapshot(2000, [web], rps: 1))
        trends.record(snapshot(2000, [web], rps: 5))
        trends.record(snapshot(1000, [web], rps: 7))
        XCTAssertEqual(trends.points(for: web).map(\.rps), [1])
    }

    func testAMissingKeyGetsGapsThenIsForgottenAfterCapacitySnapshots() {
        var trends = Trends(capacity: 3)
        trends.record(snapshot(1000, [web, emoji]))
        trends.record(snapshot(2000, [web]))
        trends.record(snapshot(3000, [web]))
        XCTAssertEqual(trends.points(for: emoji).map(\.rps), [1, nil, nil], "missing: points without data")
        XCTAssertEqual(trends.points(for: emoji).map(\.timestampMs), [1000, 2000, 3000], "in step with the others")
        trends.record(snapshot(4000, [web]))
        XCTAssertEqual(trends.points(for: emoji), [])
        XCTAssertEqual(trends.keyCount, 1)
    }

    func testAKeyThatComesBackBeforeItIsForgottenKeepsItsHistory() {
        var trends = Trends(capacity: 3)
        trends.record(snapshot(1000, [web, emoji], rps: 1))
        trends.record(snapshot(2000, [web], rps: 2))
        trends.record(snapshot(3000, [web], rps: 3))
        trends.record(snapshot(4000, [web, emoji], rps: 4))
        trends.record(snapshot(5000, [web], rps: 5))
        trends.record(snapshot(6000, [web], rps: 6))
        XCTAssertEqual(trends.points(for: emoji).map(\.rps), [4, nil, nil], "the absence count restarted at 4000")
    }

    func testMemoryStaysBoundedUnderPodChurn() {
        var trends = Trends(capacity: 5)
        for i in 0..<1000 {
            // Every snapshot names two workloads never seen before, as pods of a crash-looping
            // ReplicaSet get new names.
            let fresh = (0..<2).map { WorkloadRef(namespace: "churn", kind: "pod", name: "p\(i)-\($0)") }
            trends.record(snapshot(Int64(i) * 2000, [web] + fresh))
            XCTAssertLessThanOrEqual(trends.keyCount, 1 + 2 * 5, "at snapshot \(i)")
        }
        XCTAssertEqual(trends.points(for: web).count, 5)
    }

    func testCapacityIsAtLeastOne() {
        var trends = Trends(capacity: 0)
        trends.record(snapshot(1000, [web], rps: 1))
        trends.record(snapshot(2000, [web], rps: 2))
        XCTAssertEqual(trends.capacity, 1)
        XCTAssertEqual(trends.points(for: web).map(\.rps), [2])
    }
}
