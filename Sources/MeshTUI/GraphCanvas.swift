import MeshModel

/// Draws a laid-out ``MeshGraph`` into a ``CellGrid``: boxes for nodes, orthogonal lines with
/// arrowheads for edges, each edge's rate where there is room.
///
/// A failing edge (success below ``failingBelow``) is marked with ``Glyphs/failed`` and drawn
/// in the bad style; an edge without mTLS is dashed and marked with ``Glyphs/plaintext``. Peers
/// outside the mesh and unmeshed clients have dashed boxes. None of it rests on colour alone.
public struct GraphCanvas {
    public var graph: MeshGraph
    public var layout: GraphLayout
    public var glyphs: Glyphs
    /// Success rates below this mark a node or edge as failing.
    public var failingBelow: Double

    /// A canvas of `graph` laid out by `layout`, which must be the layout of
    /// ``topology(of:glyphs:)`` of the same graph.
    public init(graph: MeshGraph, layout: GraphLayout, glyphs: Glyphs, failingBelow: Double = 0.95) {
        precondition(graph.nodes.map(\.id) == layout.topology.nodes, "the layout of another graph")
        self.graph = graph
        self.layout = layout
        self.glyphs = glyphs
        self.failingBelow = failingBelow
    }

    /// What to lay out for `graph`: its nodes, their box sizes and its edges. Rates don't enter
    /// it, so a new snapshot of the same calls gives an equal topology.
    public static func topology(of graph: MeshGraph, glyphs: Glyphs) -> GraphTopology {
        GraphTopology(nodes: graph.nodes.map(\.id), sizes: graph.nodes.map { GraphNodeBox.size($0, glyphs: glyphs) },
                      links: graph.edges.map { GraphTopology.Link(from: $0.from, to: $0.to) })
    }

    /// Draws the part of the canvas from `viewport` (its top left cell) into the rectangle
    /// `screen` of `grid`, `selected` highlighted.
    public func draw(into grid: inout CellGrid, screen: GraphRect, viewport: GraphPoint, selected: WorkloadRef? = nil) {
        let area = GraphRect(x: viewport.x, y: viewport.y, width: screen.width, height: screen.height)
        var raster = GraphLineRaster(area: area)
        for (i, edge) in graph.edges.enumerated() {
            let route = layout.routes[i]
            let side = layout.boxes[edge.from].side(touchedBy: route[0]).map(Self.opposite)
            raster.add(route, leaving: side, severity: severity(edge), dashed: !edge.mtls)
        }
        let toScreen = { (p: GraphPoint) in (x: p.x - viewport.x + screen.x, y: p.y - viewport.y + screen.y) }
        drawLines(raster, into: &grid, toScreen)
        for (i, edge) in graph.edges.enumerated() {
            guard let last = layout.routes[i].last, area.contains(last),
                  let side = layout.boxes[edge.to].side(touchedBy: last) else { continue }
            let at = toScreen(last)
            grid.put(glyphs.arrowheads[Self.arrowIndex(pointing: Self.opposite(side))], x: at.x, y: at.y, style: style(severity(edge)))
        }
        var labelled = raster
        for box in layout.boxes where box.intersects(area) { labelled.claim(box) }
        for (i, edge) in graph.edges.enumerated() {
            drawLabel(edge, route: layout.routes[i], raster: &labelled, into: &grid, toScreen)
        }
        var outbound = [Double](repeating: 0, count: graph.nodes.count)
        for edge in graph.edges { outbound[edge.from] += edge.metrics.rps ?? 0 }
        for (i, node) in graph.nodes.enumerated() where layout.boxes[i].intersects(area) {
            let origin = toScreen(GraphPoint(x: layout.boxes[i].x, y: layout.boxes[i].y))
            drawBox(node, outbound: outbound[i], size: layout.boxes[i], at: origin, selected: node.id == selected, into: &grid,
                    clip: screen)
        }
    }

    /// The node drawn at cell (`x`, `y`) of the grid, for the same `screen` and `viewport` as
    /// ``draw(into:screen:viewport:selected:)``.
    public func node(atScreenX x: Int, y: Int, screen: GraphRect, viewport: GraphPoint) -> WorkloadRef? {
        guard screen.contains(GraphPoint(x: x, y: y)) else { return nil }
        return layout.node(at: GraphPoint(x: x - screen.x + viewport.x, y: y - screen.y + viewport.y))
    }

    private func severity(_ edge: MeshGraph.Edge) -> GraphLineRaster.Severity {
        GraphNodeBox.failing(edge.metrics, below: failingBelow) ? .failing : edge.mtls ? .normal : .plaintext
    }

    private func style(_ severity: GraphLineRaster.Severity) -> Style {
        switch severity {
        case .normal: return .normal
        case .plaintext: return Style(.warn)
        case .failing: return Style(.bad)
        }
    }

