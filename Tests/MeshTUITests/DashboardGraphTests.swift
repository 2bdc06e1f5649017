import MeshModel
import MeshTap
import MeshTUI
import XCTest

/// The Graph page in the dashboard: reached like the other pages, moved around with hjkl,
/// focused, searched, panned and clicked, drawn into the grid.
final class DashboardGraphTests: XCTestCase {
    private typealias S = SampleMesh

    /// web → voting, bot → emoji, and emoji's unmeshed clients (S.screens), on the Graph page.
    private func graphState(_ keys: [Key] = [], _ snapshot: Snapshot = S.screens) -> DashboardState {
        S.pressing([.character("4")] + keys, snapshot)
    }

    private func selected(_ state: DashboardState, _ snapshot: Snapshot = S.screens) -> WorkloadRef? {
        if case .workload(let ref) = S.rows(state, snapshot).key(at: state.table.selected) { return ref }
        return nil
    }

    private func render(_ state: DashboardState, _ snapshot: Snapshot = S.screens, width: Int = 80, height: Int = 24) -> CellGrid {
        let rows = DashboardRows(snapshot, trends: Trends(), state: state, glyphs: .unicode,
                                 visible: DashboardView.visibleRows(height: height), width: width)
        return DashboardView.render(snapshot, rows: rows, trends: Trends(), state: state, context: S.context,
                                    width: width, height: height)
    }

    /// A chain w00 → w01 → … → w(n-1): a canvas far wider than the screen.
    private static func chain(_ n: Int) -> Snapshot {
        let workloads = S.workloads(n)
        let edges = zip(workloads, workloads.dropFirst()).map { a, b in
            EdgeStats(src: a.workload, dst: b.workload, metrics: GoldenMetrics(rps: 1, success: 1), mtls: true,
                      noTLSReason: "", serverID: "")
        }
        return Snapshot(generatedAtMs: 0, windowSeconds: 10, workloads: workloads, edges: edges, pods: [], targets: [])
    }

    func testFourAndTabAndTheCommandReachTheGraph() {
        XCTAssertEqual(graphState().page, .graph)
        XCTAssertEqual(S.pressing([.character("3"), .tab]).page, .graph)
        XCTAssertEqual(S.pressing([.character("3"), .tab, .tab]).page, .tap)
        XCTAssertEqual(S.pressing([.character(":")] + S.typing("graph") + [.enter]).page, .graph)
        XCTAssertEqual(graphState().scope, .graph)
    }

    func testThePageDrawsTheGraphWithItsLegend() {
        let screen = render(graphState()).screen
        for part in [" 4 Graph ", "web", "voting", "emoji", "? unmeshed", "▶", "▼ 2.9rps 88.9%",
                     "6 nodes 4 edges", "✗ failing", "○ no mTLS"] where !screen.contains(part) {
            XCTFail("\(part) missing from:\n\(screen)")
        }
        XCTAssertTrue(screen.contains("bot\\x1b[2J"), "the hostile name is escaped:\n\(screen)")
        XCTAssertTrue(screen.split(separator: "\n").last!.contains("hjkl move"), screen)
        XCTAssertTrue(screen.split(separator: "\n").last!.contains("f focus"), screen)
    }

    func testHjklMoveAlongTheGraph() {
        let onWeb = graphState([.character("/")] + S.typing("web") + [.enter])
        XCTAssertEqual(selected(onWeb), S.web)
        XCTAssertEqual(selected(S.pressing([.character("l")], on: onWeb, S.screens)), S.voting, "web calls voting, to its right")
        XCTAssertEqual(selected(S.pressing([.right, .character("h")], on: onWeb, S.screens)), S.web, "and back")
        XCTAssertEqual(selected(S.pressing([.character("h")], on: onWeb, S.screens)), S.web, "nothing left of web: stays")
        let down = S.pressing([.character("j")], on: onWeb, S.screens)
        XCTAssertNotEqual(selected(down), S.web, "a node below web")
        XCTAssertEqual(selected(S.pressing([.character("k")], on: down, S.screens)), S.web)
    }

    func testEnterOpensAScrapedWorkloadAndSaysWhyAPeerHasNone() {
        let voting = graphState([.character("/")] + S.typing("voting") + [.enter, .enter])
        XCTAssertEqual(voting.detail, S.voting)
        XCTAssertEqual(S.pressing([.escape], on: voting, S.screens).detail, nil)
        let web = graphState([.character("/")] + S.typing("web") + [.enter, .enter])
        XCTAssertNil(web.detail, "web isn't scraped here: no detail")
        XCTAssertEqual(web.message, "web is not a meshed workload meshtop scrapes: it has no detail")
    }

