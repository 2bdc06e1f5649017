/// Why the full-screen view can't run here: the streams aren't a terminal, or terminfo can't
/// drive the one named by `TERM`. meshtop then shows a one-off text report instead.
public struct TerminalUnavailable: Error, Equatable, CustomStringConvertible {
    /// What is missing, in words a user can act on (`"stdout is not a terminal"`).
    public var reason: String

    public var description: String { reason }

    /// The line meshtop prints (after `meshtop: `) before showing the report instead.
    public var warning: String {
        "\(reason); showing one report instead (use --once to skip this warning)"
    }

    /// Why a full screen can't be shown on these streams with this `TERM`; nil when it is
    /// worth asking terminfo (which may still say no: ``unknownTerminal(_:)``).
    public static func check(stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?) -> TerminalUnavailable? {
        if !stdoutIsTerminal { return TerminalUnavailable(reason: "stdout is not a terminal") }
        if !stdinIsTerminal { return TerminalUnavailable(reason: "stdin is not a terminal") }
        guard let term, !term.isEmpty else { return TerminalUnavailable(reason: "TERM is not set") }
        return nil
    }

    /// terminfo has no entry for `term`.
    static func unknownTerminal(_ term: String) -> TerminalUnavailable {
        TerminalUnavailable(reason: "terminfo does not know TERM=\(term)")
    }

    /// `term` (such as `dumb`) can't move the cursor, so it can't show a screen.
    static func noCursorMotion(_ term: String) -> TerminalUnavailable {
        TerminalUnavailable(reason: "TERM=\(term) cannot move the cursor")
    }
}
