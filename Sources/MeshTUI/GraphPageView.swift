import MeshModel

/// The Graph page: the laid-out call graph over the page, panned to the state's viewport
/// (centred when it is smaller than the page), the selected node highlighted, and a legend
/// line under it that says what the marks mean, what is focused and where the view is.
enum GraphPageView {
    /// The canvas's cells on a page `width` wide that holds `visible` table rows (counted as
    /// if a failing-targets line were shown): the table's header line goes to the legend, and
    /// the failing-targets line to the canvas when `snapshot` has no failing target.
    static func area(width: Int, visible: Int, snapshot: Snapshot?) -> GraphSize {
        let failing = snapshot?.targets.contains { !$0.ok } ?? false
        return GraphSize(width: max(1, width), height: max(1, visible + (failing ? 0 : 1)))
    }

    /// Draws `scene` over `lines` of `grid`.
    static func draw(_ scene: GraphScene, state: DashboardState, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        guard !scene.graph.nodes.isEmpty else {
            let message = "No workloads to draw: the graph shows meshed workloads once their proxies are scraped."
            DashboardChrome.center(CharacterWidth.truncate(message, width: grid.width, cut: glyphs.cut),
                                   y: lines.lowerBound + lines.count / 2, style: .normal, into: &grid)
            return
        }
        let page = GraphRect(x: 0, y: lines.lowerBound, width: grid.width, height: max(1, lines.count - 1))
        let screen = scene.screen(in: page)
        let selected = scene.node(at: state.table.selected)?.id
        scene.canvas(glyphs: glyphs).draw(into: &grid, screen: screen, viewport: state.graph.viewport, selected: selected)
        drawLegend(scene, state: state, glyphs: glyphs, y: lines.upperBound - 1, into: &grid)
    }

    /// The index of the node drawn at cell (`x`, `y`), laid out as ``draw(_:state:glyphs:lines:into:)`` does.
    static func node(atX x: Int, y: Int, _ scene: GraphScene, state: DashboardState, lines: Range<Int>, width: Int) -> Int? {
        let page = GraphRect(x: 0, y: lines.lowerBound, width: width, height: max(1, lines.count - 1))
        let canvas = GraphCanvas(graph: scene.graph, layout: scene.layout, glyphs: .ascii)
        return canvas.node(atScreenX: x, y: y, screen: scene.screen(in: page), viewport: state.graph.viewport)
            .flatMap(scene.index(of:))
    }

    /// `focus web ±2 · 8 nodes 9 edges · ✗ failing  ○ no mTLS  ⇢ outside the mesh  ? unmeshed · view 40,12 of 180x64`:
    /// as much of it as fits, the focus and counts first.
    private static func drawLegend(_ scene: GraphScene, state: DashboardState, glyphs: Glyphs, y: Int, into grid: inout CellGrid) {
        var x = 0
        if let focus = scene.focus {
            let name = StatTable.display(focus.center.name)
            x = grid.put("focus \(name) \(focus.hops) hop\(focus.hops == 1 ? "" : "s")  ", x: x, y: y, style: Style(.header, bold: true))
        }
        let size = scene.layout.size, area = scene.area
        let turn = scene.layout.orientation == .leftToRight ? "across" : "down"
        var parts = ["\(scene.graph.nodes.count) nodes \(scene.graph.edges.count) edges", "\(turn)\(state.graph.orientation == nil ? " auto" : "") (o)"]
        if size.width > area.width || size.height > area.height {
            parts.append("view \(state.graph.viewport.x),\(state.graph.viewport.y) of \(size.width)x\(size.height) (HJKL pan)")
        }
        parts += ["\(glyphs.failed) failing", "\(glyphs.plaintext) no mTLS", "\(glyphs.externalPeer) outside the mesh",
                  "\(glyphs.unmeshedClients) unmeshed clients"]
        for (i, part) in parts.enumerated() {
            let text = (i == 0 ? "" : "  ") + part
            guard x + CharacterWidth.of(text) <= grid.width else { break }
            x = grid.put(text, x: x, y: y, style: Style(.dim))
        }
    }
}
