import MeshModel

/// Finding nodes in a layout: by cell (for the mouse), by direction (for hjkl), and the
/// canvas's bounds (for panning).
extension GraphLayout {
    /// The whole canvas, from (0, 0).
    public var bounds: GraphRect { GraphRect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The box of `node`, nil when it is not in the layout.
    public func box(of node: WorkloadRef) -> GraphRect? {
        topology.nodes.firstIndex(of: node).map { boxes[$0] }
    }

    /// The node whose box holds canvas cell `point`.
    public func node(at point: GraphPoint) -> WorkloadRef? {
        boxes.firstIndex { $0.contains(point) }.map { topology.nodes[$0] }
    }

    /// The nearest node in `direction` from `node`'s box (among `candidates`, when given): its
    /// centre further that way, and the least off to the side (sideways distance counts
    /// double); ties go to the first node.
    public func neighbour(of node: WorkloadRef, direction: GraphDirection, among candidates: [WorkloadRef]? = nil) -> WorkloadRef? {
        guard let from = box(of: node) else { return nil }
        let (cx, cy) = (2 * from.x + from.width, 2 * from.y + from.height)
        let allowed = candidates.map(Set.init)
        var best: (cost: Int, index: Int)?
        for (i, b) in boxes.enumerated() where allowed?.contains(topology.nodes[i]) ?? true {
            let dx = 2 * b.x + b.width - cx, dy = 2 * b.y + b.height - cy
            let (ahead, aside): (Int, Int)
            switch direction {
            case .left: (ahead, aside) = (-dx, dy)
            case .right: (ahead, aside) = (dx, dy)
            case .up: (ahead, aside) = (-dy, dx)
            case .down: (ahead, aside) = (dy, dx)
            }
            guard ahead > 0 else { continue }
            let cost = ahead + 2 * abs(aside)
            if best.map({ cost < $0.cost }) ?? true { best = (cost, i) }
        }
        return best.map { topology.nodes[$0.index] }
    }
}
