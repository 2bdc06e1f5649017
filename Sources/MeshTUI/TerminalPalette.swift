/// How each role is drawn on one terminal: the theme's colours degraded to the terminal's
/// ``ColorDepth`` and numbered as ncurses colour pairs, with the theme's attributes. Without
/// colours the roles that carry meaning get cues instead: header, warn and bad bold, dim
/// dim, selected reverse.
struct TerminalPalette: Equatable {
    /// Foreground and background ncurses colour numbers; -1 is the terminal's own.
    struct ColorPair: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// A role's colour pair (0: the terminal's own colours) and attributes.
    struct Entry: Equatable {
        var pair: Int16
        var attributes: TextAttributes
    }

    /// The colour pairs to set up: pair number `i + 1` is `pairs[i]`.
    private(set) var pairs: [ColorPair] = []
    /// One entry for each role, in the order of `Style.Role.allCases`.
    private var entries: [Entry] = []

    /// The palette of `theme` on a terminal of `depth` (nil: no colours) that has room for
    /// `maxPairs` colour pairs besides pair 0; roles beyond that keep the terminal's colours.
    /// Without `terminalDefaults` (`use_default_colors` failed) the terminal's own colours
    /// are taken to be white on black.
    init(theme: Theme, depth: ColorDepth?, maxPairs: Int, terminalDefaults: Bool = true) {
        for role in Style.Role.allCases {
            let look = theme[role]
            guard let depth else {
                entries.append(Entry(pair: 0, attributes: look.attributes.union(Self.cue(role))))
                continue
            }
            var pair = ColorPair(foreground: look.foreground.number(on: depth),
                                 background: look.background.number(on: depth))
            if !terminalDefaults {
                if pair.foreground < 0 { pair.foreground = 7 }
                if pair.background < 0 { pair.background = 0 }
            }
            entries.append(Entry(pair: number(of: pair, defaults: terminalDefaults, maxPairs: maxPairs),
                                 attributes: look.attributes))
        }
    }

    /// How `role` is drawn.
    func entry(for role: Style.Role) -> Entry {
        entries[role.index]
    }

    /// The number of `pair`, adding it if it is new and there is room; 0 for the terminal's own colours.
    private mutating func number(of pair: ColorPair, defaults: Bool, maxPairs: Int) -> Int16 {
        if pair == (defaults ? ColorPair(foreground: -1, background: -1) : ColorPair(foreground: 7, background: 0)) {
            return 0
        }
        if let index = pairs.firstIndex(of: pair) { return Int16(index + 1) }
        guard pairs.count < maxPairs else { return 0 }
        pairs.append(pair)
        return Int16(pairs.count)
    }

    /// The attributes that stand in for `role`'s colour on a terminal without colours.
    private static func cue(_ role: Style.Role) -> TextAttributes {
        switch role {
        case .header, .warn, .bad: return .bold
        case .dim: return .dim
        case .selected: return .reverse
        case .normal, .good, .border, .graph: return []
        }
    }
}
