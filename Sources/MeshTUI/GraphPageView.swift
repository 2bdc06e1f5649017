import MeshModel

/// The Graph page: the laid-out call graph over the page, panned to the state's viewport
/// (centred when it is smaller than the page), the selected node highlighted; under it, a line
/// with the selected node's numbers and every call into and out of it (where labels on the
/// canvas found no room), and a legend line that says what the marks mean, what is focused and
/// where the view is.
enum GraphPageView {
    /// Pages at least this many lines high show the selected node's line, unless it would
    /// cost a canvas that fits the page without it.
    static let selectionLineFrom = 10

    /// The canvas's cells on a page `width` wide that holds `visible` table rows (counted as
    /// if a failing-targets line were shown): the table's header line goes to the legend, one
    /// more to the selection's line on a page high enough, and the failing-targets line to the
    /// canvas when `snapshot` has no failing target.
    static func area(width: Int, visible: Int, snapshot: Snapshot?) -> GraphSize {
        let failing = snapshot?.targets.contains { !$0.ok } ?? false
        let lines = visible + 1 + (failing ? 0 : 1)
        return GraphSize(width: max(1, width), height: max(1, canvasLines(lines)))
    }

    /// How many of a page's `lines` the canvas gets, when it is `height` rows high (or the
    /// most it may get, when `nil`).
    private static func canvasLines(_ lines: Int, height: Int? = nil) -> Int {
        lines - (showsSelection(lines, height: height) ? 2 : 1)
    }

    /// Whether a page of `lines` shows the selected node's line over a canvas `height` rows high.
    private static func showsSelection(_ lines: Int, height: Int?) -> Bool {
        guard lines >= selectionLineFrom else { return false }
        guard let height else { return true }
        return height <= lines - 2 || height > lines - 1
    }

    /// Draws `scene` over `lines` of `grid`.
    static func draw(_ scene: GraphScene, state: DashboardState, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        guard !scene.graph.nodes.isEmpty else {
            let message = "No workloads to draw: the graph shows meshed workloads once their proxies are scraped."
            DashboardChrome.center(CharacterWidth.truncate(message, width: grid.width, cut: glyphs.cut),
                                   y: lines.lowerBound + lines.count / 2, style: .normal, into: &grid)
            return
        }
        let page = canvasRect(scene, lines, width: grid.width)
        let screen = scene.screen(in: page)
        let selected = scene.node(at: state.table.selected)
        scene.canvas(glyphs: glyphs).draw(into: &grid, screen: screen, viewport: state.graph.viewport, selected: selected?.id)
        if showsSelection(lines.count, height: scene.bounds.height), let selected {
            drawSelection(selected, scene, glyphs: glyphs, y: lines.upperBound - 2, into: &grid)
        }
        drawLegend(scene, state: state, glyphs: glyphs, shown: page, y: lines.upperBound - 1, into: &grid)
    }

    /// The canvas's part of the page's `lines`.
    private static func canvasRect(_ scene: GraphScene, _ lines: Range<Int>, width: Int) -> GraphRect {
        GraphRect(x: 0, y: lines.lowerBound, width: width, height: max(1, canvasLines(lines.count, height: scene.bounds.height)))
    }

    /// The index of the node drawn at cell (`x`, `y`), laid out as ``draw(_:state:glyphs:lines:into:)`` does.
    static func node(atX x: Int, y: Int, _ scene: GraphScene, state: DashboardState, lines: Range<Int>, width: Int) -> Int? {
        let page = canvasRect(scene, lines, width: width)
        let canvas = GraphCanvas(graph: scene.graph, layout: scene.layout, glyphs: .ascii)
        return canvas.node(atScreenX: x, y: y, screen: scene.screen(in: page), viewport: state.graph.viewport)
            .flatMap(scene.index(of:))
    }

    /// `web 10.0rps 96.7% p99 45ms  in: vote-bot 4.0rps ✗ 92.0%, ? unmeshed 6.0rps ○  out: emoji 12.0rps, …`,
    /// cut to the width.
    private static func drawSelection(_ node: MeshGraph.Node, _ scene: GraphScene, glyphs: Glyphs, y: Int, into grid: inout CellGrid) {
        guard let index = scene.index(of: node.id) else { return }
        let graph = scene.graph
        func name(_ i: Int) -> String { GraphNodeBox.title(graph.nodes[i], glyphs: glyphs) }
        func call(_ edge: MeshGraph.Edge, peer: Int) -> String {
            let failing = GraphNodeBox.failing(edge.metrics, below: 0.95)
            return [name(peer), edge.metrics.rps.map(GraphNodeBox.rate) ?? "-",
                    failing ? glyphs.failed + " " + StatTable.percent(edge.metrics.success) : "",
                    edge.mtls ? "" : glyphs.plaintext].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let inbound = graph.edges.filter { $0.to == index }.map { call($0, peer: $0.from) }
        let outbound = graph.edges.filter { $0.from == index }.map { call($0, peer: $0.to) }
        var own = name(index)
        if let metrics = node.metrics, metrics.rps != nil {
            own += " " + GraphNodeBox.health(metrics) + (metrics.latencyP99.map { " p99 " + StatTable.ms($0) } ?? "")
        }
        let text = [own, inbound.isEmpty ? "" : "in: " + inbound.joined(separator: ", "),
                    outbound.isEmpty ? "" : "out: " + outbound.joined(separator: ", ")].filter { !$0.isEmpty }
            .joined(separator: "  ")
        grid.put(CharacterWidth.truncate(text, width: grid.width, cut: glyphs.cut), x: 0, y: y, style: Style(bold: true))
    }

    /// `focus web ±2 · 8 nodes 9 edges · ✗ failing  ○ no mTLS  ⇢ outside the mesh  ? unmeshed · view 40,12 of 180x64`:
    /// as much of it as fits, the focus and counts first.
    private static func drawLegend(_ scene: GraphScene, state: DashboardState, glyphs: Glyphs, shown: GraphRect, y: Int,
                                   into grid: inout CellGrid) {
        var x = 0
        if let focus = scene.focus {
            let name = StatTable.display(focus.center.name)
            x = grid.put("focus \(name) \(focus.hops) hop\(focus.hops == 1 ? "" : "s")  ", x: x, y: y, style: Style(.header, bold: true))
        }
        let size = scene.bounds, area = shown
        let turn = scene.layout.orientation == .leftToRight ? "across" : "down"
        var parts = ["\(scene.graph.nodes.count) nodes \(scene.graph.edges.count) edges", "\(turn)\(state.graph.orientation == nil ? " auto" : "") (o)"]
        if size.width > area.width || size.height > area.height {
            let at = GraphPoint(x: state.graph.viewport.x - size.x, y: state.graph.viewport.y - size.y)
            parts.append("view \(at.x),\(at.y) of \(size.width)x\(size.height) (HJKL pan)")
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
