import CNCurses

/// A click or a turn of the wheel, at a cell of the screen (0-based, from the top left).
/// Only reported when the session was opened with `mouse: true`.
public struct MouseEvent: Equatable, Sendable {
    /// What the mouse did.
    public enum Kind: Equatable, Sendable {
        /// The left button went down.
        case click
        case wheelUp, wheelDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    /// A `kind` event at column `x`, row `y`.
    public init(x: Int, y: Int, kind: Kind) {
        (self.x, self.y, self.kind) = (x, y, kind)
    }

    /// The event ncurses reported at `x`, `y` with button state `buttons` (an `MEVENT`'s
    /// `bstate`); nil for what the dashboard doesn't use (other buttons, releases).
    init?(x: Int32, y: Int32, buttons: mmask_t) {
        let kind: Kind
        if buttons & (Self.mask(1, Self.pressed) | Self.mask(1, Self.clicked)) != 0 {
            kind = .click
        } else if buttons & Self.mask(4, Self.pressed) != 0 {
            kind = .wheelUp
        } else if buttons & Self.mask(5, Self.pressed) != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        self.init(x: Int(x), y: Int(y), kind: kind)
    }

    /// The events to ask ncurses for: left presses and the wheel (buttons 4 and 5).
    static let reported: mmask_t = mask(1, pressed) | mask(4, pressed) | mask(5, pressed)

    // ncurses' BUTTONn_PRESSED and friends are function-like macros, which Swift doesn't
    // import; these are their definitions from curses.h.
    private static let pressed: mmask_t = 0o2
    private static let clicked: mmask_t = 0o4

    /// `NCURSES_MOUSE_MASK(button, state)`: each button has 5 bits (6 before mouse version 2).
    private static func mask(_ button: Int, _ state: mmask_t) -> mmask_t {
        state << mmask_t((button - 1) * (NCURSES_MOUSE_VERSION > 1 ? 5 : 6))
    }
}
