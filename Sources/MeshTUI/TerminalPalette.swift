/// The colours of each role on one terminal: the colours ``ScreenLook`` gives the role,
/// degraded to the terminal's ``ColorDepth`` and numbered as ncurses colour pairs.
struct TerminalPalette: Equatable {
    /// Foreground and background ncurses colour numbers; -1 is the terminal's own.
    struct ColorPair: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// The colour pairs to set up: pair number `i + 1` is `pairs[i]`.
    private(set) var pairs: [ColorPair] = []
    /// The pair number of each role (0: the terminal's own colours), in the order of `Style.Role.allCases`.
    private var rolePairs: [Int16] = []

    /// The palette of `theme` on a terminal of `depth` (nil: no colours) that has room for
    /// `maxPairs` colour pairs besides pair 0; roles beyond that keep the terminal's colours.
    /// Without `terminalDefaults` (`use_default_colors` failed) the terminal's own colours
    /// are taken to be white on black.
    init(theme: Theme, depth: ColorDepth?, maxPairs: Int, terminalDefaults: Bool = true) {
        for role in Style.Role.allCases {
            let look = ScreenLook(Style(role), colors: depth != nil, theme: theme)
            guard let depth, let colors = look.colors else {
                rolePairs.append(0)
                continue
            }
            var pair = ColorPair(foreground: colors.foreground.number(on: depth),
                                 background: colors.background.number(on: depth))
            if !terminalDefaults {
                if pair.foreground < 0 { pair.foreground = 7 }
                if pair.background < 0 { pair.background = 0 }
            }
            rolePairs.append(number(of: pair, defaults: terminalDefaults, maxPairs: maxPairs))
        }
    }

    /// The colour pair `role` is drawn in; 0 for the terminal's own colours.
    func pair(for role: Style.Role) -> Int16 {
        rolePairs[role.index]
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
}
