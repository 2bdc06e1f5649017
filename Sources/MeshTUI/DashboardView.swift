import MeshModel

/// The live dashboard as a pure function: (snapshot, rows, state, context, size) → cells.
///
/// Top to bottom: the header line, the source's first problem when it has some, the tabs of
/// the pages, a line on failing targets when some fail, the page (a table, the call graph, or
/// a workload's detail), and the footer: the keys that work here, or the line being typed. The help, the
/// `:ctx`/`:ns` picker and the `:problems` list cover the page while they are open. Before the first
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
        var top = 1
        if ProblemsView.drawLine(context.status.problems, glyphs: context.glyphs, y: top, into: &grid) { top += 1 }
        DashboardChrome.drawTabs(state, rows: rows, glyphs: context.glyphs, y: top, into: &grid)
        top += 1
        if let snapshot, state.detail == nil,
           DashboardChrome.drawFailures(snapshot.targets, glyphs: context.glyphs, y: top, into: &grid) {
            top += 1
        }
        let body = top..<(height - 1)
        if let picker = state.picker {
            PickerView.draw(picker, glyphs: context.glyphs, lines: body, into: &grid)
        } else if state.showingHelp {
            HelpView.draw(context.keymap, glyphs: context.glyphs, lines: body, into: &grid)
        } else if state.showingProblems {
            ProblemsView.draw(context.status.problems, glyphs: context.glyphs, lines: body, into: &grid)
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

    /// The table row shown on screen line `y`, as `render` lays the page out over a source
    /// with `status`; on the Graph page, the node drawn at column `x` of that line; with a
    /// picker open, the picker's line there (see ``DashboardState/point(_:at:rows:)``); nil
    /// off the rows (or when neither is shown).
    public static func rowIndex(atLine y: Int, column x: Int = 0, snapshot: Snapshot?, rows: DashboardRows,
                                state: DashboardState, width: Int = 80, height: Int,
                                status: SourceStatus = SourceStatus()) -> Int? {
        let top = pageTop(snapshot, state: state, status: status)
        if let picker = state.picker { return PickerView.choice(atLine: y, picker, lines: top..<(height - 1)) }
        guard snapshot != nil, state.detail == nil, !state.showingHelp, !state.showingProblems else { return nil }
        if case .graph(let scene) = rows.table {
            return GraphPageView.node(atX: x, y: y, scene, state: state, lines: top..<(height - 1), width: width)
        }
        let shown = TableView<WorkloadRow>.shownRows(of: rows.count, visible: height - 1 - (top + 1),
                                                     selected: state.table.selected)
        let index = shown.lowerBound + y - top - 1
        return shown.contains(index) && y > top ? index : nil
    }

    /// How many table rows fit on a screen `height` lines high (with a failing-targets line),
    /// over a source with `status` (its problem line takes one).
    public static func visibleRows(height: Int, status: SourceStatus = SourceStatus()) -> Int {
        max(1, height - 5 - (status.problems.isEmpty ? 0 : 1))
    }

    /// The first line of the page: under the header, the problem line, the tabs and the
    /// failing-targets line, each when `render` draws it.
    private static func pageTop(_ snapshot: Snapshot?, state: DashboardState, status: SourceStatus) -> Int {
        let failing = state.detail == nil && (snapshot?.targets.contains { !$0.ok } ?? false)
        return 2 + (status.problems.isEmpty ? 0 : 1) + (failing ? 1 : 0)
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
        case .graph(let scene): GraphPageView.draw(scene, state: state, glyphs: glyphs, lines: lines, into: &grid)
        case .tap(let feed, _):
            TapPageView.draw(feed, state: state.tap, glyphs: glyphs, atMs: rows.tapNowMs, lines: lines, into: &grid)
        case .top(let feed, _):
            TopPageView.draw(feed, state: state.tap, glyphs: glyphs, atMs: rows.tapNowMs, lines: lines, into: &grid)
        }
    }
}
