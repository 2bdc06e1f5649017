import MeshModel
import MeshTUI
import XCTest

/// The dashboard's screens as snapshot files in `Snapshots/`: re-record them with
/// `RECORD_SNAPSHOTS=1` when a view changes on purpose (see `Snapshots/README.md`).
final class DashboardSnapshotTests: XCTestCase {
    func testSampleMesh() {
        snapshotMatrix(name: "dashboard") { render(SampleMesh.screens, width: $0, height: $1, glyphs: $2) }
    }

    func testTerminalTooSmall() {
        assertSnapshot(render(SampleMesh.screens, width: 30, height: 8, glyphs: .unicode), named: "too-small-30x8",
                       colors: false)
    }

    func testWaitingForTheFirstWindow() {
        assertSnapshot(render(nil, width: 80, height: 24, glyphs: .unicode), named: "waiting-80x24", colors: true)
    }

    private func render(_ snapshot: Snapshot?, width: Int, height: Int, glyphs: Glyphs) -> CellGrid {
        var context = SampleMesh.context
        context.glyphs = glyphs
        return DashboardView.render(snapshot, state: DashboardState(), context: context, width: width, height: height)
    }
}
