/// Where an edge's label fits: a horizontal run of cells that only its line uses, straight
/// (no corner or junction) and not already labelled.
enum GraphLabelSpot {
    /// The first cell of the longest such run of `route` within the raster, centred, when it has
    /// room for `width` cells and a line cell on each side; nil otherwise.
    static func find(width: Int, route: [GraphPoint], raster: GraphLineRaster) -> GraphPoint? {
        var best: (start: GraphPoint, length: Int)?
        for (a, b) in zip(route, route.dropFirst()) where a.y == b.y {
            var run: (start: GraphPoint, length: Int)?
            for x in stride(from: min(a.x, b.x), through: max(a.x, b.x), by: 1) {
                let p = GraphPoint(x: x, y: a.y)
                if let i = raster.index(p), raster.users[i] == 1, raster.mask[i] == 3 {
                    run = run.map { ($0.start, $0.length + 1) } ?? (p, 1)
                    if run!.length > best?.length ?? 0 { best = run }
                } else {
                    run = nil
                }
            }
        }
        guard let best, best.length >= width + 2 else { return nil }
        return GraphPoint(x: best.start.x + (best.length - width) / 2, y: best.start.y)
    }
}

extension GraphLineRaster {
    /// Marks the cells of `rect` as used by a label, so no other label goes there.
    mutating func claim(_ rect: GraphRect) {
        for x in rect.x..<(rect.x + rect.width) {
            if let i = index(GraphPoint(x: x, y: rect.y)) { claimCell(i) }
        }
    }
}
