/// A column of the Tap and Top tables: a ``TableColumn``, and whether text too long for it
/// keeps its end rather than its start (a path's last segments say more than its first).
struct TapTableColumn<Row>: Sendable {
    var column: TableColumn<Row>
    var keepsEnd = false
}

/// The Tap and Top views' tables: a header row, then the rows that fit, scrolled so that
/// `anchor` stays in view, `selected` in reverse video. Like ``TableView``, it formats only
/// the rows on screen and sizes the columns by them, and adds cutting a column at its start.
struct TapTable<Row> {
    var columns: [TapTableColumn<Row>]
    var rows: [Row]
    /// The row kept in view.
    var anchor: Int?
    /// The row shown in reverse video.
    var selected: Int?
    var emptyMessage: String
    var glyphs: Glyphs
    /// The column sorted by, marked in its header.
    var sort: (column: Int, descending: Bool)?

    /// The rows of `count` shown `visible` at a time with `anchor` in view.
    static func shownRows(of count: Int, visible: Int, anchor: Int?) -> Range<Int> {
        TableView<Row>.shownRows(of: count, visible: visible, selected: anchor)
    }

    /// Draws the table into lines `y..<y+height` of `grid`.
    func draw(into grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        let shown = Self.shownRows(of: rows.count, visible: height - 1, anchor: anchor)
        let cells = shown.map { index in columns.map { $0.column.cell(rows[index]) } }
        let headers = columns.indices.map(header)
        let content = columns.indices.map { i in
            cells.reduce(CharacterWidth.of(headers[i])) { max($0, CharacterWidth.of($1[i].text)) }
        }
        var sized = columns.map(\.column)
        if let sort, sized.indices.contains(sort.column) {
            sized[sort.column].width += CharacterWidth.of(mark(sort.descending))
        }
        let layout = TableLayout(sized, width: grid.width, content: content)
        for p in layout.placements {
            put(TableCell(headers[p.index], .header), p, into: &grid, y: y)
        }
        guard !rows.isEmpty else {
            if height > 1 { grid.put(emptyMessage, x: 0, y: y + 1) }
            return
        }
        for (line, index) in shown.enumerated() {
            for p in layout.placements { put(cells[line][p.index], p, into: &grid, y: y + 1 + line) }
            if index == selected { grid.restyle(row: y + 1 + line) { $0.selected } }
        }
    }

    private func mark(_ descending: Bool) -> String {
        descending ? glyphs.sortedDown : glyphs.sortedUp
    }

    private func header(_ i: Int) -> String {
        guard let sort, sort.column == i else { return columns[i].column.header }
        return columns[i].column.header + mark(sort.descending)
    }

    private func put(_ cell: TableCell, _ p: TableLayout.Placement, into grid: inout CellGrid, y: Int) {
        let column = columns[p.index]
        let text = column.keepsEnd
            ? Self.keepingEnd(cell.text, width: p.width, cut: glyphs.cut)
            : CharacterWidth.truncate(cell.text, width: p.width, cut: glyphs.cut)
        let pad = column.column.alignment == .right ? p.width - CharacterWidth.of(text) : 0
        grid.put(text, x: p.x + pad, y: y, style: cell.style, limit: p.width - pad)
    }

    /// `text` cut to at most `width` cells by dropping its start, which `cut` then stands for.
    static func keepingEnd(_ text: String, width: Int, cut: String) -> String {
        guard CharacterWidth.of(text) > width else { return text }
        let room = width - CharacterWidth.of(cut)
        guard room > 0 else { return cut }
        var kept: [Character] = [], used = 0
        for c in text.reversed() {
            let w = CharacterWidth.of(c)
            if used + w > room { break }
            kept.append(c)
            used += w
        }
        return cut + String(kept.reversed())
    }
}
