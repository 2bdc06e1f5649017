/// A cell position on the graph's virtual canvas: column `x`, row `y`.
public struct GraphPoint: Hashable, Sendable {
    public var x: Int
    public var y: Int

    /// The point at column `x`, row `y`.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells on the graph's virtual canvas: `x..<x + width`, `y..<y + height`.
public struct GraphRect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    /// The rectangle at (`x`, `y`) of `width` x `height` cells.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Whether the cell `point` lies inside.
    public func contains(_ point: GraphPoint) -> Bool {
        point.x >= x && point.x < x + width && point.y >= y && point.y < y + height
    }

    /// Whether the two rectangles share a cell.
    public func intersects(_ other: GraphRect) -> Bool {
        x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
    }

    /// The side of the rectangle that `point`, a cell just outside it, is next to; nil when it
    /// is not next to one (inside, diagonal or further away).
    public func side(touchedBy point: GraphPoint) -> GraphDirection? {
        let withinRows = point.y >= y && point.y < y + height
        let withinColumns = point.x >= x && point.x < x + width
        if withinRows && point.x == x - 1 { return .left }
        if withinRows && point.x == x + width { return .right }
        if withinColumns && point.y == y - 1 { return .up }
        if withinColumns && point.y == y + height { return .down }
        return nil
    }
}

/// A direction on the canvas: for a box's sides, arrowheads and moving between nodes.
public enum GraphDirection: Hashable, Sendable, CaseIterable {
    case left, right, up, down
}
