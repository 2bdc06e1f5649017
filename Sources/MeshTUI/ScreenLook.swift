/// How a styled cell is shown, decided without a terminal: the colours the theme gives its
/// role, or none, and the attributes it is drawn with.
///
/// The one place that decides it: the ncurses backend draws what this says, and snapshot
/// tests record it. Without colours the roles that carry meaning get cues instead, so health
/// never rests on colour alone: header, warn and bad bold, dim dim, selected reverse.
public struct ScreenLook: Hashable, Sendable {
    /// A role's foreground and background colours, before they are degraded to the
    /// terminal's ``ColorDepth``.
    public struct Colors: Hashable, Sendable {
        public var foreground: ThemeColor
        public var background: ThemeColor
    }

    /// The theme's colours for the cell's role; nil when the screen has no colours.
    public var colors: Colors?
    /// The theme's attributes for the role, the style's own and, without colours, the role's cue.
    public var attributes: TextAttributes

    /// How a cell in `style` looks in `theme`, on a screen with or without `colors`.
    public init(_ style: Style, colors: Bool, theme: Theme) {
        let look = theme[style.role]
        attributes = look.attributes.union(TextAttributes(style))
        if colors {
            self.colors = Colors(foreground: look.foreground, background: look.background)
        } else {
            self.colors = nil
            attributes.formUnion(Self.cue(style.role))
        }
    }

    /// The attributes that stand in for `role`'s colour on a screen without colours.
    private static func cue(_ role: Style.Role) -> TextAttributes {
        switch role {
        case .header, .warn, .bad: return .bold
        case .dim: return .dim
        case .selected: return .reverse
        case .normal, .good, .border, .graph: return []
        }
    }
}
