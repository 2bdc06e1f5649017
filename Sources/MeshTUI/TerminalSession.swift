import CNCurses
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something that happened at the keyboard or to the window.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// A click or wheel turn; only with `mouse: true`.
    case mouse(MouseEvent)
    /// The window changed size: redraw at ``TerminalSession/size``.
    case resize
    /// The terminal is gone (window closed, connection dropped) without a SIGHUP reaching us.
    case hangup
}

/// The full-screen terminal: sets ncurses up on creation and puts the terminal back with
/// ``restore()``, which is safe to call more than once and runs on deinit as a last resort.
///
/// Owned by the main thread; nothing else touches ncurses. While it is up, stderr goes to
/// meshtop's log file (written out again on restore), SIGINT/SIGTERM/SIGHUP only raise
/// ``TerminalSignals/pending``, and a crash puts the terminal back before the process dies
/// (``TerminalCrashGuard``). The mouse is left to the terminal (its own text selection keeps
/// working) unless asked for. Capabilities are
/// decided once here: the glyph set from the locale's character encoding, and the theme's
/// colours degraded to what the terminal has (none when colours aren't allowed).
public final class TerminalSession {
    /// Whether the locale's character encoding is UTF-8; without it ncurses shows only ASCII.
    public let utf8: Bool
    /// Unicode under a UTF-8 locale, else ASCII.
    public var glyphs: Glyphs { utf8 ? .unicode : .ascii }
    /// Whether roles are drawn in colour (a colour terminal, and colours allowed).
    public var colors: Bool { colorDepth != nil }
    /// How many colours the terminal shows; nil when roles are drawn without colour.
    public let colorDepth: ColorDepth?
    /// The theme the roles are drawn in.
    public let theme: Theme
    /// The theme's colour pairs and attributes on this terminal.
    let palette: TerminalPalette
    let window: UnsafeMutablePointer<WINDOW>
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var stderrHold: StderrHold?
    /// The frame on screen, to write only the cells that change.
    var previous: CellGrid?
    private var active = true

