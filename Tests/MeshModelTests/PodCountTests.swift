import MeshModel
import XCTest

/// Discovery's pod counts replace what the scrapes alone can tell of the MESHED column.
final class PodCountTests: XCTestCase {
    func testCountedWorkloadsTakeDiscoverysNumbersOthersKeepTheirs() {
        let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
        let vote = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "voting")
        var snapshot = Snapshot(generatedAtMs: 0, windowSeconds: 10, workloads: [
            WorkloadStats(workload: web, meshedPods: 2, totalPods: 2, metrics: GoldenMetrics()),
            WorkloadStats(workload: vote, meshedPods: 1, totalPods: 1, metrics: GoldenMetrics()),
        ], edges: [], pods: [], targets: [])
        snapshot.countPods([web: PodMeshedCount(meshed: 2, total: 3)])
        XCTAssertEqual(snapshot.workloads.map { "\($0.meshedPods)/\($0.totalPods)" }, ["2/3", "1/1"])
        XCTAssertEqual(PodMeshedCount(meshed: 2, total: 3).description, "2/3")
    }
}
