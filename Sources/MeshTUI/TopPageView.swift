import MeshTap

/// The Top view: the tapped requests aggregated by (source, destination, method, path) —
/// count, success rate, best, worst and last latency, p95 — over the last minute or since
/// the start (`w`), sorted by any column (`s`, `<`, `>`, `r`; by count, most first, as
/// `linkerd viz top`), under the same summary and filter as the Tap view.
public enum TopPageView {
    /// Draws the view into `lines` of `grid`, at `nowMs`.
    public static func draw(_ feed: TapFeed, state: TapViewState, glyphs: Glyphs, atMs nowMs: Int64,
                            lines: Range<Int>, into grid: inout CellGrid) {
        let top = rows(feed, state: state, atMs: nowMs)
        var details = [span(feed, state.topSpan), "\(top.rows.count) row\(top.rows.count == 1 ? "" : "s")"]
        if top.fromKeptRequests { details.insert("of the \(feed.shownCount) kept requests", at: 1) }
        details.append(state.topSpan == .window ? "w: since start" : "w: last \(DashboardContext.duration(feed.windowMs))")
        var body = TapStatusLines.drawTop(title: "TOP", details: details, feed: feed, state: state, glyphs: glyphs,
                                          atMs: nowMs, lines: lines, into: &grid)..<lines.upperBound
        if TapStatusLines.takesBottom(state), !body.isEmpty {
            TapStatusLines.drawBottom(state, glyphs: glyphs, y: body.upperBound - 1, into: &grid)
            body = body.lowerBound..<(body.upperBound - 1)
        }
        let selected = top.rows.isEmpty ? nil : min(state.topSelected, top.rows.count - 1)
        let sortColumn = TapColumns.topOrders.firstIndex(of: state.topOrder)
        TapTable(columns: TapColumns.top(glyphs), rows: top.rows, anchor: selected, selected: selected,
                 emptyMessage: emptyMessage(feed, state), glyphs: glyphs,
                 sort: sortColumn.map { ($0, state.topDescending) })
            .draw(into: &grid, y: body.lowerBound, height: body.count)
    }

    /// The rows the view shows for `state` at `nowMs`: what keys move through
    /// (``TapViewState/press(_:in:shown:topRows:visible:)``'s `topRows` is their count).
    public static func rows(_ feed: TapFeed, state: TapViewState, atMs nowMs: Int64) -> TapFeed.TopRows {
        feed.topRows(span: state.topSpan, filter: state.filter, order: state.topOrder,
                     descending: state.topDescending, atMs: nowMs)
    }

    /// How many rows the table shows at once in `lines` lines.
    public static func visibleRows(lines: Int) -> Int {
        TapPageView.visibleRows(lines: lines)
    }

    /// `last 1m` or `since start`.
    private static func span(_ feed: TapFeed, _ span: TapTop.Span) -> String {
        span == .window ? "last \(DashboardContext.duration(feed.windowMs))" : "since start"
    }

    private static func emptyMessage(_ feed: TapFeed, _ state: TapViewState) -> String {
        if feed.total == 0 { return "No requests yet: Top counts them as tap reports them." }
        if state.filter.isEmpty, state.topSpan == .window { return "No request in the window: w shows all since the start." }
        return "No request matches the filter: Esc clears it."
    }
}
