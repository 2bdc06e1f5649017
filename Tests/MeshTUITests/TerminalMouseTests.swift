import Foundation
@testable import MeshTUI
import XCTest

/// Mouse events: decoding ncurses' `MEVENT.bstate` bits as curses.h defines them (mouse
/// version 2, five bits per button: button 1 released 0o1, pressed 0o2, clicked 0o4; button
/// 4 pressed 0o2 << 15; button 5 pressed 0o2 << 20), and a session on a pseudo-terminal
/// with the mouse on and off.
final class TerminalMouseTests: XCTestCase {
    private static let childVariable = "MESHTOP_MOUSE_CHILD"
    /// What xterm's terminfo entry (`XM`) sends to turn SGR mouse reporting on.
    private static let mouseOn = "\u{1B}[?1006;1000h"
    /// What the child writes after each event it got, for the next to be typed.
    private static let acknowledgement = "<got>"

    func testALeftPressOrClickIsAClickAtItsCell() {
        XCTAssertEqual(MouseEvent(x: 12, y: 3, buttons: 0o2), MouseEvent(x: 12, y: 3, kind: .click))
        XCTAssertEqual(MouseEvent(x: 0, y: 0, buttons: 0o4), MouseEvent(x: 0, y: 0, kind: .click))
    }

    func testButtonsFourAndFiveAreTheWheel() {
        XCTAssertEqual(MouseEvent(x: 5, y: 7, buttons: 0o2 << 15)?.kind, .wheelUp)
        XCTAssertEqual(MouseEvent(x: 5, y: 7, buttons: 0o2 << 20)?.kind, .wheelDown)
    }

    func testReleasesAndOtherButtonsAreLeftOut() {
        XCTAssertNil(MouseEvent(x: 1, y: 1, buttons: 0o1), "button 1 released")
        XCTAssertNil(MouseEvent(x: 1, y: 1, buttons: 0o2 << 5), "button 2 pressed")
        XCTAssertNil(MouseEvent(x: 1, y: 1, buttons: 0o2 << 10), "button 3 pressed")
        XCTAssertNil(MouseEvent(x: 1, y: 1, buttons: 0))
    }

    func testNcursesIsAskedForExactlyThoseEvents() {
        XCTAssertEqual(MouseEvent.reported, 0o2 | 0o2 << 15 | 0o2 << 20)
    }

    func testWithTheMouseOnClicksAndTheWheelAreReportedAndReportingEndsWithTheSession() throws {
        if ProcessInfo.processInfo.environment[Self.childVariable] == "on" { reportMouseEvents() }
        let terminal = try PseudoTerminal()
        // SGR reports (1-based): a left press at 5,3, wheel up at 10,7, wheel down at 1,1; then
        // q. One at a time, after the child acknowledged the one before: ncurses drops the
        // first of several reports read at once, which a hand can't send.
        var inputs = ["\u{1B}[<0;5;3M", "\u{1B}[<64;10;7M", "\u{1B}[<65;1;1M", "q"]
        var acknowledged = -1
        let (child, output) = try terminal.runChild(test: "MeshTUITests.TerminalMouseTests/\(#function.prefix { $0 != "(" })",
                                                    variable: Self.childVariable, value: "on") { output in
            let acks = output.components(separatedBy: Self.acknowledgement).count - 1
            guard output.contains(Self.mouseOn), acks > acknowledged, !inputs.isEmpty else { return nil }
            acknowledged = acks
            return inputs.removeFirst()
        }
        XCTAssertEqual(child.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("events: click 4,2; wheelUp 9,6; wheelDown 0,0\r\n"), output.debugDescription)
        let on = try XCTUnwrap(output.range(of: Self.mouseOn))
        XCTAssertTrue(output[on.upperBound...].contains("\u{1B}[?1006;1000l"), "reporting is turned off on restore")
    }

    func testWithTheMouseOffTheTerminalKeepsItsOwn() throws {
        if ProcessInfo.processInfo.environment[Self.childVariable] == "off" {
            let session = try TerminalSession()
            session.restore()
            exit(0)
        }
        let (child, output) = try PseudoTerminal().runChild(
            test: "MeshTUITests.TerminalMouseTests/\(#function.prefix { $0 != "(" })", variable: Self.childVariable, value: "off")
        XCTAssertEqual(child.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("\u{1B}[?1049h"), "the screen went up: \(output.debugDescription)")
        XCTAssertFalse(output.contains("1000h"), "no mouse reporting asked for: \(output.debugDescription)")
    }

    /// In the child: collects mouse events until `q` (or 100 events and timeouts),
    /// acknowledging each event, then restores the terminal, prints them and exits.
    private func reportMouseEvents() -> Never {
        guard let session = try? TerminalSession(mouse: true) else { exit(2) }
        var events: [String] = []
        wait: for _ in 0..<100 {
            switch session.getEvent() {
            case .mouse(let event): events.append("\(event.kind) \(event.x),\(event.y)")
            case .key(.character("q")): break wait
            case nil: continue
            default: break
            }
            var ack = Self.acknowledgement
            ack.withUTF8 { _ = write(1, $0.baseAddress, $0.count) }
        }
        session.restore()
        print("events: " + events.joined(separator: "; "))
        exit(0)
    }
}
