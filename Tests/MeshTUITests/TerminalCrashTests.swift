import Foundation
@testable import MeshTUI
import XCTest

/// A crash while the screen is up puts the terminal back. Each test runs itself again as a
/// child on a pseudo-terminal (`MESHTOP_CRASH_CHILD` set): the child opens a
/// `TerminalSession` and crashes; the parent checks the child died of the crash's signal,
/// the terminal's modes are those from before, the screen was left and the crash message
/// (logged while the screen was up) was written out after it.
final class TerminalCrashTests: XCTestCase {
    private static let childVariable = "MESHTOP_CRASH_CHILD"

    func testASwiftTrapRestoresTheTerminal() throws {
        try crash(as: "trap") { fatalError("meshtop crash test") }
        #if arch(x86_64)
        let trapSignal = SIGILL
        #else
        let trapSignal = SIGTRAP
        #endif
        try checkRestored(after: "trap", signal: trapSignal, message: "Fatal error: meshtop crash test")
    }

    func testAnAbortRestoresTheTerminal() throws {
        try crash(as: "abort") {
            FileHandle.standardError.write(Data("meshtop crash test: aborting\n".utf8))
            abort()
        }
        try checkRestored(after: "abort", signal: SIGABRT, message: "meshtop crash test: aborting")
    }

    func testTheResetSequenceDropsPaddingAndAddsMouseOffWhenTheMouseWasOn() {
        let reset = TerminalCrashGuard.resetSequence(strings: ["\u{1B}[m$<2>", "\u{1B}[?25h", "$<5/>\u{1B}[?1049l"], mouse: false)
        XCTAssertEqual(String(decoding: reset, as: UTF8.self), "\u{1B}[m\u{1B}[?25h\u{1B}[?1049l")
        let withMouse = TerminalCrashGuard.resetSequence(strings: ["\u{1B}[?1049l"], mouse: true)
        XCTAssertEqual(String(decoding: withMouse, as: UTF8.self),
                       "\u{1B}[?1049l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l")
    }

    /// In the child run as `name`: opens the screen and runs `crash`. In the parent: nothing.
    private func crash(as name: String, _ crash: () -> Never) throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == name else { return }
        let session = try TerminalSession()
        withExtendedLifetime(session) { crash() }
    }

    /// Runs this test as a child on a new pseudo-terminal and checks how it left it.
    private func checkRestored(after name: String, signal: Int32, message: String, test: String = #function) throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == nil else { return }
        let terminal = try PseudoTerminal()
        let before = try terminal.modes()
        let (child, output) = try terminal.runChild(test: "MeshTUITests.TerminalCrashTests/\(test.prefix { $0 != "(" })",
                                                    variable: Self.childVariable, value: name)

        XCTAssertEqual(child.terminationReason, .uncaughtSignal, output)
        XCTAssertEqual(child.terminationStatus, signal, output)
        XCTAssertEqual(try terminal.modes(), before, "the terminal's modes are put back")
        let enter = try XCTUnwrap(output.range(of: "\u{1B}[?1049h", options: .backwards), "the screen went up: \(output)")
        let after = output[enter.upperBound...]
        let leave = try XCTUnwrap(after.range(of: "\u{1B}[?1049l"), "the screen was left: \(after.debugDescription)")
        XCTAssertTrue(after.contains("\u{1B}[?25h"), "the cursor is shown again")
        XCTAssertTrue(after[leave.upperBound...].contains(message), "stderr is written out: \(after.debugDescription)")
    }
}
