import Foundation
import XCTest

/// The Graph page on the real binary in tmux, as a person uses it on the demo at 80x24: the
/// mesh drawn with boxes and arrows, a node found and opened, its neighbourhood focused and
/// widened, the layout turned; with `--ascii`, the same in plain ASCII.
final class GraphTmuxTests: XCTestCase {
    private static let demo = ["--demo", "--topology", "emojivoto", "--scenario", "steady", "--interval", "1s"]

    override func setUpWithError() throws {
        if let missing = TmuxPane.missing { throw XCTSkip(missing) }
    }

    func testTheGraphAt80x24FindFocusAndOpen() throws {
        let pane = try TmuxPane(Self.demo, width: 80, height: 24)
        defer { pane.close() }
        pane.waitForScreen(containing: "deployment/web")
        pane.press("4")
        let graph = pane.waitForScreen("the call graph") { $0.contains("6 nodes 5 edges") && $0.contains("▶") }
        for part in ["vote-bot", "web", "emoji", "voting", "⇢ api.example.com", "? unmeshed", "hjkl move"] {
            XCTAssertTrue(graph.contains(part), "\(part) missing:\n\(graph)")
        }
        XCTAssertFalse(graph.split(separator: "\n").contains { $0.count > 80 }, graph)
        XCTAssertFalse(graph.contains("(HJKL pan)"), "the demo's mesh fits at 80x24 whole:\n\(graph)")

        // Each step: the keys, then what the screen shows once they took effect (never what it
        // showed before them). Nodes in order: emoji, vote-bot, voting, web, the API, web's unmeshed clients.
        let steps: [(keys: [String], shows: [String], hides: String?)] = [
            (["/", "w", "e", "b"], ["find /web_"], nil), (["Enter"], ["4/6", "hjkl move"], nil),
            (["/", "Enter"], ["6/6"], nil), (["/", "Enter"], ["4/6"], nil),  // the next match, wrapping around
            (["Enter"], ["deployment/web in emojivoto"], nil), (["Escape"], ["6 nodes 5 edges"], "in emojivoto"),
            (["f"], ["focus web 1 hop"], nil), (["+"], ["focus web 2 hops"], nil), (["-"], ["focus web 1 hop"], nil),
            (["Escape"], ["6 nodes 5 edges"], "focus web"),
            (["/", "v", "o", "t", "i", "n", "g", "Enter"], ["3/6"], nil), (["h"], ["4/6"], nil),  // voting, then its caller
            (["Enter"], ["deployment/web in emojivoto"], nil), (["Escape"], ["6 nodes 5 edges"], "in emojivoto"),
            (["/", "n", "o", "p", "e", "Enter"], ["no node matches nope"], nil),
        ]
        for step in steps {
            pane.press(step.keys)
            pane.waitForScreen("\(step.keys): \(step.shows)") { screen in
                step.shows.allSatisfy(screen.contains) && !(step.hides.map(screen.contains) ?? false)
            }
        }
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
        let settings = pane.terminalSettings()
        XCTAssertEqual(settings.after, settings.before, "stty -a")
    }

    func testASCIIDrawsTheGraphInPlainCharacters() throws {
        let pane = try TmuxPane(Self.demo + ["--ascii"], width: 100, height: 30)
        defer { pane.close() }
        pane.waitForScreen(containing: "deployment/web")
        pane.press("4")
        let screen = pane.waitForScreen("the graph in ASCII") { $0.contains("nodes") && $0.contains("--->") }
        XCTAssertTrue(screen.allSatisfy(\.isASCII), screen)
        XCTAssertTrue(screen.contains("ext api.example.com"), screen)
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
    }
}
