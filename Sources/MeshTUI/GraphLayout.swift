import MeshModel

/// Where the Graph view draws each node and edge: a layered (Sugiyama-style) layout on a
/// virtual canvas larger than the screen, left to right or top-down (``GraphOrientation``).
///
/// Callers go before their callees (left of them, or above); cycles are broken by drawing a
/// closing edge backwards. Each layer is a column (or row) of boxes, and between two layers is
/// a channel in which every edge that moves along the layers gets its own track. A self-call
/// is a small loop in the gap beside its box: over its top right corner left to right, round
/// its bottom left corner top-down.
///
/// Pure and deterministic. Given the previous layout, an unchanged topology in the same
/// orientation returns it as it is (a rate change costs one comparison), and anything else
/// keeps every surviving node in its layer and in its order within the layer.
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
    /// Each node's layer, first (left, or top) to last.
    public let layers: [Int]
    /// The items of each layer, first (top, or left) to last.
    public let columns: [[ItemKey]]
    /// The canvas: every box and route lies within `0..<width`, `0..<height`.
    public let size: GraphSize
    /// Which way the layers run.
    public let orientation: GraphOrientation
    /// Whether the channels keep room for a rate label where each line leaves and arrives
    /// (left to right, where labels have no room otherwise): a wider canvas, for wide screens.
    public let labelled: Bool

    /// Cells a labelled channel keeps straight on each side of its tracks: `✗ 12.0rps` and a
    /// line cell on each side.
    static let labelRoom = 11

    /// The layout of `topology` in `orientation`, `labelled` or compact; `previous` (the last
    /// layout shown) keeps it stable.
    public static func make(_ topology: GraphTopology, previous: GraphLayout? = nil,
                            orientation: GraphOrientation = .leftToRight, labelled: Bool = false) -> GraphLayout {
        if let previous, previous.topology == topology, previous.orientation == orientation, previous.labelled == labelled {
            return previous
        }
        return GraphLayout(topology, previous: previous, orientation: orientation, labelled: labelled)
    }

    private init(_ topology: GraphTopology, previous: GraphLayout?, orientation: GraphOrientation, labelled: Bool) {
        let layering = GraphLayering(topology, previous: previous)
        let n = topology.nodes.count
        var placement = GraphPlacement(layering, sizes: topology.sizes, orientation: orientation,
                                       labelRoom: labelled ? Self.labelRoom : 0)
        placement.placeAcross()
        let tracks = placement.tracks()
        placement.placeLayers(tracks.channels)
        self.topology = topology
        self.orientation = orientation
        self.labelled = labelled
        boxes = (0..<n).map { placement.box($0) }
        routes = topology.links.indices.map { i in
            let link = topology.links[i]
            if link.from == link.to { return placement.selfLoop(link.from) }
            let route = placement.route(link: i, tracks: tracks)
            return layering.reversed[i] ? route.reversed() : route
        }
        layers = Array(layering.layer.prefix(n))
        columns = layering.columns.map { $0.map(layering.key) }
        size = placement.canvasSize
    }
}
