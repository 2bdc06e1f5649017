@testable import MeshTUI
import XCTest

/// ncurses' `MEVENT.bstate` bits as curses.h defines them (mouse version 2: five bits per
/// button): button 1 released 0o1, pressed 0o2, clicked 0o4; button 4 pressed 0o2 << 15;
/// button 5 pressed 0o2 << 20.
final class TerminalMouseTests: XCTestCase {
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
}
