@testable import MeshTUI
import XCTest

final class TerminalUnavailableTests: XCTestCase {
    func testATerminalWithATermIsWorthTrying() {
        XCTAssertNil(TerminalUnavailable.check(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color"))
    }

    func testWithoutATerminalTheReasonSaysWhichStreamIsNotOne() {
        XCTAssertEqual(TerminalUnavailable.check(stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm")?.reason,
                       "stdout is not a terminal")
        XCTAssertEqual(TerminalUnavailable.check(stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm")?.reason,
                       "stdin is not a terminal")
        XCTAssertEqual(TerminalUnavailable.check(stdinIsTerminal: false, stdoutIsTerminal: false, term: nil)?.reason,
                       "stdout is not a terminal", "stdout first: a pipe is the common case")
    }

    func testAnUnsetOrEmptyTermIsNotTried() {
        XCTAssertEqual(TerminalUnavailable.check(stdinIsTerminal: true, stdoutIsTerminal: true, term: nil)?.reason,
                       "TERM is not set")
        XCTAssertEqual(TerminalUnavailable.check(stdinIsTerminal: true, stdoutIsTerminal: true, term: "")?.reason,
                       "TERM is not set")
    }

    func testTheWarningNamesTheReasonAndTheWayToSkipIt() {
        XCTAssertEqual(TerminalUnavailable.unknownTerminal("vt999").warning,
                       "terminfo does not know TERM=vt999; showing one report instead (use --once to skip this warning)")
        XCTAssertEqual(TerminalUnavailable.noCursorMotion("dumb").reason, "TERM=dumb cannot move the cursor")
    }
}
