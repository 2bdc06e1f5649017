import Foundation
import XCTest

/// The dashboard's keys on the real binary in tmux, as a person uses them on the demo: help,
/// pages, detail, sort, filter, namespaces, pause; and scraped labels that try to steer the
/// terminal are shown escaped.
final class DashboardKeysTmuxTests: XCTestCase {
    private static let demo = ["--demo", "--topology", "emojivoto", "--scenario", "steady", "--interval", "1s"]

    override func setUpWithError() throws {
        if let missing = TmuxPane.missing { throw XCTSkip(missing) }
    }

    func testKeysSwitchPagesOpenHelpAndDetailSortAndFilter() throws {
        let pane = try TmuxPane(Self.demo, width: 120, height: 40)
        defer { pane.close() }
        pane.waitForScreen(containing: "deployment/web")

        // Each step: the keys, then what the screen shows once they took effect.
        let steps: [(keys: [String], shows: String)] = [
            (["?"], "filter (~ for regex)"), (["Escape"], "RPS TREND"),
            (["2"], "SRC → DST"), ([], "✗ no: not_provided_by_service"),  // the call out of the mesh
            (["3"], "SCRAPE"), (["Tab"], "nodes"), (["1"], "RPS TREND"),  // Tab: the Graph page after Pods
            (["s"], "NAME▲"), (["r"], "NAME▼"),
            (["/", "v", "o", "t", "i", "n", "g", "Enter"], "/voting  1/1"),  // the filter, and one row
            (["Enter"], "INBOUND: who calls it"), ([], "LATENCY over the window"), (["Escape"], "RPS TREND"),
            (["Escape"], "deployment/emoji"),
            ([":", "n", "s", "Space", "b", "o", "o", "k", "s", "Enter"], "No rows match"),
            ([":", "n", "s", "Space", "-", "A", "Enter"], "deployment/emoji"),
        ]
        for step in steps {
            pane.press(step.keys)
            let screen = pane.waitForScreen(containing: step.shows)
            if step.shows == "NAME▼" {
                XCTAssertLessThan(screen.range(of: "deployment/web")!.lowerBound, screen.range(of: "deployment/emoji")!.lowerBound)
            }
            if step.shows == "/voting  1/1" { XCTAssertFalse(screen.contains("deployment/emoji"), screen) }
        }

        pane.press("p")
        pane.waitForScreen(containing: "PAUSED")
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
        let settings = pane.terminalSettings()
        XCTAssertEqual(settings.after, settings.before, "stty -a")
    }

    func testLabelsThatTryToSteerTheTerminalAreShownEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let metrics = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/proxy-metrics-2022-sampleMetrics", withExtension: "txt"))
        let targets = folder.appendingPathComponent("targets.json")
        // A clear-screen, a window-title change (OSC 0, ended by BEL) and a bidi override.
        try #"[{"targets": ["\#(metrics.absoluteString)"], "labels": {"namespace": "evil\u001b[2J\u001b]0;pwned\u0007", "deployment": "web\u202egnp"}}]"#
            .write(to: targets, atomically: true, encoding: .utf8)
        let pane = try TmuxPane(["--targets-file", targets.path, "--interval", "1s"], width: 140, height: 30)
        defer { pane.close() }
        let screen = pane.waitForScreen(containing: #"evil\x1b[2J\x1b]0;pw"#)  // the column cuts the rest
        XCTAssertTrue(screen.contains(#"deployment/web\u{202e}gnp"#), screen)
        XCTAssertTrue(screen.hasPrefix("meshtop"), "the header was not cleared away:\n\(screen)")
        XCTAssertNotEqual(pane.title(), "pwned")
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0)
    }
}
