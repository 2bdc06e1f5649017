import MeshModel

/// What the graph layout depends on: the nodes, the size of each node's box and the edges.
///
/// Rates are not part of it, so a snapshot with new rates but the same calls has an equal
/// topology, and ``GraphLayout/make(_:previous:)`` returns the previous layout unchanged.
public struct GraphTopology: Hashable, Sendable {
    /// One edge, as indices into ``nodes``: calls from `from` to `to`.
    public struct Link: Hashable, Sendable {
        public var from: Int
        public var to: Int

        /// The edge from node `from` to node `to`.
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    /// The nodes, each named once.
    public var nodes: [WorkloadRef]
    /// Each node's box: `width` x `height` cells (at least 3 x 3).
    public var sizes: [GraphSize]
    /// The edges; a self-call has `from == to`.
    public var links: [Link]

    /// A topology of `nodes`, their box `sizes` (one per node) and `links`.
    public init(nodes: [WorkloadRef], sizes: [GraphSize], links: [Link]) {
        precondition(nodes.count == sizes.count, "one size per node")
        self.nodes = nodes
        self.sizes = sizes
        self.links = links
    }
}

/// The size of a node's box in cells.
public struct GraphSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    /// A box of `width` x `height` cells.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
