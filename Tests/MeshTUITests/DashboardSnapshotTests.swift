import MeshModel
import MeshTUI
import XCTest

/// The dashboard's screens as snapshot files in `Snapshots/`: re-record them with
/// `RECORD_SNAPSHOTS=1` when a view changes on purpose (see `Snapshots/README.md`).
final class DashboardSnapshotTests: XCTestCase {
    private typealias S = SampleMesh

    func testWorkloads() {
        snapshotMatrix(name: "workloads") { render(S.state(), width: $0, height: $1, glyphs: $2) }
    }

    func testEdges() {
        snapshotMatrix(name: "edges") { render(S.pressing([.character("2")], S.screens), width: $0, height: $1, glyphs: $2) }
    }

    func testPods() {
        snapshotMatrix(name: "pods") { render(S.pressing([.character("3")], S.screens), width: $0, height: $1, glyphs: $2) }
    }

    func testGraph() {
        snapshotMatrix(name: "graph") { render(S.pressing([.character("4")], S.screens), width: $0, height: $1, glyphs: $2) }
    }

    func testDetail() {
        snapshotMatrix(name: "detail") {
            render(S.pressing([.character("j"), .enter], S.screens), width: $0, height: $1, glyphs: $2)
        }
    }

    func testHelpAndTyping() {
        assertSnapshot(render(S.pressing([.character("?")], S.screens), width: 80, height: 40, glyphs: .unicode),
                       named: "help-80x40", colors: true)
        assertSnapshot(render(S.pressing([.character("/")] + S.typing("emo"), S.screens), width: 80, height: 24, glyphs: .unicode),
                       named: "filter-typing-80x24", colors: false)
    }

    func testTerminalTooSmall() {
        assertSnapshot(render(S.state(), width: 30, height: 8, glyphs: .unicode), named: "too-small-30x8", colors: false)
    }

    func testWaitingForTheFirstWindow() {
        assertSnapshot(render(S.state(), snapshot: nil, width: 80, height: 24, glyphs: .unicode), named: "waiting-80x24",
                       colors: true)
    }

    /// Twelve snapshots of the sample, 2 s apart, with the RPS of every workload and edge
    /// climbing and its success rate dipping in the middle: something for the sparklines.
    private static let trends: Trends = {
        var trends = Trends()
        for i in 0..<12 {
            var snapshot = S.screens
            snapshot.generatedAtMs -= Int64(11 - i) * 2_000
            for w in snapshot.workloads.indices {
                snapshot.workloads[w].metrics.rps = Double(i + 1)
                snapshot.workloads[w].metrics.success = (4...7).contains(i) ? 0.85 : 1
                snapshot.workloads[w].metrics.latencyP99 = Double(10 + i * 3)
            }
            trends.record(snapshot)
        }
        return trends
    }()

    /// The screen of `state` as the live view draws it: the selection followed into the rows first.
    private func render(_ state: DashboardState, snapshot: Snapshot? = SampleMesh.screens, width: Int, height: Int,
                        glyphs: Glyphs) -> CellGrid {
        var context = S.context
        context.glyphs = glyphs
        var state = state
        let rows = DashboardRows(snapshot, trends: Self.trends, state: state, glyphs: glyphs,
                                 visible: DashboardView.visibleRows(height: height), width: width)
        state.follow(rows)
        return DashboardView.render(snapshot, rows: rows, trends: Self.trends, state: state, context: context,
                                    width: width, height: height)
    }
}
