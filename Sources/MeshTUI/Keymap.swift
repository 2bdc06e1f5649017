/// A key press, as the dashboard understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case tab, enter, backspace, escape
    /// A function key: `.function(10)` is F10.
    case function(Int)
}

/// What a key asks the dashboard to do. None of them changes anything in the mesh.
public enum DashboardAction: Hashable, Sendable {
    case quit, help, back
    case show(DashboardPage), nextPage, open, failedTargets
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextSort, sortLeft, sortRight, reverseSort
    case filter, command, nextNamespace
    case togglePause, widerWindow, narrowerWindow
    /// The Graph page's: to the nearest node that way, pan the view, focus on the selected
    /// node's neighbourhood (and widen or narrow it), find a node, turn the layout.
    case step(GraphDirection), pan(GraphDirection), focus, moreHops, fewerHops, find, turn
    /// The Tap page on the selected workload.
    case tapSelected
}

/// One row of the keymap: the keys that trigger an action, where it works, and how the
/// footer and the help name it.
public struct KeyBinding: Sendable {
    /// Where a binding works.
    public enum Scope: Sendable {
        /// Everywhere but in the help.
        case always
        /// In the tables (Workloads, Edges, Pods).
        case tables
        /// On the Graph page.
        case graph
        /// In the tables and on the Graph page.
        case views
        /// In the detail of a workload.
        case detail
    }

    public var keys: [Key]
    public var action: DashboardAction
    public var scope: Scope
    /// The keys as the footer and help spell them (`"j/k"`).
    public var label: String
    /// What it does, in a word or two (`"move"`), for the footer and the help.
    public var help: String
    /// How the footer lists it, if it does (the help lists every binding).
    public var hint: (keys: String, help: String)?

    /// A binding of `keys` to `action` in `scope`, named `label` and described by `help`; the
    /// footer lists it as `hint`, or as `label help` when `footer` is set.
    public init(_ keys: [Key], _ action: DashboardAction, _ label: String, _ help: String, in scope: Scope = .always,
                footer: Bool = false, hint: (keys: String, help: String)? = nil) {
        self.keys = keys
        self.action = action
        self.scope = scope
        self.label = label
        self.help = help
        self.hint = hint ?? (footer ? (label, help) : nil)
    }
}

/// The dashboard's keys as data: the same table drives dispatch, the footer and the `?`
/// help, so neither ever lists a key that does nothing. Keys that tmux and screen take
/// (C-a, C-b) are not used.
public struct Keymap: Sendable {
    public var bindings: [KeyBinding]

