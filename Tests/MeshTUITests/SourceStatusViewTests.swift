import MeshModel
import MeshTUI
import XCTest

/// The source's status on screen: the context and cluster in the header, the problem line,
/// the pickers and the `:problems` list, and the mouse's rows under a problem line.
final class SourceStatusViewTests: XCTestCase {
    private typealias S = SampleMesh

    private static let kube = SourceStatus(context: "kind-dev", cluster: "https://127.0.0.1:6443",
                                           contexts: ["kind-dev", "prod"])

    private func render(status: SourceStatus, state: DashboardState = SampleMesh.state(), glyphs: Glyphs = .unicode,
                        width: Int = 80, height: Int = 24) -> CellGrid {
        var context = S.context
        context.status = status
        context.glyphs = glyphs
        let rows = DashboardRows(S.snapshot, trends: Trends(), state: state, glyphs: glyphs,
                                 visible: DashboardView.visibleRows(height: height, status: status))
        return DashboardView.render(S.snapshot, rows: rows, trends: Trends(), state: state, context: context,
                                    width: width, height: height)
    }

    /// `state` after `keys` over a source with `status`.
    private func pressing(_ keys: [Key], status: SourceStatus) -> DashboardState {
        var state = S.state()
        for key in keys { state.press(key, keymap: .standard, rows: S.rows(state), status: status, source: "kube") }
        return state
    }

    func testHeaderShowsTheContextAndClusterAt120() {
        XCTAssertEqual(render(status: Self.kube, width: 120).trimmedRows[0],
                       "meshtop · ctx kind-dev · cluster https://127.0.0.1:6443 · ns all · window 10s · every 2s · ✗ 2/3 proxies ok 22:13:20 UTC",
                       "the source goes first")
    }

    func testHeaderKeepsTheContextAt40() {
        XCTAssertEqual(render(status: Self.kube, width: 40).trimmedRows[0], "meshtop · ctx kind-dev · ns all")
        var long = Self.kube
        long.context = "arn:aws:eks:eu-west-1:123456789012:cluster/production"
        XCTAssertEqual(render(status: long, width: 40).trimmedRows[0], "meshtop · ctx arn:aws:eks… · ns all")
        XCTAssertFalse(render(status: SourceStatus(), width: 120).rows[0].contains("ctx"), "no context, no ctx")
    }

    func testTheFirstProblemShowsUnderTheHeaderWithHowManyMore() {
        let status = SourceStatus(problems: ["403 Forbidden: cannot list pods in emojivoto; try kubectl auth can-i list pods -n emojivoto",
                                             "no meshed pods", "third"])
        let grid = render(status: status)
        XCTAssertEqual(grid.trimmedRows[1], "✗ 403 Forbidden: cannot list pods in emojivoto; try kubectl auth can-… (+2 more)")
        XCTAssertEqual(grid[0, 1].style, Style(.bad, bold: true))
        XCTAssertTrue(grid.rows[2].hasPrefix(" 1 Workloads"), "the tabs move down a line")
        XCTAssertEqual(render(status: SourceStatus(problems: ["no meshed pods"])).trimmedRows[1], "✗ no meshed pods")
        XCTAssertTrue(render(status: SourceStatus()).rows[1].hasPrefix(" 1 Workloads"), "no problem, no line")
    }

    func testTheTableLosesARowToTheProblemLine() {
        var snapshot = S.snapshot
        snapshot.workloads = S.workloads(30)
        let status = SourceStatus(problems: ["no meshed pods"])
        XCTAssertEqual(DashboardView.visibleRows(height: 24), 19)
        XCTAssertEqual(DashboardView.visibleRows(height: 24, status: status), 18)
        var context = S.context
        context.status = status
        let rows = DashboardRows(snapshot, trends: Trends(), state: S.state(), glyphs: .unicode,
                                 visible: DashboardView.visibleRows(height: 24, status: status))
        let grid = DashboardView.render(snapshot, rows: rows, trends: Trends(), state: S.state(), context: context,
                                        width: 80, height: 24)
        XCTAssertTrue(grid.rows[22].hasPrefix("ns         deployment/w17 "), grid.screen)
        XCTAssertTrue(grid.rows[23].hasPrefix("? help"), "the footer stays:\n\(grid.screen)")
    }

