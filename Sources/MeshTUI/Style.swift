/// How a cell looks, in meaning rather than in colours: the backend's theme turns a role into
/// colours (or none, under `NO_COLOR`), while the attributes below are cues that survive a
/// monochrome terminal.
public struct Style: Hashable, Sendable {
    /// What the text is, so a theme can colour it. Theme files name the roles `normal`,
    /// `header`, `ok` (good), `warn`, `error` (bad), `muted` (dim), `selection` (selected),
    /// `border` and `graph`.
    public enum Role: Hashable, Sendable, CaseIterable {
        case normal, header, good, warn, bad, dim, selected, border
        /// A level of a graph's gradient, from 0 (low) to ``graphLevels`` - 1 (high); higher
        /// levels are drawn as the highest.
        case graph(UInt8)

        /// How many levels a graph's gradient has.
        public static let graphLevels = 8

        /// Every role, the graph levels from low to high last.
        public static let allCases: [Role] =
            [.normal, .header, .good, .warn, .bad, .dim, .selected, .border]
            + (0..<UInt8(graphLevels)).map(Role.graph)

        /// The role's position in ``allCases``, for tables indexed by role.
        var index: Int {
            switch self {
            case .normal: return 0
            case .header: return 1
            case .good: return 2
            case .warn: return 3
            case .bad: return 4
            case .dim: return 5
            case .selected: return 6
            case .border: return 7
            case .graph(let level): return 8 + min(Int(level), Self.graphLevels - 1)
            }
        }
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