    /// A keymap of `bindings`; for a key, the first binding made for the place wins, else the
    /// first that works everywhere.
    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The dashboard's keys, modelled on k9s, htop and less.
    public static let standard = Keymap([
        KeyBinding([.character("?")], .help, "?", "help", footer: true),
        KeyBinding([.character("q"), .function(10)], .quit, "q", "quit", footer: true),
        KeyBinding([.escape], .back, "Esc", "back / clear"),
        KeyBinding([.character("1")], .show(.workloads), "1", "workloads"),
        KeyBinding([.character("2")], .show(.edges), "2", "edges"),
        KeyBinding([.character("3")], .show(.pods), "3", "pods"),
        KeyBinding([.character("4")], .show(.graph), "4", "graph"),
        KeyBinding([.character("5")], .show(.tap), "5", "tap (live requests)"),
        KeyBinding([.character("6")], .show(.top), "6", "top (requests by path)"),
        KeyBinding([.tab], .nextPage, "Tab", "next view", footer: true),
        KeyBinding([.enter], .open, "Enter", "detail", in: .views, footer: true),
        KeyBinding([.character("h"), .left], .step(.left), "h/Left", "node to the left", in: .graph, hint: ("hjkl", "move")),
        KeyBinding([.character("j"), .down], .step(.down), "j/Down", "node below", in: .graph),
        KeyBinding([.character("k"), .up], .step(.up), "k/Up", "node above", in: .graph),
        KeyBinding([.character("l"), .right], .step(.right), "l/Right", "node to the right", in: .graph),
        KeyBinding([.character("f")], .focus, "f", "focus: the node's neighbours", in: .graph, hint: ("f", "focus")),
        KeyBinding([.character("+")], .moreHops, "+", "focus one hop wider", in: .graph),
        KeyBinding([.character("-")], .fewerHops, "-", "focus one hop narrower", in: .graph),
        KeyBinding([.character("/")], .find, "/", "find a node (/ Enter: next)", in: .graph, hint: ("/", "find")),
        KeyBinding([.character("H")], .pan(.left), "H", "pan left", in: .graph, hint: ("HJKL", "pan")),
        KeyBinding([.character("J"), .pageDown], .pan(.down), "J/PgDn", "pan down", in: .graph),
        KeyBinding([.character("K"), .pageUp], .pan(.up), "K/PgUp", "pan up", in: .graph),
        KeyBinding([.character("L")], .pan(.right), "L", "pan right", in: .graph),
        KeyBinding([.character("o")], .turn, "o", "layout: auto, across, down", in: .graph),
        KeyBinding([.character("f")], .failedTargets, "f", "failed targets"),
        KeyBinding([.character("j"), .down], .moveDown, "j/Down", "down", in: .tables, hint: ("j/k", "move")),
        KeyBinding([.character("k"), .up], .moveUp, "k/Up", "up", in: .tables),
        KeyBinding([.pageDown, .character(" ")], .pageDown, "PgDn", "page down", in: .tables),
        KeyBinding([.pageUp], .pageUp, "PgUp", "page up", in: .tables),
        KeyBinding([.character("g"), .home], .top, "g", "first row", in: .tables),
        KeyBinding([.character("G"), .end], .bottom, "G", "last row", in: .tables),
        KeyBinding([.character("/")], .filter, "/", "filter (~ for regex)", in: .tables, hint: ("/", "filter")),
        KeyBinding([.character(":")], .command, ":", "command: :ctx :ns :window 1m",
                   hint: (":ctx/:ns", "switch")),
        KeyBinding([.character("s")], .nextSort, "s", "sort", in: .tables, footer: true),
        KeyBinding([.character("<"), .left], .sortLeft, "<", "sort by column to the left", in: .tables),
        KeyBinding([.character(">"), .right], .sortRight, ">", "sort by column to the right", in: .tables),
        KeyBinding([.character("r")], .reverseSort, "r", "reverse the sort", in: .tables),
        KeyBinding([.character("n")], .nextNamespace, "n", "next namespace", footer: true),
        KeyBinding([.character("p")], .togglePause, "p", "pause", footer: true),
        KeyBinding([.character("t")], .tapSelected, "t", "tap the selected workload", in: .views, hint: ("t", "tap")),
        KeyBinding([.character("+")], .widerWindow, "+", "wider window"),
        KeyBinding([.character("-")], .narrowerWindow, "-", "narrower window"),
    ])

    /// The action `key` is bound to in a place where `scope` applies, if any: a binding made
    /// for that place wins over one that works everywhere.
    public func action(for key: Key, in scope: KeyBinding.Scope) -> DashboardAction? {
        let bound = bindings.filter { $0.keys.contains(key) && $0.scope.applies(in: scope) }
        return (bound.first { $0.scope != .always } ?? bound.first)?.action
    }

    /// The footer's hints in a place where `scope` applies: `[("?", "help"), ("q", "quit"), …]`.
    public func hints(in scope: KeyBinding.Scope) -> [(keys: String, help: String)] {
        bindings.filter { $0.scope.applies(in: scope) }.compactMap(\.hint)
    }
}

extension KeyBinding.Scope {
    /// Whether a binding of this scope works where `place` applies (`place` is never
    /// ``always`` or ``views``: it is where the dashboard is).
    func applies(in place: KeyBinding.Scope) -> Bool {
        self == .always || self == place || (self == .views && (place == .tables || place == .graph))
    }
}
