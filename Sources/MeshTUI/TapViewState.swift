import MeshTap

/// The two views of the tap stream.
public enum TapViewKind: Hashable, Sendable {
    /// Request by request, newest at the bottom.
    case stream
    /// Aggregated by (source, destination, method, path).
    case top
}

/// What the user has done to the Tap and Top views: the filter (and the line being typed),
/// pause, the stream's selection or following its tail, the open detail, and Top's sort,
/// span and selection.
///
/// Pure, like ``DashboardState``: a key comes in with what the view shows, and every rule is
/// tested without a terminal. Pause is the user's wish; the driver hands it to the feed
/// (``TapFeed/setPaused(_:atMs:)``) after each key.
public struct TapViewState: Equatable, Sendable {
    /// The applied filter.
    public var filter = TapViewFilter()
    /// The filter line being typed after `/`, if any.
    public var input: String?
    /// Why the line typed last could not be applied.
    public var message: String?
    public var paused = false
    /// The stream's selected request; `nil` follows the tail (the newest is always in view).
    public var selected: TappedRequest?
    /// The request whose detail is open.
    public var detail: TappedRequest?
    /// Top's sort, span and selected row.
    public var topOrder: TapTopOrder = .count
    public var topDescending = true
    public var topSpan: TapTop.Span = .window
    public var topSelected = 0

    /// Live, following the tail, unfiltered, Top by count (most first) over the window.
    public init() {}

    /// Whether the stream shows its newest requests as they come.
    public var isFollowing: Bool { selected == nil }

    /// Whether the view uses `key` (the dashboard handles the others: pages, help, quit). While
    /// a filter line is typed, it takes every key.
    public func uses(_ key: Key, in view: TapViewKind) -> Bool {
        if input != nil { return true }
        if detail != nil { return key == .escape || key == .enter }
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end, .escape: return true
        case .enter: return view == .stream
        case .left, .right: return view == .top
        case .character(let c):
            if "jkgGp/".contains(c) { return true }
            return view == .top && "s<>rw".contains(c)
        default: return false
        }
    }

    /// Handles `key` in `view`, which shows the requests `shown` (the stream, oldest first) or
    /// `topRows` rows, `visible` of them at a time. Returns whether anything changed.
    @discardableResult
    public mutating func press(_ key: Key, in view: TapViewKind, shown: [TappedRequest], topRows: Int,
                               visible: Int) -> Bool {
        let before = self
        if input != nil {
            type(key)
        } else if detail != nil {
            if key == .escape || key == .enter { detail = nil }
        } else if uses(key, in: view) {
            message = nil
            switch view {
            case .stream: pressStream(key, shown: shown, visible: visible)
            case .top: pressTop(key, rows: topRows, visible: visible)
            }
        }
        return self != before
    }

    /// The position of the selection in `shown`: the selected request, else (following, or
    /// when it is gone) the newest.
    public func selectedIndex(in shown: [TappedRequest]) -> Int? {
        guard !shown.isEmpty else { return nil }
        return selected.flatMap { shown.lastIndex(of: $0) } ?? shown.count - 1
    }

    /// Keys common to both views, then the stream's: moving back stops following; moving down
    /// onto the newest, or G, follows again.
    private mutating func pressStream(_ key: Key, shown: [TappedRequest], visible: Int) {
        if pressCommon(key) { return }
        let current = selectedIndex(in: shown) ?? 0
        let page = max(1, visible - 1)
        switch key {
        case .character("k"), .up: select(current - 1, in: shown)
        case .character("j"), .down: select(current + 1, in: shown)
        case .pageUp: select(current - page, in: shown)
        case .pageDown: select(current + page, in: shown)
        case .character("g"), .home: select(0, in: shown)
        case .character("G"), .end: selected = nil
        case .enter: detail = selectedIndex(in: shown).map { shown[$0] }
        case .escape:
            if !filter.isEmpty { filter = TapViewFilter() } else { selected = nil }
        default: break
        }
    }

    private mutating func select(_ index: Int, in shown: [TappedRequest]) {
        guard !shown.isEmpty else { return }
        let clamped = max(0, min(index, shown.count - 1))
        selected = clamped == shown.count - 1 ? nil : shown[clamped]
    }

    private mutating func pressTop(_ key: Key, rows: Int, visible: Int) {
        if pressCommon(key) { return }
        let page = max(1, visible - 1)
        let columns = TapColumns.topOrders
        let column = columns.firstIndex(of: topOrder) ?? 0
        switch key {
        case .character("k"), .up: topSelected -= 1
        case .character("j"), .down: topSelected += 1
        case .pageUp: topSelected -= page
        case .pageDown: topSelected += page
        case .character("g"), .home: topSelected = 0
        case .character("G"), .end: topSelected = rows - 1
        case .character("s"): sort(by: columns[(column + 1) % columns.count])
        case .character("<"), .left: sort(by: column > 0 ? columns[column - 1] : nil)
        case .character(">"), .right: sort(by: column + 1 < columns.count ? columns[column + 1] : nil)
        case .character("r"): topDescending.toggle()
        case .character("w"): topSpan = topSpan == .window ? .sinceStart : .window
        case .escape: filter = TapViewFilter()
        default: break
        }
        topSelected = max(0, min(topSelected, rows - 1))
    }

    /// `p` and `/`, the same in both views; whether `key` was one of them.
    private mutating func pressCommon(_ key: Key) -> Bool {
        switch key {
        case .character("p"): paused.toggle()
        case .character("/"): input = filter.line
        default: return false
        }
        return true
    }

    /// A new sort column, in its natural direction: counts and latencies largest first, names
    /// and success rates smallest first (the worst first).
    private mutating func sort(by order: TapTopOrder?) {
        guard let order, order != topOrder else { return }
        topOrder = order
        topDescending = ![.successRate, .source, .destination, .method, .path].contains(order)
    }

    /// A key while the filter line is typed: characters add to it, Backspace takes one off (or
    /// closes an empty line), Esc drops it, Enter applies it, or keeps it open with the reason
    /// it can't be applied.
    private mutating func type(_ key: Key) {
        guard var text = input else { return }
        switch key {
        case .character(let c): text.append(c)
        case .backspace:
            if text.isEmpty { input = nil; return }
            text.removeLast()
        case .escape:
            (input, message) = (nil, nil)
            return
        case .enter:
            do throws(TapFilterError) {
                filter = try TapViewFilter(parsing: text)
                (input, message, topSelected) = (nil, nil, 0)
            } catch {
                message = error.description
            }
            return
        default: return
        }
        (input, message) = (text, nil)
    }
}
