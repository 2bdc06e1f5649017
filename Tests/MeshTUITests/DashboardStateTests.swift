@testable import MeshTUI
import MeshModel
import XCTest

/// Key presses on the sample mesh (emoji and voting; one edge; three pods, one failing).
final class DashboardStateTests: XCTestCase {
    private typealias S = SampleMesh

    func testMovingStaysWithinTheRows() {
        let cases: [(keys: [Key], selected: Int)] = [
            ([.character("j")], 1), ([.down, .down, .down], 1), ([.character("j"), .character("k")], 0),
            ([.up], 0), ([.character("G")], 1), ([.character("G"), .character("g")], 0), ([.pageDown], 1),
        ]
        for c in cases { XCTAssertEqual(S.pressing(c.keys).table.selected, c.selected, "\(c.keys)") }
    }

    func testPagesSwitchByNumberAndTab() {
        XCTAssertEqual(S.pressing([.character("2")]).page, .edges)
        XCTAssertEqual(S.pressing([.character("3")]).page, .pods)
        XCTAssertEqual(S.pressing([.tab]).page, .edges)
        XCTAssertEqual(S.pressing([.tab, .tab, .tab]).page, .graph)
        XCTAssertEqual(S.pressing([.tab, .tab, .tab, .tab]).page, .tap)
        XCTAssertEqual(S.pressing([.tab, .tab, .tab, .tab, .tab]).page, .top)
        XCTAssertEqual(S.pressing([.tab, .tab, .tab, .tab, .tab, .tab]).page, .workloads)
        XCTAssertEqual(S.pressing([.character("j"), .character("2"), .character("1")]).table.selected, 1,
                       "each page keeps its own selection")
    }

    func testEnterOpensTheSelectedRowsWorkloadAndEscGoesBack() {
        XCTAssertEqual(S.pressing([.character("j"), .enter]).detail, S.voting)
        XCTAssertEqual(S.pressing([.character("2"), .enter]).detail, S.voting, "an edge opens its destination")
        XCTAssertNil(S.pressing([.enter, .escape]).detail)
        XCTAssertNil(S.pressing([.enter, .character("1")]).detail, "a page key leaves the detail")
        XCTAssertFalse(S.pressing([.enter, .escape]).quitRequested, "Esc is back, not quit")
    }

    func testFilterIsLiveWhileTypedAppliedByEnterDroppedByEsc() {
        var state = S.pressing([.character("/")] + S.typing("voti"))
        XCTAssertEqual(state.shownFilter, "voti")
        XCTAssertEqual(S.rows(state).count, 1)
        XCTAssertEqual(state.filter, "", "not applied yet")
        state = S.pressing([.enter], on: state)
        XCTAssertEqual(state.filter, "voti")
        XCTAssertNil(state.input)
        XCTAssertEqual(S.pressing([.character("/"), .character("x"), .escape], on: state).filter, "voti")
        XCTAssertEqual(S.pressing([.character("/"), .backspace, .enter], on: state).filter, "vot")
        XCTAssertEqual(S.pressing([.escape], on: state).filter, "", "Esc clears an applied filter")
    }

    func testRegularExpressionFilterAndItsErrors() {
        let good = S.pressing([.character("/")] + S.typing("~^emo.*ji$") + [.enter])
        XCTAssertEqual(S.rows(good).count, 1)
        let bad = S.pressing([.character("/")] + S.typing("~emo(") + [.enter])
        XCTAssertEqual(bad.filter, "", "a broken expression is not applied")
        XCTAssertTrue(bad.message?.hasPrefix("not a regular expression") ?? false, bad.message ?? "no message")
        XCTAssertNil(S.pressing([.character("j")], on: bad).message, "the next key clears the message")
    }

    func testCommands() {
        func run(_ command: String, on state: DashboardState = S.state()) -> DashboardState {
            S.pressing([.character(":")] + S.typing(command) + [.enter], on: state)
        }
        XCTAssertEqual(run("ns emojivoto").namespace, "emojivoto")
        XCTAssertNil(run("ns -A", on: run("ns emojivoto")).namespace)
        XCTAssertEqual(run("pods").page, .pods)
        XCTAssertEqual(run("edges").page, .edges)
        XCTAssertEqual(run("graph").page, .graph)
        XCTAssertEqual(run("window 1m").windowMs, 60_000)
        XCTAssertEqual(run("window 1s").windowMs, 4_000, "never below two scrape intervals")
        XCTAssertTrue(run("q").quitRequested)
        XCTAssertTrue(run("help").showingHelp)
        XCTAssertEqual(run("bogus").message, "unknown command :bogus (try :ctx, :ns, :pods, :graph, :tap deploy/web, :problems, :window 1m, :q)")
    }

    func testNamespaceCyclesThroughAllAndBack() {
        var snapshot = S.snapshot
        snapshot.workloads += [WorkloadStats(workload: WorkloadRef(namespace: "books", kind: "deployment", name: "authors"),
                                             meshedPods: 1, totalPods: 1, metrics: GoldenMetrics())]
        let n = Key.character("n")
        XCTAssertEqual(S.pressing([n], snapshot).namespace, "books")
        XCTAssertEqual(S.pressing([n, n], snapshot).namespace, "emojivoto")
        XCTAssertNil(S.pressing([n, n, n], snapshot).namespace)
        XCTAssertEqual(S.rows(S.pressing([n], snapshot), snapshot).count, 1)
    }