    /// Takes over the terminal; `getEvent()` waits at most `inputTimeoutMs` for a key. Roles
    /// are drawn in `theme`, in colour if `colorsAllowed` (see
    /// ``ThemeSelection/colorsAllowed(noColorFlag:environment:)``) and the terminal has colours.
    /// With `mouse`, clicks and the wheel are reported as ``TerminalEvent/mouse(_:)``. stderr
    /// goes to `$XDG_STATE_HOME/meshtop/meshtop.log` (see ``TerminalLogFile``).
    ///
    /// Throws ``TerminalUnavailable`` when stdin or stdout is not a terminal or terminfo
    /// can't drive the one `TERM` names; the terminal is then left as it was.
    public init(inputTimeoutMs: Int32 = 100, theme: Theme = .builtInDefault,
                colorsAllowed: Bool = ThemeSelection.colorsAllowed(noColorFlag: false),
                mouse: Bool = false) throws {
        let term = getenv("TERM").map { String(cString: $0) }
        if let unavailable = TerminalUnavailable.check(stdinIsTerminal: isatty(0) == 1,
                                                       stdoutIsTerminal: isatty(1) == 1, term: term) {
            throw unavailable
        }
        var modes = termios()
        tcgetattr(1, &modes)
        TerminalSignals.install()
        setlocale(LC_CTYPE, "")  // only LC_CTYPE: LC_NUMERIC would change how C formats numbers
        utf8 = Glyphs.isUTF8(String(cString: nl_langinfo(nl_item(CODESET))))
        var hold = TerminalLogFile(path: TerminalLogFile.path(environment: ProcessInfo.processInfo.environment))
            .flatMap { StderrHold(log: $0) }
        let output = fdopen(dup(1), "w"), input = fdopen(dup(0), "r")
        guard let output, let input, let screen = newterm(nil, output, input), let window = meshtop_stdscr() else {
            _ = output.map(fclose)
            _ = input.map(fclose)
            hold?.release()
            TerminalSignals.uninstall()
            throw TerminalUnavailable.unknownTerminal(term ?? "")
        }
        (self.output, self.input, self.screen, self.window) = (output, input, screen, window)
        guard Self.capability("cup") != nil else {
            Self.close(screen: screen, output: output, input: input, stderr: &hold)
            throw TerminalUnavailable.noCursorMotion(term ?? "")
        }
        stderrHold = hold
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }  // Esc quits at once, not after a second
        wtimeout(window, inputTimeoutMs)
        self.theme = theme
        colorDepth = colorsAllowed ? Self.startColors() : nil
        palette = TerminalPalette(theme: theme, depth: colorDepth, maxPairs: Int(meshtop_COLOR_PAIRS()) - 1,
                                  terminalDefaults: colorDepth != nil && use_default_colors() == OK)
        for (i, pair) in palette.pairs.enumerated() {
            init_extended_pair(Int32(i + 1), pair.foreground, pair.background)
        }
        if mouse {
            mousemask(MouseEvent.reported, nil)
            mouseinterval(0)  // a press is a click at once, not after waiting for the release
        }
        armCrashGuard(modes: modes, mouse: mouse)
    }

    /// Has a crash undo what ncurses did (`modes` are the terminal's before it started).
    private func armCrashGuard(modes: termios, mouse: Bool) {
        let strings = ["sgr0", "cnorm", "rmkx", "rmcup"].compactMap(Self.capability)
        TerminalCrashGuard.arm(terminalFD: fileno(output), modes: modes,
                               reset: TerminalCrashGuard.resetSequence(strings: strings, mouse: mouse),
                               stderr: stderrHold)
    }

    deinit { restore() }

    /// Puts the terminal back as it was: leaves the screen, writes out what went to stderr,
    /// and gives the signals their default action. Does nothing the second time.
    public func restore() {
        guard active else { return }
        active = false
        TerminalCrashGuard.disarm()
        Self.close(screen: screen, output: output, input: input, stderr: &stderrHold)
    }

    /// Ends ncurses on `screen` and its streams, then puts stderr and the signals back.
    private static func close(screen: OpaquePointer, output: UnsafeMutablePointer<FILE>,
                              input: UnsafeMutablePointer<FILE>, stderr: inout StderrHold?) {
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
        stderr?.release()
        stderr = nil
        TerminalSignals.uninstall()
    }

    /// The terminal's terminfo string capability `name`; nil when it has none.
    private static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// The window's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// The next key press, mouse event or resize, or nil when the input timeout passed
    /// without one.
    public func getEvent() -> TerminalEvent? {
        guard active else { return nil }
        stderrHold?.dropIfOverCap()
        let code = wgetch(window)
        // A hung-up terminal makes wgetch fail at once instead of waiting: without this check
        // the loop would spin, drawing to nowhere.
        if code == ERR, isatty(fileno(input)) == 0 { return .hangup }
        if code == KEY_RESIZE { return .resize }
        if code == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return MouseEvent(x: event.x, y: event.y, buttons: event.bstate).map(TerminalEvent.mouse)
        }
        return Self.key(code).map(TerminalEvent.key)
    }

    /// The key an ncurses key code stands for; nil for codes the dashboard doesn't use.
    static func key(_ code: Int32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13, KEY_ENTER: return .enter
        case 8, 127, KEY_BACKSPACE: return .backspace
        case 27: return .escape
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case (KEY_F0 + 1)...(KEY_F0 + 24): return .function(Int(code - KEY_F0))
        case 32..<127: return .character(Character(Unicode.Scalar(UInt8(code))))
        default: return nil
        }
    }

    /// Starts colours and returns the terminal's depth; nil when it has fewer than 8.
    private static func startColors() -> ColorDepth? {
        guard has_colors(), start_color() == OK else { return nil }
        return ColorDepth(colors: Int(meshtop_COLORS()))
    }
}
