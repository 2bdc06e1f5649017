/// A table drawn into a grid: a header row, then the rows that fit, scrolled so the
/// selected row stays on screen. Rows that don't fit are left out, never wrapped.
public struct TableView<Row> {
    public var columns: [TableColumn<Row>]
    public var rows: [Row]
    /// The row shown in reverse video, or nil for none.
    public var selected: Int?
    /// Shown instead of rows when there are none.
    public var emptyMessage: String
    public var glyphs: Glyphs
    /// The column the rows are sorted by, marked in the header with ▲ or ▼.
    public var sort: (column: Int, descending: Bool)?

    /// A table of `rows` in `columns`.
    public init(columns: [TableColumn<Row>], rows: [Row], selected: Int?, emptyMessage: String, glyphs: Glyphs,
                sort: (column: Int, descending: Bool)? = nil) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.emptyMessage = emptyMessage
        self.glyphs = glyphs
        self.sort = sort
    }

    /// The header of column `i`, with the sort mark when the table is sorted by it.
    private func header(_ i: Int) -> String {
        guard let sort, sort.column == i else { return columns[i].header }
        return columns[i].header + (sort.descending ? glyphs.sortedDown : glyphs.sortedUp)
    }

    /// The rows shown when `visible` fit: the first ones, or a window that ends at the selection.
    public func shownRows(visible: Int) -> Range<Int> {
        Self.shownRows(of: rows.count, visible: visible, selected: selected)
    }

    /// The rows of `count` shown when `visible` fit with `selected` selected.
    public static func shownRows(of count: Int, visible: Int, selected: Int?) -> Range<Int> {
        let shown = min(count, max(0, visible))
        let first = max(0, min((selected ?? 0) - shown + 1, count - shown))
        return first..<(first + shown)
    }

    /// Draws the table into lines `y..<y+height` of `grid` (the header takes the first) and
    /// returns the rows it showed.
    @discardableResult
    public func draw(into grid: inout CellGrid, y: Int, height: Int) -> Range<Int> {
        guard height > 0 else { return 0..<0 }
        // Only the rows on screen are formatted, and they alone size the columns: a frame
        // costs the same for ten rows or ten thousand.
        let shown = shownRows(visible: height - 1)
        let cells = shown.map { index in columns.map { $0.cell(rows[index]) } }
        let content = columns.indices.map { i in
            cells.reduce(CharacterWidth.of(header(i))) { max($0, $1[i].sparkline == nil ? CharacterWidth.of($1[i].text) : .max) }
        }
        var sized = columns
        if let sort, sized.indices.contains(sort.column) {  // room for the sort mark
            sized[sort.column].width += CharacterWidth.of(sort.descending ? glyphs.sortedDown : glyphs.sortedUp)
        }
        let layout = TableLayout(sized, width: grid.width, content: content)
        for p in layout.placements {
            put(TableCell(header(p.index), .header), columns[p.index].alignment, p, into: &grid, y: y)
        }
        if rows.isEmpty {
            if height > 1 { grid.put(emptyMessage, x: 0, y: y + 1, style: .normal) }
            return 0..<0
        }
        for (line, index) in shown.enumerated() {
            for p in layout.placements {
                put(cells[line][p.index], columns[p.index].alignment, p, into: &grid, y: y + 1 + line)
            }
            if index == selected { grid.restyle(row: y + 1 + line) { $0.selected } }
        }
        return shown
    }

    private func put(_ cell: TableCell, _ alignment: TableColumn<Row>.Alignment, _ p: TableLayout.Placement,
                     into grid: inout CellGrid, y: Int) {
        if let sparkline = cell.sparkline { return sparkline.draw(into: &grid, x: p.x, y: y, width: p.width) }
        let text = CharacterWidth.truncate(cell.text, width: p.width, cut: glyphs.cut)
        let pad = alignment == .right ? p.width - CharacterWidth.of(text) : 0
        grid.put(text, x: p.x + pad, y: y, style: cell.style, limit: p.width - pad)
    }
}
