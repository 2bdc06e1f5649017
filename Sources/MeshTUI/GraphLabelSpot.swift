/// Where an edge's label fits: on a horizontal run of cells that only its line uses, straight
/// (no corner or junction) and not already labelled; or beside a vertical one.
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

    /// The first cell of a label of `width` cells right of the longest vertical run of `route`
    /// (centred) whose cells only its line uses, straight, with the label and a blank cell on
    /// each side of it clear of lines, boxes and labels; nil when there is none.
    static func beside(width: Int, route: [GraphPoint], raster: GraphLineRaster) -> GraphPoint? {
        func clear(_ p: GraphPoint) -> Bool {
            guard let i = raster.index(p), raster.users[i] == 1, raster.mask[i] == 12 else { return false }
            return (1...(width + 2)).allSatisfy { dx in
                raster.index(GraphPoint(x: p.x + dx, y: p.y)).map { raster.users[$0] == 0 && raster.mask[$0] == 0 } ?? false
            }
        }
        var best: (start: GraphPoint, length: Int)?
        for (a, b) in zip(route, route.dropFirst()) where a.x == b.x {
            var run: (start: GraphPoint, length: Int)?
            for y in stride(from: min(a.y, b.y), through: max(a.y, b.y), by: 1) {
                let p = GraphPoint(x: a.x, y: y)
                run = clear(p) ? run.map { ($0.start, $0.length + 1) } ?? (p, 1) : nil
                if let run, run.length > best?.length ?? 0 { best = run }
            }
        }
        return best.map { GraphPoint(x: $0.start.x + 2, y: $0.start.y + ($0.length - 1) / 2) }
    }
}

extension GraphLineRaster {
    /// Marks the cells of `rect` (a label or a box) as used, so no label goes there.
    mutating func claim(_ rect: GraphRect) {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) {
                if let i = index(GraphPoint(x: x, y: y)) { claimCell(i) }
            }
        }
    }
}