    func testFocusShowsTheNeighbourhoodAndPlusMinusItsReach() {
        let focused = graphState([.character("/")] + S.typing("voting") + [.enter, .character("f")])
        XCTAssertEqual(focused.graph.focus, S.voting)
        guard case .graph(let scene) = S.rows(focused, S.screens).table else { return XCTFail("not the graph") }
        XCTAssertEqual(Set(scene.graph.nodes.map(\.id.name)), ["voting", "web"])
        XCTAssertEqual(selected(focused), S.voting, "the selection stays on the focus")
        XCTAssertTrue(render(focused).screen.contains("focus voting 1 hop"), render(focused).screen)

        let wider = S.pressing([.character("+"), .character("+")], on: focused, S.screens)
        XCTAssertEqual(wider.graph.hops, 3)
        XCTAssertEqual(wider.windowMs, focused.windowMs, "+ widens the focus, not the window, while focused")
        XCTAssertEqual(S.pressing([.character("-"), .character("-")], on: wider, S.screens).graph.hops, 1)
        XCTAssertEqual(S.pressing([.character("-")], on: focused, S.screens).graph.hops, 1, "never below one hop")

        let whole = S.pressing([.escape], on: wider, S.screens)
        XCTAssertNil(whole.graph.focus, "Esc leaves the focus")
        XCTAssertGreaterThan(S.pressing([.character("+")], on: whole, S.screens).windowMs, whole.windowMs,
                             "unfocused, + widens the window as elsewhere")
        XCTAssertNil(S.pressing([.character("f")], on: focused, S.screens).graph.focus, "f again: the whole graph")
    }

    func testFindSelectsAsYouTypeAndEnterAgainGoesToTheNext() {
        let snapshot = Self.chain(12)
        let typing = graphState([.character("/")] + S.typing("w1"), snapshot)
        XCTAssertEqual(selected(typing, snapshot)?.name, "w10", "the first match, while typing")
        XCTAssertEqual(typing.input, .find("w1"))
        let found = S.pressing([.enter], on: typing, snapshot)
        XCTAssertNil(found.input)
        let next = S.pressing([.character("/"), .enter], on: found, snapshot)
        XCTAssertEqual(selected(next, snapshot)?.name, "w11", "/ Enter on an empty line: the next match")
        let fresh = S.pressing([.character("/")] + S.typing("w0") + [.enter], on: next, snapshot)
        XCTAssertEqual(selected(fresh, snapshot)?.name, "w00", "a new find starts empty")
        XCTAssertEqual(selected(S.pressing([.character("/"), .enter], on: next, snapshot), snapshot)?.name, "w10", "wraps")
        let none = graphState([.character("/")] + S.typing("nope") + [.enter], snapshot)
        XCTAssertEqual(none.message, "no node matches nope")
        XCTAssertTrue(render(typing, snapshot).screen.contains("find /w1_"), render(typing, snapshot).screen)
    }

    func testALongChainGoesTopDownAndOTurnsIt() {
        let snapshot = Self.chain(20)
        let auto = graphState([], snapshot)
        XCTAssertNil(auto.graph.orientation)
        XCTAssertEqual(S.rows(auto, snapshot).graphLayout?.orientation, .topDown, "a chain fits the screen better downwards")
        XCTAssertEqual(selected(S.pressing(Array(repeating: .character("j"), count: 3), on: auto, snapshot), snapshot)?.name, "w03",
                       "j follows the calls down")
        let across = S.pressing([.character("o")], on: auto, snapshot)
        XCTAssertEqual(S.rows(across, snapshot).graphLayout?.orientation, .leftToRight)
        XCTAssertEqual(S.rows(S.pressing([.character("o")], on: across, snapshot), snapshot).graphLayout?.orientation, .topDown)
        XCTAssertNil(S.pressing([.character("o"), .character("o")], on: across, snapshot).graph.orientation, "and back to auto")
        XCTAssertTrue(render(across, snapshot).screen.contains("across (o)"), render(across, snapshot).screen)
    }