    func testTheMouseFindsTheRowsUnderAProblemLine() {
        let status = SourceStatus(problems: ["no meshed pods"])
        let state = S.state()
        func line(_ y: Int) -> Int? {
            DashboardView.rowIndex(atLine: y, snapshot: S.snapshot, rows: S.rows(state), state: state, height: 24, status: status)
        }
        XCTAssertEqual([4, 5, 6, 7].map(line), [nil, 0, 1, nil], "header, problem, tabs, failing, table header, emoji, voting")
    }

    func testControlCharactersInTheStatusAreEscaped() {
        let status = SourceStatus(context: "evil\u{1b}[2J", cluster: "c\u{07}", contexts: ["evil\u{1b}[2J", "x\u{9b}y"],
                                  problems: ["bad\u{1b}]0;pwned\u{07}"])
        for grid in [render(status: status, width: 120), render(status: status, state: pressing([.character(":")] + S.typing("ctx") + [.enter], status: status), width: 120),
                     render(status: status, state: pressing([.character(":")] + S.typing("problems") + [.enter], status: status), width: 120)] {
            let screen = grid.screen
            XCTAssertFalse(screen.unicodeScalars.contains { StatTable.isUnsafe($0) && $0 != "\n" }, screen)
            XCTAssertTrue(screen.contains("bad\\x1b]0;pwned\\x07"), screen)
        }
        let header = render(status: status, width: 120).rows[0]
        XCTAssertTrue(header.contains("ctx evil\\x1b[2J · cluster c\\x07"), header)
        let picker = render(status: status, state: pressing([.character(":")] + S.typing("ctx") + [.enter], status: status)).screen
        XCTAssertTrue(picker.contains("x\\x9by"), picker)
    }

    func testThePickerListsChoicesAndTheFooterSaysHowToUseIt() {
        let state = pressing([.character(":")] + S.typing("ns") + [.enter] + S.typing("emo"), status: SourceStatus())
        let grid = render(status: SourceStatus(), state: state)
        XCTAssertEqual(Array(grid.trimmedRows[3...5]), [" Namespaces  1 of 2  filter: emo_", " ▸ emojivoto", ""])
        XCTAssertTrue(grid[1, 4].style.reverse, "the selection is in reverse video")
        XCTAssertEqual(grid.trimmedRows[23], "Up/Down move  Enter choose  Esc close  type to filter")
    }

    func testTheProblemsListWrapsEachProblem() {
        let long = "401 Unauthorized: the token of user dev in context kind-dev was refused; run kubectl get pods to refresh it"
        let status = SourceStatus(problems: [long, "no meshed pods"])
        let grid = render(status: status, state: pressing([.character(":")] + S.typing("problems") + [.enter], status: status),
                          width: 60)
        XCTAssertEqual(Array(grid.trimmedRows[4...8]), [
            " Problems (2)",
            " ✗ 401 Unauthorized: the token of user dev in context",
            "   kind-dev was refused; run kubectl get pods to refresh it",
            " ✗ no meshed pods",
            "",
        ])
    }

    func testPickerAndProblemsSnapshots() {
        let status = SourceStatus(context: "kind-dev", cluster: "kind-dev", contexts: ["kind-dev", "prod", "staging"],
                                  namespaces: ["emojivoto", "linkerd"], watching: "all namespaces",
                                  problems: ["403 Forbidden: cannot watch pods in linkerd", "no meshed pods in emojivoto"])
        let picker = pressing([.character(":")] + S.typing("ns") + [.enter, .down], status: status)
        assertSnapshot(render(status: status, state: picker), named: "picker-ns-80x24", colors: true)
        assertSnapshot(render(status: status, state: picker, glyphs: .ascii, width: 40, height: 12), named: "picker-ns-40x12-ascii",
                       colors: false)
    }
}
