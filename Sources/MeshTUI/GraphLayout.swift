import MeshModel

/// Where the Graph view draws each node and edge: a layered (Sugiyama-style) left-to-right
/// layout on a virtual canvas larger than the screen.
///
/// Callers go left to right; cycles are broken by drawing a closing edge right to left. Each
/// layer is a column of boxes separated by channels in which every edge that changes rows gets
/// its own vertical track. A self-call is a small loop over its box's top right corner.
///
/// Pure and deterministic. Given the previous layout, an unchanged topology returns it as it
/// is (a rate change costs one comparison), and a changed one keeps every surviving node in its
/// layer and in its order within the layer.
public struct GraphLayout: Equatable, Sendable {
    /// What identifies an item of a layer across layouts: a node, or the bend of an edge that
    /// spans several layers where it passes through `layer`.
    public enum ItemKey: Hashable, Sendable {
        case node(WorkloadRef)
        case bend(from: WorkloadRef, to: WorkloadRef, layer: Int)
    }

    /// What was laid out.
    public let topology: GraphTopology
    /// Each node's box, in the order of ``GraphTopology/nodes``.
    public let boxes: [GraphRect]
    /// Each edge's route, in the order of ``GraphTopology/links``: the corners of an orthogonal
    /// line from the cell next to the source's box to the cell next to the destination's box,
    /// where the arrowhead goes.
    public let routes: [[GraphPoint]]
    /// Each node's layer (column), left to right.
    public let layers: [Int]
    /// The items of each layer, top to bottom.
    public let columns: [[ItemKey]]
    /// The canvas: every box and route lies within `0..<width`, `0..<height`.
    public let size: GraphSize

    /// The smallest channel between two columns: room for an edge label.
    static let minimumChannel = 10

    /// The layout of `topology`; `previous` (the last layout shown) keeps it stable.
    public static func make(_ topology: GraphTopology, previous: GraphLayout? = nil) -> GraphLayout {
        if let previous, previous.topology == topology { return previous }
        return GraphLayout(topology, previous: previous)
    }

    private init(_ topology: GraphTopology, previous: GraphLayout?) {
        let layering = GraphLayering(topology, previous: previous)
        let n = topology.nodes.count
        var placement = GraphPlacement(layering, sizes: topology.sizes)
        placement.placeRows()
        let channels = placement.channels()
        placement.placeColumns(channels)
        self.topology = topology
        boxes = (0..<n).map { placement.box($0) }
        routes = topology.links.indices.map { i in
            let link = topology.links[i]
            if link.from == link.to { return placement.selfLoop(link.from) }
            let route = placement.route(layering.chains[i], channels: channels)
            return layering.reversed[i] ? route.reversed() : route
        }
        layers = Array(layering.layer.prefix(n))
        columns = layering.columns.map { $0.map { layering.keys[$0] } }
        size = placement.canvasSize
    }
}
