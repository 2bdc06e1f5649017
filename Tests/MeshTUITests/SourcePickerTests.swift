@testable import MeshTUI
import MeshModel
import XCTest

/// `:ctx` and `:ns`: the pickers, the requests they leave for the driver, and `:problems`.
final class SourcePickerTests: XCTestCase {
    private typealias S = SampleMesh

    private static let kube = SourceStatus(context: "a", cluster: "https://10.0.0.1:6443", contexts: ["a", "b", "kind-b2", "c"])

    /// `state` after `keys`, on the sample's rows, over a source with `status` named `source`.
    private func pressing(_ keys: [Key], on state: DashboardState = SampleMesh.state(), status: SourceStatus = kube,
                          source: String? = "kube") -> DashboardState {
        var state = state
        for key in keys {
            state.press(key, keymap: .standard, rows: S.rows(state), status: status, source: source)
        }
        return state
    }

    private func command(_ text: String) -> [Key] {
        [.character(":")] + S.typing(text) + [.enter]
    }

    func testCtxListsTheContextsWithTheCurrentOneSelected() throws {
        let picker = try XCTUnwrap(pressing(command("ctx")).picker)
        XCTAssertEqual(picker.matches.map(\.label), ["a", "b", "kind-b2", "c"])
        XCTAssertEqual(picker.matches.map(\.isCurrent), [true, false, false, false])
        XCTAssertEqual(picker.selected, 0)
        var kindCurrent = Self.kube
        kindCurrent.context = "kind-b2"
        XCTAssertEqual(pressing(command("ctx"), status: kindCurrent).picker?.selected, 2)
    }

    func testTypingFiltersAndEnterChoosesAndCloses() throws {
        var state = pressing(command("ctx") + S.typing("B"))
        XCTAssertEqual(state.picker?.matches.map(\.label), ["b", "kind-b2"], "substring, any case")
        XCTAssertEqual(state.picker?.matches[state.picker!.selected].label, "b")
        XCTAssertNil(state.takeSourceRequest(), "nothing chosen yet")
        state = pressing([.enter], on: state)
        XCTAssertNil(state.picker)
        XCTAssertEqual(state.takeSourceRequest(), .context("b"))
        XCTAssertNil(state.takeSourceRequest(), "taken once")
    }

    func testKeysMoveWithinTheMatchesAndBackspaceEdits() {
        func selected(_ keys: [Key]) -> String? {
            let picker = pressing(command("ctx") + keys).picker
            return picker.map { $0.matches[$0.selected].label }
        }
        XCTAssertEqual(selected([.down]), "b")
        XCTAssertEqual(selected([.down, .down, .down, .down]), "c", "stops at the last")
        XCTAssertEqual(selected([.up]), "a", "stops at the first")
        XCTAssertEqual(selected([.end]), "c")
        XCTAssertEqual(selected([.end, .home]), "a")
        XCTAssertEqual(selected([.pageDown]), "c")
        XCTAssertEqual(selected(S.typing("kx") + [.backspace]), "kind-b2")
        XCTAssertEqual(selected(S.typing("k") + [.backspace, .backspace]), "kind-b2", "the selection outlives its filter")
        XCTAssertEqual(pressing(command("ctx") + S.typing("zz")).picker?.matches.count, 0)
        XCTAssertNotNil(pressing(command("ctx") + S.typing("zz") + [.enter]).picker, "Enter on nothing keeps the list")
    }

    func testEscClosesWithoutARequest() {
        var state = pressing(command("ctx") + [.down, .escape])
        XCTAssertNil(state.picker)
        XCTAssertNil(state.takeSourceRequest())
        XCTAssertFalse(state.quitRequested)
        XCTAssertFalse(pressing(command("ctx") + [.character("q")]).quitRequested, "q is typed into the filter")
    }

