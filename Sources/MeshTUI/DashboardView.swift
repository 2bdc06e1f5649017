import MeshModel

/// The live dashboard as a pure function: (snapshot, state, context, size) → cells.
///
/// Top to bottom: the header line, one line per failed target, the workloads table, the
/// edges table, and the footer of keys. Before the first snapshot the body says it is
/// waiting; below ``minimumWidth`` x ``minimumHeight`` the whole screen says it is too small.
public enum DashboardView {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    /// The screen for `snapshot` (nil before the first one) at `width` x `height`.
    public static func render(_ snapshot: Snapshot?, state: DashboardState, context: DashboardContext,
                              width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            DashboardChrome.drawTooSmall(into: &grid)
            return grid
        }
        DashboardChrome.drawHeader(snapshot, paused: state.paused, context: context, into: &grid)
        // Tables need 7 lines at least (two titles, two headers, a row each, a gap) and the footer one.
        let failed = DashboardChrome.drawFailures(snapshot?.targets ?? [], glyphs: context.glyphs, y: 1,
                                                  maxLines: height - 9, into: &grid)
        let body = (1 + failed)..<(height - 1)
        if let snapshot {
            drawTables(snapshot, state: state, context: context, lines: body, into: &grid)
        } else {
            let message = "waiting for the first window\(context.glyphs.ellipsis)"
            DashboardChrome.center(message, y: body.lowerBound + body.count / 2, style: .normal, into: &grid)
        }
        DashboardChrome.drawFooter(context.keymap, y: height - 1, into: &grid)
        return grid
    }

    /// Rows of the workloads and edges tables that fit in `lines`, which hold both tables'
    /// titles and headers and a gap: each table gets what it needs, or at least half.
    public static func tableRows(workloads: Int, edges: Int, lines: Int) -> (workloads: Int, edges: Int) {
        let rows = max(2, lines - 5)
        let wanted = (max(1, workloads), max(1, edges))
        if wanted.0 + wanted.1 <= rows { return (wanted.0, rows - wanted.0) }
        let half = rows / 2
        let top = wanted.0 <= half ? wanted.0 : min(wanted.0, max(half, rows - wanted.1))
        return (top, rows - top)
    }

    private static func drawTables(_ snapshot: Snapshot, state: DashboardState, context: DashboardContext,
                                   lines: Range<Int>, into grid: inout CellGrid) {
        let leading = lines.count >= 12 ? 1 : 0  // a blank line under the header when there is room
        let split = tableRows(workloads: snapshot.workloads.count, edges: snapshot.edges.count,
                              lines: lines.count - leading)
        let glyphs = context.glyphs
        let workloads = TableView(columns: DashboardColumns.workloads(glyphs), rows: snapshot.workloads,
                                  selected: state.focus == .workloads ? state.selectedWorkload : nil,
                                  emptyMessage: "No workloads: no target has been scraped yet.", glyphs: glyphs)
        let edges = TableView(columns: DashboardColumns.edges(glyphs), rows: snapshot.edges,
                              selected: state.focus == .edges ? state.selectedEdge : nil,
                              emptyMessage: "No edges: no outbound traffic was seen.", glyphs: glyphs)
        var y = lines.lowerBound + leading
        let shownWorkloads = workloads.shownRows(visible: split.workloads)
        title("WORKLOADS", total: snapshot.workloads.count, shown: shownWorkloads,
              focused: state.focus == .workloads, glyphs: glyphs, y: y, into: &grid)
        workloads.draw(into: &grid, y: y + 1, height: 1 + split.workloads)
        y += 2 + split.workloads + 1
        title("EDGES", total: snapshot.edges.count, shown: edges.shownRows(visible: split.edges),
              focused: state.focus == .edges, glyphs: glyphs, y: y, into: &grid)
        edges.draw(into: &grid, y: y + 1, height: min(1 + split.edges, lines.upperBound - y - 1))
    }

    /// `▸ WORKLOADS (12)`, with `rows 3-10` when not all fit; the glyph marks the focus.
    private static func title(_ name: String, total: Int, shown: Range<Int>, focused: Bool, glyphs: Glyphs,
                              y: Int, into grid: inout CellGrid) {
        let marker = focused ? glyphs.focus : String(repeating: " ", count: CharacterWidth.of(glyphs.focus))
        var text = "\(marker) \(name) (\(total))"
        if shown.count < total { text += "  rows \(shown.lowerBound + 1)-\(shown.upperBound)" }
        grid.put(text, x: 0, y: y, style: focused ? Style(.header, bold: true) : .normal)
    }
}
