/// Which way the layered layout runs: callers left of their callees, or above them.
public enum GraphOrientation: Hashable, Sendable {
    case leftToRight, topDown
}

/// The layout's own axes, in which placement and routing work: the main axis runs along the
/// calls, layer after layer (x left to right, y top-down), the cross axis along a layer.
extension GraphOrientation {
    /// The canvas cell at `main` along the calls and `cross` along a layer.
    func point(main: Int, cross: Int) -> GraphPoint {
        self == .leftToRight ? GraphPoint(x: main, y: cross) : GraphPoint(x: cross, y: main)
    }

    /// The canvas size of `main` by `cross` cells.
    func size(main: Int, cross: Int) -> GraphSize {
        self == .leftToRight ? GraphSize(width: main, height: cross) : GraphSize(width: cross, height: main)
    }

    /// How many cells `size` spans along the calls.
    func main(_ size: GraphSize) -> Int { self == .leftToRight ? size.width : size.height }

    /// How many cells `size` spans along a layer.
    func cross(_ size: GraphSize) -> Int { self == .leftToRight ? size.height : size.width }

    /// Blank cells between two items of a layer: room for a self-call's loop beside a box, and
    /// top-down one more, so that the loop is not taken for a call from the neighbour.
    var gap: Int { self == .leftToRight ? 1 : 2 }

    /// The smallest channel between two layers. Left to right it has room for an edge label on
    /// the line; top-down a label goes on a track or beside the line, so a few rows do.
    var minimumChannel: Int { self == .leftToRight ? 10 : 4 }

    /// Where edges come into an item that spans `extent` cells along its layer, from its start:
    /// left to right the box's first inner row, top-down its middle column.
    func entry(across extent: Int) -> Int {
        self == .leftToRight ? (extent > 2 ? 1 : 0) : extent / 2
    }

    /// Where edges leave: left to right the box's last inner row (a self-call's loop takes the
    /// first), top-down the middle column, so a chain of single calls is a straight line.
    func exit(across extent: Int) -> Int {
        self == .leftToRight ? (extent > 2 ? extent - 2 : 0) : extent / 2
    }
}
