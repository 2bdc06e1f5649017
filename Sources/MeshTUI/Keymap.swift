/// A key press, as the dashboard understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, tab, escape
    /// A function key: `.function(10)` is F10.
    case function(Int)
}

/// What a key asks the dashboard to do.
public enum DashboardAction: Hashable, Sendable {
    case quit, switchFocus, moveUp, moveDown, togglePause
}

/// One row of the keymap: the keys that trigger an action and how the footer names them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: DashboardAction
    /// The keys and the word shown in the footer (`"j/k"`, `"move"`); nil when another
    /// binding's hint already covers this one.
    public var hint: (keys: String, help: String)?

    /// A binding of `keys` to `action`, listed in the footer as `hint`.
    public init(_ keys: [Key], _ action: DashboardAction, hint: (keys: String, help: String)?) {
        self.keys = keys
        self.action = action
        self.hint = hint
    }
}

/// The dashboard's keys as data: the same table drives dispatch and the footer, so the
/// footer never lists a key that does nothing.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    /// A keymap of `bindings`; the first binding of a key wins.
    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// q, Esc or F10 quit; Tab switches tables; j/k or the arrows move; p pauses.
    public static let standard = Keymap([
        KeyBinding([.character("q"), .escape, .function(10)], .quit, hint: ("q", "quit")),
        KeyBinding([.tab], .switchFocus, hint: ("Tab", "switch")),
        KeyBinding([.character("j"), .down], .moveDown, hint: ("j/k", "move")),
        KeyBinding([.character("k"), .up], .moveUp, hint: nil),
        KeyBinding([.character("p")], .togglePause, hint: ("p", "pause")),
    ])

    /// The action `key` is bound to, if any.
    public func action(for key: Key) -> DashboardAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The footer's hints in order: `[("q", "quit"), ("Tab", "switch"), …]`.
    public var hints: [(keys: String, help: String)] {
        bindings.compactMap(\.hint)
    }
}
