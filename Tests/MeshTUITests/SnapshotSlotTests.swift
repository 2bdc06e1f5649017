import Foundation
import MeshModel
import MeshTUI
import XCTest

final class SnapshotSlotTests: XCTestCase {
    private func snapshot(at ms: Int64) -> Snapshot {
        Snapshot(generatedAtMs: ms, windowSeconds: 1, workloads: [], edges: [], pods: [], targets: [])
    }

    func testOnlyNewerSnapshotsAreHandedOut() {
        let slot = SnapshotSlot()
        XCTAssertNil(slot.newer(than: 0))
        slot.publish(snapshot(at: 1))
        XCTAssertEqual(slot.newer(than: 0)?.version, 1)
        XCTAssertNil(slot.newer(than: 1))
        slot.publish(snapshot(at: 2))
        slot.publish(snapshot(at: 3))
        let latest = slot.newer(than: 1)
        XCTAssertEqual(latest?.version, 3)
        XCTAssertEqual(latest?.snapshot.generatedAtMs, 3, "the newest wins")
    }

    func testAWriterThreadAndAReader() {
        let slot = SnapshotSlot()
        let done = expectation(description: "writer")
        Thread {
            for i in 1...2000 { slot.publish(Snapshot(generatedAtMs: Int64(i), windowSeconds: 1, workloads: [],
                                                      edges: [], pods: [], targets: [])) }
            done.fulfill()
        }.start()
        var seen = 0
        while seen < 2000 {
            guard let next = slot.newer(than: seen) else { continue }
            XCTAssertGreaterThan(next.version, seen)
            XCTAssertEqual(Int64(next.version), next.snapshot.generatedAtMs, "version and value travel together")
            seen = next.version
        }
        wait(for: [done], timeout: 5)
    }
}
