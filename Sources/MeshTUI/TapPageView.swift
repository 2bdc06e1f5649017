import MeshTap

/// The Tap view: the live stream of requests, one a line, newest at the bottom, under the
/// summary (rate, losses, that tap samples), the filter and the stream's latest notice. While
/// following, the newest requests stay in view; a selected request stays put as new ones
/// arrive. Enter covers it with ``TapDetailView``.
public enum TapPageView {
    /// Draws the view into `lines` of `grid`, at `nowMs`.
    public static func draw(_ feed: TapFeed, state: TapViewState, glyphs: Glyphs, atMs nowMs: Int64,
                            lines: Range<Int>, into grid: inout CellGrid) {
        if let request = state.detail {
            return TapDetailView.draw(request, glyphs: glyphs, lines: lines, into: &grid)
        }
        let shown = feed.shown(filter: state.filter)
        let following = state.isFollowing ? "following" : "scrolled (G follows)"
        var body = TapStatusLines.drawTop(title: "TAP", details: [following, kept(feed, shown: shown.count)],
                                          feed: feed, state: state, glyphs: glyphs, atMs: nowMs, lines: lines,
                                          into: &grid)..<lines.upperBound
        if TapStatusLines.takesBottom(state), !body.isEmpty {
            TapStatusLines.drawBottom(state, glyphs: glyphs, y: body.upperBound - 1, into: &grid)
            body = body.lowerBound..<(body.upperBound - 1)
        }
        let index = state.selectedIndex(in: shown)
        TapTable(columns: TapColumns.stream(glyphs), rows: shown, anchor: index,
                 selected: state.isFollowing ? nil : index, emptyMessage: emptyMessage(feed, state),
                 glyphs: glyphs).draw(into: &grid, y: body.lowerBound, height: body.count)
    }

    /// How many requests the table shows at once in `lines` lines: the height PgUp and PgDn
    /// move by (``TapViewState/press(_:in:shown:topRows:visible:)``).
    public static func visibleRows(lines: Int) -> Int {
        max(1, lines - 4)
    }

    /// `12 of 5000 kept`: what the filter lets through of the requests kept.
    private static func kept(_ feed: TapFeed, shown: Int) -> String {
        let count = feed.shownCount
        let forgotten = feed.forgotten > 0 ? ", older forgotten" : ""
        return shown == count ? "\(count) kept\(forgotten)" : "\(shown) of \(count) kept match\(forgotten)"
    }

    private static func emptyMessage(_ feed: TapFeed, _ state: TapViewState) -> String {
        if feed.shownCount == 0 { return "No requests yet: tap shows them as the proxies report them." }
        return "No request matches the filter: Esc clears it."
    }
}