    func testNsListsAllNamespacesThenTheNamespacesSorted() throws {
        var status = Self.kube
        status.namespaces = ["linkerd", "emojivoto", "books"]
        let picker = try XCTUnwrap(pressing(command("ns"), status: status).picker)
        XCTAssertEqual(picker.matches.map(\.label), ["all namespaces", "books", "emojivoto", "linkerd"])
        XCTAssertEqual(picker.selected, 0, "all namespaces is the current one")
        XCTAssertEqual(pressing(command("ns emojivoto") + command("ns"), status: status).picker?.selected, 2)
        var state = pressing(command("ns") + S.typing("lin") + [.enter], status: status)
        XCTAssertEqual(state.takeSourceRequest(), .namespace("linkerd"))
        XCTAssertEqual(state.namespace, "linkerd", "the views are filtered to it too")
        state = pressing(command("ns") + [.home, .enter], on: state, status: status)
        XCTAssertEqual(state.takeSourceRequest(), .namespace(nil))
        XCTAssertNil(state.namespace)
    }

    func testNsWithoutTheClustersNamespacesListsTheSnapshots() {
        let picker = pressing(command("ns"), status: SourceStatus(), source: "demo:emojivoto").picker
        XCTAssertEqual(picker?.matches.map(\.label), ["all namespaces", "emojivoto"])
    }

    func testNsAndCtxWithANameChooseDirectly() {
        var state = pressing(command("ns emojivoto"))
        XCTAssertEqual(state.takeSourceRequest(), .namespace("emojivoto"))
        XCTAssertEqual(state.namespace, "emojivoto")
        for all in ["-A", "all"] {
            state = pressing(command("ns \(all)"), on: state)
            XCTAssertEqual(state.takeSourceRequest(), .namespace(nil))
            XCTAssertNil(state.namespace)
        }
        state = pressing(command("ctx kind-b2"))
        XCTAssertNil(state.picker)
        XCTAssertEqual(state.takeSourceRequest(), .context("kind-b2"))
    }

    func testCtxWithAnUnknownNameListsSomeKnownOnes() {
        var state = pressing(command("ctx prod"))
        XCTAssertNil(state.takeSourceRequest())
        XCTAssertEqual(state.message, "no context prod in the kubeconfig; it has a, b, kind-b2, 1 more (:ctx lists them)")
        XCTAssertEqual(pressing(command("ctx x\u{1b}[2J")).message?.contains("x\\x1b[2J"), true, "escaped")
    }

    func testCtxWithoutAKubeconfigSaysWhatMeshtopReads() {
        var state = pressing(command("ctx"), status: SourceStatus(), source: "demo:emojivoto")
        XCTAssertNil(state.picker)
        XCTAssertNil(state.takeSourceRequest())
        XCTAssertEqual(state.message, "no kubeconfig contexts: meshtop is reading demo:emojivoto")
        XCTAssertEqual(pressing(command("ctx b"), status: SourceStatus(), source: nil).message,
                       "no kubeconfig contexts: meshtop is not reading a kubeconfig")
    }

    func testProblemsListOpensAndCloses() {
        let status = SourceStatus(problems: ["API server unreachable", "no meshed pods"])
        let open = pressing(command("problems"), status: status)
        XCTAssertTrue(open.showingProblems)
        XCTAssertEqual(pressing([.character("j")], on: open, status: status), open, "keys do nothing under the list")
        XCTAssertFalse(pressing([.escape], on: open, status: status).showingProblems)
        XCTAssertEqual(pressing(command("problems"), status: SourceStatus()).message, "no problems with the source")
    }

    func testTheMouseSelectsThenChoosesInThePicker() {
        var state = pressing(command("ctx"))
        func line(_ y: Int) -> Int? {
            DashboardView.rowIndex(atLine: y, snapshot: S.snapshot, rows: S.rows(state), state: state, height: 24,
                                   status: Self.kube)
        }
        // header, tabs, failing targets, the picker's title on line 3, its lines from 4
        XCTAssertEqual([3, 4, 5, 7, 8].map(line), [nil, 0, 1, 3, nil])
        state.point(MouseEvent(x: 2, y: 5, kind: .click), at: line(5), rows: S.rows(state))
        XCTAssertEqual(state.picker?.selected, 1)
        XCTAssertNil(state.takeSourceRequest())
        state.point(MouseEvent(x: 2, y: 5, kind: .click), at: line(5), rows: S.rows(state))
        XCTAssertNil(state.picker)
        XCTAssertEqual(state.takeSourceRequest(), .context("b"))
        state = pressing(command("ctx"))
        state.point(MouseEvent(x: 0, y: 0, kind: .wheelDown), at: nil, rows: S.rows(state))
        XCTAssertEqual(state.picker?.selected, 3)
    }
}
