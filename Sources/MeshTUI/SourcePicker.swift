/// The list `:ctx` and `:ns` open: kubeconfig contexts or namespaces to choose from, the
/// current one marked, narrowed by what is typed.
///
/// Every printable key is typed into the filter (so `kind-dev` and `kube-system` can be typed
/// from their first letter); the arrows, PgUp/PgDn and Home/End move; Enter chooses; Esc closes.
public struct SourcePicker: Equatable, Sendable {
    /// One line of the list: its text, what choosing it asks of the source, and whether it is
    /// what the dashboard shows now.
    public struct Choice: Equatable, Sendable {
        public var label: String
        public var request: SourceRequest
        public var isCurrent: Bool

        /// A line showing `label` that asks for `request` when chosen.
        public init(label: String, request: SourceRequest, isCurrent: Bool) {
            (self.label, self.request, self.isCurrent) = (label, request, isCurrent)
        }
    }

    /// What a key did to the list.
    public enum Outcome: Equatable, Sendable {
        case stays
        case closed
        case chose(Choice)
    }

    /// The list's title: `Contexts`, `Namespaces`.
    public let title: String
    /// A word under the title (`watching emojivoto`), if any.
    public let note: String?
    public let choices: [Choice]
    /// The text typed so far: a case-insensitive substring of the labels shown.
    public private(set) var filter = ""
    /// The position of the selected line among ``matches``.
    public private(set) var selected = 0

    /// A list of `choices` under `title`, with the current choice selected.
    public init(title: String, note: String? = nil, choices: [Choice]) {
        self.title = title
        self.note = note
        self.choices = choices
        selected = choices.firstIndex(where: \.isCurrent) ?? 0
    }

    /// The choices whose labels contain the filter, in their order.
    public var matches: [Choice] {
        guard !filter.isEmpty else { return choices }
        let part = filter.lowercased()
        return choices.filter { $0.label.lowercased().contains(part) }
    }

    /// Handles `key`, with `visible` lines of the list on screen (what PgUp and PgDn move by).
    public mutating func press(_ key: Key, visible: Int) -> Outcome {
        let count = matches.count
        switch key {
        case .escape: return .closed
        case .enter: return matches.indices.contains(selected) ? .chose(matches[selected]) : .stays
        case .up: select(selected - 1, count)
        case .down: select(selected + 1, count)
        case .pageUp: select(selected - max(1, visible - 1), count)
        case .pageDown: select(selected + max(1, visible - 1), count)
        case .home: select(0, count)
        case .end: select(count - 1, count)
        case .character(let c): refilter(filter + String(c))
        case .backspace: if !filter.isEmpty { refilter(String(filter.dropLast())) }
        default: break
        }
        return .stays
    }

    /// The mouse on line `index` of ``matches``: the first click selects it, a click on the
    /// selected line chooses it.
    public mutating func click(_ index: Int) -> Outcome {
        guard matches.indices.contains(index) else { return .stays }
        if index == selected { return .chose(matches[index]) }
        selected = index
        return .stays
    }

    /// Moves the selection by `lines` (the mouse wheel).
    public mutating func scroll(by lines: Int) {
        select(selected + lines, matches.count)
    }

    private mutating func select(_ index: Int, _ count: Int) {
        selected = max(0, min(index, count - 1))
    }

    /// Applies a new filter, keeping the selected choice when it still matches.
    private mutating func refilter(_ text: String) {
        let kept = matches.indices.contains(selected) ? matches[selected] : nil
        filter = text
        selected = kept.flatMap { matches.firstIndex(of: $0) } ?? 0
    }
}
