/// The graph's edges as cells of a visible area of the canvas: which directions each cell's
/// line joins, how many edges use it, and the worst state of those edges.
struct GraphLineRaster {
    /// What an edge's lines say about it, worst last.
    enum Severity: Int, Comparable {
        case normal, plaintext, failing

        static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    /// The directions' bits, as in ``Glyphs/lines``.
    static func bit(_ direction: GraphDirection) -> UInt8 {
        switch direction {
        case .left: return 1
        case .right: return 2
        case .up: return 4
        case .down: return 8
        }
    }

    let area: GraphRect
    private(set) var mask: [UInt8]
    private(set) var users: [Int]
    private(set) var severity: [Severity]
    /// Whether every edge through the cell is dashed (not mTLS-secured).
    private(set) var dashed: [Bool]

    /// An empty raster of `area`.
    init(area: GraphRect) {
        self.area = area
        let count = area.width * area.height
        mask = Array(repeating: 0, count: count)
        users = Array(repeating: 0, count: count)
        severity = Array(repeating: .normal, count: count)
        dashed = Array(repeating: true, count: count)
    }

    /// The index of canvas cell `p`, nil outside the area.
    func index(_ p: GraphPoint) -> Int? {
        area.contains(p) ? (p.y - area.y) * area.width + (p.x - area.x) : nil
    }

    /// Adds an edge's `route`, joined at its start to the side of the box it leaves.
    mutating func add(_ route: [GraphPoint], leaving side: GraphDirection?, severity level: Severity, dashed dash: Bool) {
        for (s, (a, b)) in zip(route, route.dropFirst()).enumerated() {
            let dx = (b.x - a.x).signum(), dy = (b.y - a.y).signum()
            let forward: GraphDirection = dx > 0 ? .right : dx < 0 ? .left : dy > 0 ? .down : .up
            let back: GraphDirection = [.left: .right, .right: .left, .up: .down, .down: .up][forward]!
            let steps = abs(b.x - a.x) + abs(b.y - a.y)
            for k in 0...steps {
                guard let i = index(GraphPoint(x: a.x + dx * k, y: a.y + dy * k)) else { continue }
                if k > 0 || s == 0 { mark(i, severity: level, dashed: dash) }
                if k > 0 { mask[i] |= Self.bit(back) }
                if k < steps { mask[i] |= Self.bit(forward) }
                if k == 0 && s == 0, let side { mask[i] |= Self.bit(side) }
            }
        }
    }

    /// Counts cell `i` as used by one more line, so a label avoids it.
    mutating func claimCell(_ i: Int) {
        users[i] += 1
    }

    private mutating func mark(_ i: Int, severity level: Severity, dashed dash: Bool) {
        users[i] += 1
        severity[i] = max(severity[i], level)
        dashed[i] = dashed[i] && dash
    }
}
