/// What a theme gives one role: a foreground and a background colour and text attributes.
public struct ThemeLook: Hashable, Sendable {
    /// The text's colour.
    public var foreground: ThemeColor
    /// The colour behind the text; `default` is the terminal's own background.
    public var background: ThemeColor
    /// Attributes added to the ones the view asks for.
    public var attributes: TextAttributes

    /// A look with these colours and attributes; by default the terminal's own colours, plain.
    public init(_ foreground: ThemeColor = .default, on background: ThemeColor = .default,
                _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Text attributes a terminal shows without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    /// A set from its raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold, or bright on some terminals.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Faint.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Reverse video: foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Underlined.
    public static let underline = TextAttributes(rawValue: 1 << 3)

    /// The attributes `style` asks for.
    init(_ style: Style) {
        self = []
        if style.bold { insert(.bold) }
        if style.dim { insert(.dim) }
        if style.reverse { insert(.reverse) }
        if style.underline { insert(.underline) }
    }
}
