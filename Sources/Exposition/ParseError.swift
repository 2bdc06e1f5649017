/// Why one line of an exposition could not be read.
///
/// A bad line never fails the whole body: the scanner reports it, skips to the
/// next line and goes on, so one malformed series costs only itself.
public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number in the body.
    public var line: Int
    /// 1-based byte column where the problem was found, when it helps.
    public var column: Int?
    /// What is wrong, in words a user can act on.
    public var reason: String

    public init(line: Int, column: Int? = nil, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 12: unterminated label value (column 40)`: the line first, so every message
    /// reads `line N: reason`.
    public var description: String {
        if let column { return "line \(line): \(reason) (column \(column))" }
        return "line \(line): \(reason)"
    }
}