    func testTheViewPansAndFollowsTheSelection() {
        let snapshot = Self.chain(20)
        let start = graphState([.character("o")], snapshot)  // left to right: wider than the screen
        XCTAssertEqual(start.graph.viewport, GraphPoint(x: 0, y: 1), "the first drawn row (the layout keeps one blank above)")
        let panned = S.pressing([.character("L")], on: start, snapshot)
        XCTAssertEqual(panned.graph.viewport.x, 40, "half of an 80-column screen")
        XCTAssertEqual(selected(panned, snapshot)?.name, "w00", "panning leaves the selection")
        let far = S.pressing(Array(repeating: .character("l"), count: 10), on: start, snapshot)
        XCTAssertEqual(selected(far, snapshot)?.name, "w10")
        guard case .graph(let scene) = S.rows(far, snapshot).table, let box = scene.layout.box(of: selected(far, snapshot)!)
        else { return XCTFail("not the graph") }
        XCTAssertTrue(far.graph.viewport.x <= box.x && box.x + box.width <= far.graph.viewport.x + 80,
                      "the selected box is on screen: \(box) from \(far.graph.viewport)")
        let screen = render(far, snapshot).screen
        XCTAssertTrue(screen.contains("w10"), screen)
        XCTAssertFalse(screen.contains("w00"), "scrolled past the start:\n\(screen)")
        XCTAssertTrue(screen.contains("HJKL pan"), screen)
        let back = S.pressing(Array(repeating: .character("H"), count: 50), on: far, snapshot)
        XCTAssertEqual(back.graph.viewport.x, 0, "never before the canvas")
    }

    func testAClickSelectsANodeAndASecondOpensIt() {
        let state = graphState()
        let rows = S.rows(state, S.screens)
        guard case .graph(let scene) = rows.table, let box = scene.layout.box(of: S.voting) else { return XCTFail("no voting") }
        let page = GraphRect(x: 0, y: 3, width: 80, height: 24 - 3 - 2)  // under header, tabs, failing line; legend, footer
        let screen = scene.screen(in: page)
        let (x, y) = (screen.x + box.x + 2, screen.y + box.y + 1)
        let index = DashboardView.rowIndex(atLine: y, column: x, snapshot: S.screens, rows: rows, state: state, width: 80, height: 24)
        XCTAssertEqual(index, scene.index(of: S.voting))
        XCTAssertNil(DashboardView.rowIndex(atLine: 23, column: 0, snapshot: S.screens, rows: rows, state: state, width: 80, height: 24))
        var clicked = state
        clicked.point(MouseEvent(x: x, y: y, kind: .click), at: index, rows: rows)
        XCTAssertEqual(selected(clicked), S.voting)
        clicked.point(MouseEvent(x: x, y: y, kind: .click), at: index, rows: S.rows(clicked, S.screens))
        XCTAssertEqual(clicked.detail, S.voting)
    }

    func testAnEmptyMeshSaysSo() {
        let empty = Snapshot(generatedAtMs: 0, windowSeconds: 10, workloads: [], edges: [], pods: [], targets: [])
        XCTAssertTrue(render(graphState([], empty), empty).screen.contains("No workloads to draw"))
    }
}

/// The Tap and Top pages in the dashboard: reached by 5, 6, `:tap` and `t` on a workload, which
/// sets what the driver taps; their keys go to the tap views first.
final class DashboardTapTests: XCTestCase {
    private typealias S = SampleMesh

    func testTKeyTapsTheSelectedWorkloadAndTheCommandNamesOne() {
        let tapped = S.pressing([.character("j"), .character("t")])
        XCTAssertEqual(tapped.page, .tap)
        XCTAssertEqual(tapped.tapTarget, TapResource(namespace: "emojivoto", kind: .deployment, name: "voting"))
        XCTAssertEqual(S.pressing([.character("2"), .character("t")]).tapTarget?.name, "voting", "an edge's destination")
        let command = S.pressing([.character(":")] + S.typing("tap deploy/web other") + [.enter])
        XCTAssertEqual(command.tapTarget, TapResource(namespace: "other", kind: .deployment, name: "web"))
        let bad = S.pressing([.character(":")] + S.typing("tap frob/x") + [.enter])
        XCTAssertNil(bad.tapTarget)
        XCTAssertNotNil(bad.message)
        XCTAssertEqual(S.pressing([.character("5")]).page, .tap)
        XCTAssertEqual(S.pressing([.character("6")]).page, .top)
    }

    func testTheTapViewTakesItsKeysFirst() {
        let paused = S.pressing([.character("5"), .character("p")])
        XCTAssertTrue(paused.tap.paused, "p pauses the stream on the Tap page")
        XCTAssertFalse(paused.paused, "not the dashboard")
        let filtering = S.pressing([.character("5"), .character("/")] + S.typing("method=POST") + [.enter])
        XCTAssertEqual(filtering.tap.filter.line, "method=POST")
        XCTAssertEqual(filtering.filter, "", "the tables' filter is left alone")
        XCTAssertEqual(S.pressing([.character("5"), .character("1")]).page, .workloads, "other keys still switch pages")
    }
}
