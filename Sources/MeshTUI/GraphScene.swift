import MeshModel

/// What the Graph page shows for one frame: the graph of the snapshot (or of the focused
/// node's neighbourhood), laid out for the page's size, reusing the last frame's layout so a
/// new snapshot with the same calls costs one comparison and a changed one moves little.
///
/// Its nodes are the page's "rows": the selection is a node, kept by identity like a table
/// row, so ``DashboardState`` moves and follows it with the same rules as in the tables.
public struct GraphScene: Sendable {
    /// The graph drawn: the whole selection, or the focused neighbourhood.
    public let graph: MeshGraph
    public let layout: GraphLayout
    /// The cells the page has for the canvas (the legend line excluded).
    public let area: GraphSize
    /// The node the view is focused on and how many hops it reaches, when focused.
    public let focus: (center: WorkloadRef, hops: Int)?
    /// The part of the canvas anything is drawn on: the boxes and the lines, without the blank
    /// margins the layout keeps round them. The viewport moves within it.
    public let bounds: GraphRect

    /// The scene of `snapshot` (none before the first) for `state`, on a page of `area` cells;
    /// `previous` is the last frame's layout.
    public init(_ snapshot: Snapshot?, state: DashboardState, glyphs: Glyphs, area: GraphSize, previous: GraphLayout?) {
        var graph = snapshot.map { MeshGraph.of($0, namespace: state.namespace) } ?? MeshGraph(nodes: [], edges: [])
        var focus: (WorkloadRef, Int)?
        if let center = state.graph.focus, graph.nodes.contains(where: { $0.id == center }) {
            graph = graph.neighbourhood(of: center, hops: state.graph.hops)
            focus = (center, state.graph.hops)
        }
        let topology = GraphCanvas.topology(of: graph, glyphs: glyphs)
        layout = switch state.graph.orientation {
        case nil: GraphLayout.make(topology, previous: previous, fitting: area)
        case let orientation?: GraphLayout.make(topology, previous: previous, orientation: orientation)
        }
        self.graph = graph
        self.area = area
        self.focus = focus
        bounds = Self.drawn(layout)
    }

    /// The smallest rectangle that holds every box and every route of `layout`.
    private static func drawn(_ layout: GraphLayout) -> GraphRect {
        let xs = layout.boxes.flatMap { [$0.x, $0.x + $0.width - 1] } + layout.routes.joined().map(\.x)
        let ys = layout.boxes.flatMap { [$0.y, $0.y + $0.height - 1] } + layout.routes.joined().map(\.y)
        guard let x = xs.min(), let y = ys.min() else { return GraphRect(x: 0, y: 0, width: 0, height: 0) }
        return GraphRect(x: x, y: y, width: xs.max()! - x + 1, height: ys.max()! - y + 1)
    }

    /// `viewport` moved as little as it takes to lie within ``bounds`` for a screen of `area`.
    public func clamped(_ viewport: GraphPoint, area: GraphSize) -> GraphPoint {
        GraphPoint(x: max(bounds.x, min(viewport.x, bounds.x + bounds.width - area.width)),
                   y: max(bounds.y, min(viewport.y, bounds.y + bounds.height - area.height)))
    }

    /// The canvas that draws this scene.
    public func canvas(glyphs: Glyphs) -> GraphCanvas {
        GraphCanvas(graph: graph, layout: layout, glyphs: glyphs)
    }

    /// The node at `index` of ``MeshGraph/nodes``, if there is one.
    public func node(at index: Int) -> MeshGraph.Node? {
        graph.nodes.indices.contains(index) ? graph.nodes[index] : nil
    }

    /// The index of the node `ref`, if it is drawn.
    public func index(of ref: WorkloadRef) -> Int? {
        graph.nodes.firstIndex { $0.id == ref }
    }

    /// The node hjkl moves to from `ref`: along the graph first (the nearest node that way among
    /// those `ref` calls or is called by: callees lie ahead, callers behind), else the nearest
    /// node that way at all.
    public func step(from ref: WorkloadRef, _ direction: GraphDirection) -> WorkloadRef? {
        guard let i = index(of: ref) else { return nil }
        let linked = Set(graph.edges.flatMap { e in e.from == i ? [e.to] : e.to == i ? [e.from] : [] }).subtracting([i])
        return layout.neighbour(of: ref, direction: direction, among: linked.map { graph.nodes[$0].id })
            ?? layout.neighbour(of: ref, direction: direction)
    }

    /// Where the canvas goes within a page rectangle `page`: at its top left when the canvas is
    /// larger (the view pans), centred on the axes where it is smaller.
    public func screen(in page: GraphRect) -> GraphRect {
        let (w, h) = (min(bounds.width, page.width), min(bounds.height, page.height))
        return GraphRect(x: page.x + (page.width - w) / 2, y: page.y + (page.height - h) / 2, width: w, height: h)
    }

    /// The nodes whose names hold `text` (case-insensitive; `namespace/name` when it has a
    /// slash), in the graph's order.
    public func matches(_ text: String) -> [Int] {
        let needle = text.lowercased(), qualified = text.contains("/")
        guard !needle.isEmpty else { return [] }
        return graph.nodes.indices.filter { i in
            let id = graph.nodes[i].id
            return (qualified ? id.namespace + "/" + id.name : id.name).lowercased().contains(needle)
        }
    }
}
