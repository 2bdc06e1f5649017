import Foundation
import XCTest

/// The full-screen view of the real binary, driven in tmux: it shows the demo's workloads,
/// follows resizes, and every way out (q, SIGTERM, SIGHUP, Ctrl-C, a crash) leaves the
/// terminal as it was. Without a terminal it falls back to the `--once` report.
final class DashboardTmuxTests: XCTestCase {
    private static let demo = ["--demo", "--topology", "emojivoto", "--scenario", "steady", "--interval", "1s"]

    override func setUpWithError() throws {
        if let missing = TmuxPane.missing { throw XCTSkip(missing) }
    }

    func testTheScreenFollowsResizesAndQRestoresTheTerminal() throws {
        let pane = try TmuxPane(Self.demo)
        defer { pane.close() }
        let first = pane.waitForScreen(containing: "deployment/web")
        XCTAssertTrue(first.contains("deployment/emoji"), first)
        XCTAssertTrue(pane.alternateScreen)

        pane.resize(width: 50, height: 15)
        pane.waitForScreen("the workloads 50 columns wide") { screen in
            screen.contains("deployment/emoji") && !screen.split(separator: "\n").contains { $0.count > 50 }
        }
        pane.resize(width: 200, height: 60)
        pane.waitForScreen("content 200 columns wide") { screen in
            screen.contains("deployment/web") && screen.split(separator: "\n").contains { $0.count > 150 }
        }
        pane.resize(width: 20, height: 5)
        pane.waitForScreen(containing: "too small")
        pane.resize(width: 100, height: 30)
        pane.waitForScreen(containing: "deployment/web")

        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
        checkRestored(pane)
    }

    func testSignalsThatEndTheViewRestoreTheTerminal() throws {
        for (signal, send) in [(SIGTERM, "kill"), (SIGHUP, "kill"), (SIGINT, "C-c")] {
            let pane = try TmuxPane(Self.demo)
            defer { pane.close() }
            pane.waitForScreen(containing: "deployment/web")
            if send == "C-c" { pane.press("C-c") } else { pane.send(signal) }
            XCTAssertEqual(pane.waitForExit(), 128 + signal, "signal \(signal): \(pane.screen())")
            checkRestored(pane, "signal \(signal)")
        }
    }

    func testACrashRestoresTheTerminal() throws {
        for signal in [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT] {
            let pane = try TmuxPane(Self.demo)
            defer { pane.close() }
            pane.waitForScreen(containing: "deployment/web")
            pane.send(signal)
            XCTAssertEqual(pane.waitForExit(), 128 + signal, "signal \(signal): \(pane.screen())")
            checkRestored(pane, "signal \(signal)")
        }
    }

    func testAnUnknownTerminalGetsTheReportWithAWarning() throws {
        let pane = try TmuxPane(["--demo", "--scenario", "steady", "--window", "1s"],
                                environment: ["TERM": "meshtop-no-such-terminal"])
        defer { pane.close() }
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
        let screen = pane.screen()
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("meshtop: terminfo does not know TERM=meshtop-no-such-terminal; "
                                      + "showing one report instead (use --once to skip this warning)"), "the warning, wrapped at the pane's width")
        XCTAssertTrue(screen.contains("deployment/web"), screen)
        checkRestored(pane)
    }

    func testWithoutATerminalTheReportIsPrintedWithAWarning() throws {
        let run = try MeshtopProcess.run(["--demo", "--scenario", "steady", "--window", "1s"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "meshtop: stdout is not a terminal; showing one report instead "
                                   + "(use --once to skip this warning)\n")
        XCTAssertTrue(run.stdout.contains("deployment/web"), run.stdout)
    }

    /// The terminal's settings are those from before meshtop, the alternate screen is gone
    /// and the cursor shows.
    private func checkRestored(_ pane: TmuxPane, _ context: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let settings = pane.terminalSettings()
        XCTAssertFalse(settings.before.isEmpty, context, file: file, line: line)
        XCTAssertEqual(settings.after, settings.before, "stty -a \(context)", file: file, line: line)
        XCTAssertFalse(pane.alternateScreen, "alternate screen \(context)", file: file, line: line)
        XCTAssertTrue(pane.cursorVisible, "cursor \(context)", file: file, line: line)
    }
}
