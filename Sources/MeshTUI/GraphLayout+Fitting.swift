import MeshModel

/// Choosing the orientation for the screen.
extension GraphLayout {
    /// The layout that fits a screen of `screen` cells better: left to right, with room for
    /// every rate label when that still fits the screen whole, else compact unless top-down
    /// leaves less of the canvas outside the screen (less panning). Once chosen, previous's
    /// orientation is kept while the topology only changes slightly (``isSlightChange(from:to:)``),
    /// so the picture doesn't flip on every new node; pass no `previous` to choose afresh.
    public static func make(_ topology: GraphTopology, previous: GraphLayout?, fitting screen: GraphSize) -> GraphLayout {
        if let previous, previous.topology == topology || isSlightChange(from: previous.topology, to: topology) {
            let kept = make(topology, previous: previous, orientation: previous.orientation, labelled: previous.labelled)
            guard kept.labelled, kept.cellsOutside(screen) > 0 else { return kept }
            return make(topology, previous: previous, orientation: kept.orientation)  // the screen got smaller
        }
        let roomy = make(topology, previous: previous, orientation: .leftToRight, labelled: true)
        if roomy.cellsOutside(screen) == 0 { return roomy }
        let across = make(topology, previous: previous, orientation: .leftToRight)
        let down = make(topology, previous: previous, orientation: .topDown)
        return down.cellsOutside(screen) < across.cellsOutside(screen) ? down : across
    }

    /// How many cells of the canvas lie outside a screen of `screen` cells.
    public func cellsOutside(_ screen: GraphSize) -> Int {
        size.width * size.height - min(size.width, screen.width) * min(size.height, screen.height)
    }

    /// Whether `new` differs from `old` by a few nodes and calls at most: a tenth of them, or two.
    public static func isSlightChange(from old: GraphTopology, to new: GraphTopology) -> Bool {
        func slight<Element>(_ a: Set<Element>, _ b: Set<Element>) -> Bool {
            a.symmetricDifference(b).count <= max(2, max(a.count, b.count) / 10)
        }
        func calls(_ t: GraphTopology) -> Set<[WorkloadRef]> { Set(t.links.map { [t.nodes[$0.from], t.nodes[$0.to]] }) }
        return slight(Set(old.nodes), Set(new.nodes)) && slight(calls(old), calls(new))
    }
}
