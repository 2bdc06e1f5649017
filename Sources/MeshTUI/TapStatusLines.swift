import MeshModel

/// The lines the Tap and Top views share above and below their tables: the summary (rate,
/// losses, that tap samples, pause), the filter, the stream's latest notice, and at the
/// bottom the filter line being typed or why it was refused.
enum TapStatusLines {
    /// A notice stays on screen this long after it was said.
    static let noticeShownMs: Int64 = 60_000

    /// A part of the summary; the lowest priorities are left out when the line is too long.
    private struct Part {
        var text: String
        var style: Style
        var priority: Int
    }

    /// Draws the lines above the table from `lines.lowerBound` and returns the first line left.
    static func drawTop(title: String, details: [String], feed: TapFeed, state: TapViewState, glyphs: Glyphs,
                        atMs nowMs: Int64, lines: Range<Int>, into grid: inout CellGrid) -> Int {
        var y = lines.lowerBound
        guard y < lines.upperBound else { return y }
        drawSummary(title: title, details: details, feed: feed, state: state, glyphs: glyphs, atMs: nowMs, y: y,
                    into: &grid)
        y += 1
        guard y < lines.upperBound else { return y }
        drawFilter(state, glyphs: glyphs, y: y, into: &grid)
        y += 1
        if y < lines.upperBound, let notice = feed.notices.last, nowMs - notice.atMs < noticeShownMs {
            let text = "\(glyphs.focus) \(TapColumns.time(notice.atMs)) \(StatTable.display(notice.text))"
            grid.put(CharacterWidth.truncate(text, width: grid.width, cut: glyphs.cut), x: 0, y: y,
                     style: Style(.warn, bold: true))
            y += 1
        }
        return y
    }

    /// Whether the bottom line of the view is taken by the filter being typed or its error.
    static func takesBottom(_ state: TapViewState) -> Bool {
        state.input != nil || state.message != nil
    }

    /// The filter line being typed, with a cursor, and why the last one was refused.
    static func drawBottom(_ state: TapViewState, glyphs: Glyphs, y: Int, into grid: inout CellGrid) {
        var x = 0
        if let input = state.input {
            let typed = TapTable<Int>.keepingEnd("/" + StatTable.display(input), width: max(1, grid.width - 1),
                                                 cut: glyphs.cut)
            x = grid.put(typed, x: 0, y: y, style: Style(bold: true))
            x = grid.put("_", x: x, y: y, style: Style(reverse: true)) + 1
        }
        if let message = state.message {
            grid.put(message, x: x, y: y, style: Style(.bad, bold: true))
        }
    }

    /// `TAP · 42.0 req/s · 3 lost · sampled: ≤100 rps per proxy · following · 1234 seen`: the
    /// view's details after the sampling note, and `PAUSED (37 new)` after the title while paused.
    private static func drawSummary(title: String, details: [String], feed: TapFeed, state: TapViewState,
                                    glyphs: Glyphs, atMs nowMs: Int64, y: Int, into grid: inout CellGrid) {
        var parts = [Part(text: title, style: .header, priority: 100)]
        if state.paused {
            parts.append(Part(text: "PAUSED (\(feed.heldBack) new)", style: Style(.warn, bold: true, reverse: true),
                              priority: 99))
        }
        parts.append(Part(text: "\(StatTable.fixed(feed.requestsPerSecond(atMs: nowMs), 1)) req/s", style: Style(bold: true),
                          priority: 90))
        let lost = feed.lost
        parts.append(Part(text: lost > 0 ? "\(glyphs.failed) \(lost) lost" : "0 lost",
                          style: lost > 0 ? Style(.warn, bold: true) : .normal, priority: 80))
        let sample = feed.maxRps.map { "sampled: \(glyphs.atMost)\(StatTable.fixed($0, 0)) rps per proxy" }
            ?? "tap samples requests"
        parts.append(Part(text: sample, style: Style(.dim), priority: 85))
        // The first detail says what the view is (following, the span), above the rest.
        parts += details.enumerated().map { Part(text: $1, style: .normal, priority: $0 == 0 ? 84 : 70 - $0) }
        parts.append(Part(text: "\(feed.total) seen", style: .normal, priority: 40))
        let separator = glyphs.separator
        func length() -> Int {
            parts.reduce(0) { $0 + CharacterWidth.of($1.text) } + CharacterWidth.of(separator) * (parts.count - 1)
        }
        while length() > grid.width, parts.count > 1 {
            parts.remove(at: parts.indices.min { parts[$0].priority < parts[$1].priority }!)
        }
        var x = 0
        for (i, part) in parts.enumerated() {
            if i > 0 { x = grid.put(separator, x: x, y: y) }
            x = grid.put(part.text, x: x, y: y, style: part.style)
        }
    }

    /// `filter: method=POST status=5xx  (Esc clears)`, or how to filter when none is set.
    private static func drawFilter(_ state: TapViewState, glyphs: Glyphs, y: Int, into grid: inout CellGrid) {
        guard !state.filter.isEmpty else {
            grid.put("no filter: / method=POST path=/api status=5xx latency>100ms ns=NS name", x: 0, y: y,
                     style: Style(.dim))
            return
        }
        let x = grid.put("filter: ", x: 0, y: y, style: Style(.dim))
        let end = grid.put(StatTable.display(state.filter.line), x: x, y: y, style: Style(.header, bold: true))
        grid.put("  (Esc clears)", x: end, y: y, style: Style(.dim))
    }
}