    func testSortingChoosesColumnsAndDirection() {
        let s = Key.character("s")
        XCTAssertEqual(S.state().table.sortColumn, 0, "by namespace at first")
        let byName = S.pressing([s])
        XCTAssertEqual(byName.table.sortColumn, 1)
        XCTAssertFalse(byName.table.descending)
        let byRPS = S.pressing([.character(">"), .character(">"), .character(">"), .character(">")])
        XCTAssertEqual(byRPS.table.sortColumn, 4)
        XCTAssertTrue(byRPS.table.descending, "rates sort largest first")
        XCTAssertEqual(S.pressing([.character("<")], on: byRPS).table.sortColumn, 3)
        XCTAssertFalse(S.pressing([.character("r")], on: byRPS).table.descending)
        XCTAssertEqual(S.pressing([.character("<")]).table.sortColumn, 0, "nothing left of the first")
    }

    func testWindowStepsWithinBounds() {
        XCTAssertEqual(S.pressing([.character("+")]).windowMs, 15_000)
        XCTAssertEqual(S.pressing([.character("-")]).windowMs, 5_000)
        XCTAssertEqual(S.pressing([.character("-"), .character("-")]).windowMs, 5_000, "the shortest step")
        XCTAssertEqual(S.pressing([.character("-")], on: DashboardState(windowMs: 10_000, intervalMs: 4_000)).windowMs, 8_000,
                       "never below two scrape intervals")
        XCTAssertEqual(S.pressing(Array(repeating: .character("+"), count: 20)).windowMs, 3_600_000)
    }

    func testFailedTargetsAreOneKeyAway() {
        let failed = S.pressing([.character("f")])
        XCTAssertEqual(failed.page, .pods)
        XCTAssertEqual(S.rows(failed).count, 1)
        XCTAssertEqual(S.rows(failed).key(at: 0), .target("http://10.0.0.9:4191/metrics"))
        XCTAssertFalse(S.pressing([.character("f")], on: failed).failedOnly, "f again shows all pods")
        XCTAssertFalse(S.pressing([.escape], on: failed).failedOnly)
    }

    func testHelpTakesEveryKeyUntilClosed() {
        let help = S.pressing([.character("?")])
        XCTAssertTrue(help.showingHelp)
        XCTAssertEqual(S.pressing([.character("j"), .character("2")], on: help), help, "keys do nothing under the help")
        for close in [Key.escape, .character("?"), .character("q")] {
            let closed = S.pressing([close], on: help)
            XCTAssertFalse(closed.showingHelp)
            XCTAssertFalse(closed.quitRequested, "q closes the help first")
        }
    }

    func testTheMouseSelectsOpensAndScrolls() {
        var state = S.state()
        func line(_ y: Int) -> Int? {
            DashboardView.rowIndex(atLine: y, snapshot: S.snapshot, rows: S.rows(state), state: state, height: 24)
        }
        XCTAssertEqual([3, 4, 5, 6].map(line), [nil, 0, 1, nil], "header, emoji, voting, below the rows")
        state.point(MouseEvent(x: 3, y: 5, kind: .click), at: line(5), rows: S.rows(state))
        XCTAssertEqual(state.table.selected, 1)
        XCTAssertNil(state.detail)
        state.point(MouseEvent(x: 3, y: 5, kind: .click), at: line(5), rows: S.rows(state))
        XCTAssertEqual(state.detail, S.voting, "a click on the selected row opens it")
        var scrolled = S.state()
        scrolled.point(MouseEvent(x: 0, y: 0, kind: .wheelDown), at: nil, rows: S.rows(scrolled))
        XCTAssertEqual(scrolled.table.selected, 1, "three rows down, within the two there are")
    }

    func testQuitAndPause() {
        XCTAssertTrue(S.pressing([.character("q")]).quitRequested)
        XCTAssertTrue(S.pressing([.function(10)]).quitRequested)
        XCTAssertTrue(S.pressing([.character("p")]).paused)
        XCTAssertFalse(S.pressing([.character("p"), .character("p")]).paused)
    }

    func testSelectionFollowsItsRowWhenTheRowsMove() {
        var state = S.pressing([.character("j")])  // voting
        var reordered = S.snapshot
        reordered.workloads.reverse()
        state.tables[.workloads]!.sortColumn = 99  // unsorted: the snapshot's order
        state.follow(S.rows(state, reordered))
        XCTAssertEqual(state.table.selected, 0, "voting moved to the top")
        var fewer = S.snapshot
        fewer.workloads = []
        state.follow(S.rows(state, fewer))
        XCTAssertEqual(state.table.selected, 0)
    }

    func testTheFooterListsOnlyKeysThatWorkHere() {
        let tables = Keymap.standard.hints(in: .tables).map(\.keys)
        let detail = Keymap.standard.hints(in: .detail).map(\.keys)
        XCTAssertEqual(tables, ["?", "q", "Tab", "Enter", "j/k", "/", ":ctx/:ns", "s", "n", "p", "t"])
        XCTAssertEqual(detail, ["?", "q", "Tab", ":ctx/:ns", "n", "p"])
        for binding in Keymap.standard.bindings {
            for key in binding.keys {
                XCTAssertEqual(Keymap.standard.action(for: key, in: binding.scope == .always ? .tables : binding.scope),
                               binding.action, "\(key) is not shadowed")
            }
        }
    }
}