    private func drawLines(_ raster: GraphLineRaster, into grid: inout CellGrid, _ toScreen: (GraphPoint) -> (x: Int, y: Int)) {
        let area = raster.area
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) {
                let i = raster.index(GraphPoint(x: x, y: y))!, mask = raster.mask[i]
                guard mask != 0 else { continue }
                var glyph = glyphs.lines[Int(mask)]
                if raster.dashed[i] && mask & 12 == 0 { glyph = glyphs.dashes[0] }
                if raster.dashed[i] && mask & 3 == 0 { glyph = glyphs.dashes[1] }
                let at = toScreen(GraphPoint(x: x, y: y))
                grid.put(glyph, x: at.x, y: at.y, style: style(raster.severity[i]))
            }
        }
    }

    /// The edge's marks and rate on the longest straight run that only it uses, or its marks
    /// alone when the rate doesn't fit.
    private func drawLabel(_ edge: MeshGraph.Edge, route: [GraphPoint], raster: inout GraphLineRaster, into grid: inout CellGrid,
                           _ toScreen: (GraphPoint) -> (x: Int, y: Int)) {
        let marks = (severity(edge) == .failing ? glyphs.failed : "") + (edge.mtls ? "" : glyphs.plaintext)
        let rate = edge.metrics.rps.map(GraphNodeBox.rate)
        let full = [marks, rate ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        guard !full.isEmpty else { return }
        for text in [full, marks] where !text.isEmpty {
            let width = CharacterWidth.of(text)
            guard let start = GraphLabelSpot.find(width: width, route: route, raster: raster)
                ?? besideTheLine(width: width, route: route, raster: raster) else { continue }
            let at = toScreen(start)
            grid.put(text, x: at.x, y: at.y, style: style(severity(edge)))
            raster.claim(GraphRect(x: start.x, y: start.y, width: width, height: 1))
            return
        }
    }

    /// Top-down, where calls run down, a label that has no room on a track goes beside its line.
    private func besideTheLine(width: Int, route: [GraphPoint], raster: GraphLineRaster) -> GraphPoint? {
        layout.orientation == .topDown ? GraphLabelSpot.beside(width: width, route: route, raster: raster) : nil
    }

    private func drawBox(_ node: MeshGraph.Node, outbound: Double, size box: GraphRect, at origin: (x: Int, y: Int), selected: Bool,
                         into grid: inout CellGrid, clip: GraphRect) {
        let peer = node.role == .external || node.role == .unmeshedClients
        var border = selected ? Style(.selected, bold: true, reverse: true) : Style(.border)
        let horizontal = peer ? glyphs.dashes[0] : glyphs.lines[3], vertical = peer ? glyphs.dashes[1] : glyphs.lines[12]
        let inner = box.width - 2
        let rows = [
            glyphs.lines[10] + String(repeating: horizontal, count: inner) + glyphs.lines[9],
            vertical + String(repeating: " ", count: inner) + vertical,
            vertical + String(repeating: " ", count: inner) + vertical,
            glyphs.lines[6] + String(repeating: horizontal, count: inner) + glyphs.lines[5],
        ]
        let limit = { (x: Int) in max(0, clip.x + clip.width - x) }
        for (r, row) in rows.enumerated() where clip.contains(GraphPoint(x: clip.x, y: origin.y + r)) {
            Self.put(row, x: origin.x, y: origin.y + r, style: border, clip: clip, into: &grid)
        }
        if !selected { border = .normal }
        let title = CharacterWidth.truncate(GraphNodeBox.title(node, glyphs: glyphs), width: inner, cut: glyphs.cut)
        let failing = GraphNodeBox.failing(node.metrics, below: failingBelow)
        let health = CharacterWidth.truncate((failing ? glyphs.lowSuccess + " " : "") + GraphNodeBox.health(node.metrics, outbound: outbound),
                                             width: inner, cut: glyphs.cut)
        var healthStyle = failing ? Style(.bad) : Style(.dim)
        if selected { healthStyle = border }
        for (r, (text, style)) in [(title, border), (health, healthStyle)].enumerated() {
            let y = origin.y + 1 + r
            guard clip.contains(GraphPoint(x: clip.x, y: y)) else { continue }
            Self.put(text, x: origin.x + 1, y: y, style: style, clip: clip, into: &grid, limit: min(inner, limit(origin.x + 1)))
        }
    }

    /// Writes `text` at (`x`, `y`) of the grid, only within `clip`'s columns.
    private static func put(_ text: String, x: Int, y: Int, style: Style, clip: GraphRect, into grid: inout CellGrid,
                            limit: Int? = nil) {
        var column = x
        for character in text {
            let w = CharacterWidth.of(character)
            if let limit, column + w > x + limit { return }
            if column >= clip.x, column + w <= clip.x + clip.width { grid.put(String(character), x: column, y: y, style: style) }
            column += w
        }
    }

    static func opposite(_ d: GraphDirection) -> GraphDirection {
        switch d {
        case .left: return .right
        case .right: return .left
        case .up: return .down
        case .down: return .up
        }
    }

    static func arrowIndex(pointing d: GraphDirection) -> Int {
        GraphDirection.allCases.firstIndex(of: d)!
    }
}
