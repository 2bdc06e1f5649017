import MeshTUI
import XCTest

final class DashboardStateTests: XCTestCase {
    private func press(_ keys: [Key], _ state: inout DashboardState, workloads: Int = 3, edges: Int = 2) {
        for key in keys {
            if let action = Keymap.standard.action(for: key) { state.apply(action, workloads: workloads, edges: edges) }
        }
    }

    func testJAndKMoveTheSelectionWithinTheTable() {
        var state = DashboardState()
        press([.character("j")], &state)
        XCTAssertEqual(state.selectedWorkload, 1)
        press([.character("j"), .down, .character("j")], &state)
        XCTAssertEqual(state.selectedWorkload, 2, "clamped at the last row")
        press([.character("k"), .up, .up, .character("k")], &state)
        XCTAssertEqual(state.selectedWorkload, 0, "clamped at the first row")
    }

    func testTabSwitchesWhichTableMoves() {
        var state = DashboardState()
        press([.tab, .character("j"), .character("j"), .character("j")], &state)
        XCTAssertEqual(state.focus, .edges)
        XCTAssertEqual(state.selectedEdge, 1)
        XCTAssertEqual(state.selectedWorkload, 0)
        press([.tab, .character("j")], &state)
        XCTAssertEqual(state.focus, .workloads)
        XCTAssertEqual(state.selectedWorkload, 1)
        XCTAssertEqual(state.selectedEdge, 1)
    }

    func testSelectionInAnEmptyTableStaysAtZero() {
        var state = DashboardState()
        press([.character("j"), .character("j")], &state, workloads: 0, edges: 0)
        XCTAssertEqual(state.selectedWorkload, 0)
    }

    func testSelectionFollowsAShrinkingSnapshot() {
        var state = DashboardState()
        press([.down, .down, .tab, .down], &state)
        state.clamp(workloads: 1, edges: 0)
        XCTAssertEqual(state.selectedWorkload, 0)
        XCTAssertEqual(state.selectedEdge, 0)
    }

    func testPTogglesPause() {
        var state = DashboardState()
        press([.character("p")], &state)
        XCTAssertTrue(state.paused)
        press([.character("p")], &state)
        XCTAssertFalse(state.paused)
    }

    func testQEscapeAndF10Quit() {
        for key in [Key.character("q"), .escape, .function(10)] {
            var state = DashboardState()
            press([key], &state)
            XCTAssertTrue(state.quitRequested, "\(key)")
        }
        var state = DashboardState()
        press([.character("x"), .function(9), .character("Q")], &state)
        XCTAssertFalse(state.quitRequested)
        XCTAssertEqual(state, DashboardState(), "unbound keys do nothing")
    }

    func testTheFooterListsTheKeymapsHints() {
        XCTAssertEqual(Keymap.standard.hints.map { "\($0.keys) \($0.help)" },
                       ["q quit", "Tab switch", "j/k move", "p pause"])
        let custom = Keymap([KeyBinding([.character("x")], .quit, hint: ("x", "exit"))])
        let context = DashboardContext(source: "t", windowMs: 1000, intervalMs: 1000, glyphs: .ascii, keymap: custom)
        let grid = DashboardView.render(nil, state: DashboardState(), context: context, width: 40, height: 10)
        XCTAssertEqual(grid.rows[9].trimmingCharacters(in: .whitespaces), "x exit")
        XCTAssertEqual(custom.action(for: .character("q")), nil)
    }
}
