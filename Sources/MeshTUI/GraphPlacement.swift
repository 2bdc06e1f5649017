/// The coordinates step of the layout: rows for the items of each column, then the columns' x
/// once the channels between them are known.
struct GraphPlacement {
    let layering: GraphLayering
    let sizes: [GraphSize]
    /// The top row of each item.
    private(set) var top: [Int]
    /// The left column of each layer, and its width (its widest box).
    private(set) var columnX: [Int] = []
    let columnWidth: [Int]

    /// Blank rows around every item: room for a self-call's loop above a box.
    static let gap = 1

    init(_ layering: GraphLayering, sizes: [GraphSize]) {
        self.layering = layering
        self.sizes = sizes
        top = Array(repeating: 0, count: layering.layer.count)
        columnWidth = layering.columns.map { column in
            max(1, column.map { $0 < sizes.count ? sizes[$0].width : 1 }.max() ?? 1)
        }
    }

    func height(_ item: Int) -> Int { item < sizes.count ? sizes[item].height : 1 }

    /// The row where edges come in: the box's first inner row (a bend's only row).
    func inRow(_ item: Int) -> Int { top[item] + (height(item) > 2 ? 1 : 0) }

    /// The row where edges leave: the box's last inner row.
    func outRow(_ item: Int) -> Int { top[item] + (height(item) > 2 ? height(item) - 2 : 0) }

    /// Stacks each column top to bottom, each item as close as it can get to the rows its
    /// callers' edges leave at, so a chain of single calls is a straight line.
    mutating func placeRows() {
        var preds = Array(repeating: [Int](), count: top.count)
        for chain in layering.chains where chain.count > 1 {
            for (a, b) in zip(chain, chain.dropFirst()) { preds[b].append(a) }
        }
        for column in layering.columns {
            var free = Self.gap
            for item in column {
                let offset = inRow(item) - top[item]
                let wanted = preds[item].isEmpty ? free : preds[item].reduce(0) { $0 + outRow($1) - offset } / preds[item].count
                top[item] = max(free, wanted)
                free = top[item] + height(item) + Self.gap
            }
        }
    }

    /// Sets each column's x: after the previous column and the channel after it.
    mutating func placeColumns(_ channels: [GraphChannel]) {
        var x = 0
        columnX = columnWidth.indices.map { l in
            defer { x += columnWidth[l] + (l < channels.count ? channels[l].width : 0) }
            return x
        }
    }

    /// Node `node`'s box.
    func box(_ node: Int) -> GraphRect {
        GraphRect(x: columnX[layering.layer[node]], y: top[node], width: sizes[node].width, height: sizes[node].height)
    }

    /// Everything drawn: the columns, and a blank row and column for loops.
    var canvasSize: GraphSize {
        let bottom = top.indices.map { top[$0] + height($0) }.max() ?? 0
        return GraphSize(width: (columnX.last ?? 0) + (columnWidth.last ?? 0) + 2, height: bottom + Self.gap)
    }
}
