/// How a cell looks, in meaning rather than in colours: the backend's theme turns a role into
/// colours (or none, under `NO_COLOR`), while the attributes below are cues that survive a
/// monochrome terminal.
public struct Style: Hashable, Sendable {
    /// What the text is, so a theme can colour it.
    public enum Role: Hashable, Sendable, CaseIterable {
        case normal, header, good, warn, bad, dim, selected
    }

    public var role: Role
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    /// A style of `role` with the given attributes.
    public init(_ role: Role = .normal, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
                underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// Plain text.
    public static let normal = Style()
    /// A table or screen heading.
    public static let header = Style(.header, bold: true)

    /// This style in reverse video: how a selected row is marked.
    public var selected: Style {
        var s = self
        if s.role == .normal { s.role = .selected }
        s.reverse = true
        return s
    }
}
