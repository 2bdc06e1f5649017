import MeshModel

/// The live dashboard as a pure function: (snapshot, rows, state, context, size) → cells.
///
/// Top to bottom: the header line, the tabs of the pages, a line on failing targets when
/// some fail, the page (a table, or a workload's detail), and the footer: the keys that work
/// here, or the line being typed. The help covers the page while it is open. Before the first
/// snapshot the page says it is waiting; below ``minimumWidth`` x ``minimumHeight`` the whole
/// screen says it is too small.
public enum DashboardView {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    /// The screen for `snapshot` (nil before the first one) at `width` x `height`.
    public static func render(_ snapshot: Snapshot?, rows: DashboardRows, trends: Trends, state: DashboardState,
                              context: DashboardContext, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            DashboardChrome.drawTooSmall(into: &grid)
            return grid
        }
        DashboardChrome.drawHeader(snapshot, state: state, context: context, into: &grid)
        DashboardChrome.drawTabs(state, rows: rows, glyphs: context.glyphs, y: 1, into: &grid)
        var top = 2
        if let snapshot, state.detail == nil,
           DashboardChrome.drawFailures(snapshot.targets, glyphs: context.glyphs, y: top, into: &grid) {
            top += 1
        }
        let body = top..<(height - 1)
        if state.showingHelp {
            HelpView.draw(context.keymap, glyphs: context.glyphs, lines: body, into: &grid)
        } else if let snapshot, let workload = state.detail {
            DetailView(workload: workload, snapshot: snapshot, trend: trends.points(for: workload), glyphs: context.glyphs)
                .draw(lines: body, into: &grid)
        } else if snapshot != nil {
            drawTable(rows, state: state, glyphs: context.glyphs, lines: body, into: &grid)
        } else {
            let message = "waiting for the first window\(context.glyphs.ellipsis)"
            DashboardChrome.center(message, y: body.lowerBound + body.count / 2, style: .normal, into: &grid)
        }
        DashboardChrome.drawFooter(state, keymap: context.keymap, y: height - 1, into: &grid)
        return grid
    }

    /// The table row shown on screen line `y`, as `render` lays the page out; nil off the
    /// table's rows (or when no table is shown).
    public static func rowIndex(atLine y: Int, snapshot: Snapshot?, rows: DashboardRows, state: DashboardState,
                                height: Int) -> Int? {
        guard let snapshot, state.detail == nil, !state.showingHelp else { return nil }
        let header = snapshot.targets.contains { !$0.ok } ? 3 : 2
        let shown = TableView<WorkloadRow>.shownRows(of: rows.count, visible: height - 1 - (header + 1),
                                                     selected: state.table.selected)
        let index = shown.lowerBound + y - header - 1
        return shown.contains(index) && y > header ? index : nil
    }

    /// How many table rows fit on a screen `height` lines high (with a failing-targets line).
    public static func visibleRows(height: Int) -> Int {
        max(1, height - 5)
    }

    private static func drawTable(_ rows: DashboardRows, state: DashboardState, glyphs: Glyphs, lines: Range<Int>,
                                  into grid: inout CellGrid) {
        let selected = state.table.selected
        let sort = (state.table.sortColumn, state.table.descending)
        let empty = state.shownFilter.isEmpty && state.namespace == nil && !state.failedOnly
            ? "Nothing here yet." : "No rows match: Esc clears the filter, n or :ns -A shows all namespaces."
        func draw<Row>(_ columns: [TableColumn<Row>], _ rows: [Row]) {
            TableView(columns: columns, rows: rows, selected: selected, emptyMessage: empty, glyphs: glyphs, sort: sort)
                .draw(into: &grid, y: lines.lowerBound, height: lines.count)
        }
        switch rows.table {
        case .workloads(let r): draw(DashboardColumns.workloads(glyphs), r)
        case .edges(let r): draw(DashboardColumns.edges(glyphs), r)
        case .pods(let r): draw(DashboardColumns.pods(glyphs), r)
        }
    }
}
