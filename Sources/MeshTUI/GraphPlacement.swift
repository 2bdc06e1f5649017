/// The coordinates step of the layout, in the orientation's axes (``GraphOrientation``): where
/// each item lies along its layer, then where each layer lies along the calls once the
/// channels between them are known.
struct GraphPlacement {
    let layering: GraphLayering
    let sizes: [GraphSize]
    let orientation: GraphOrientation
    /// Cells kept straight on each side of a channel's tracks (``GraphChannel/labelRoom``).
    let labelRoom: Int
    /// Where each item starts along its layer (its top row left to right, its left column top-down).
    private(set) var crossStart: [Int]
    /// Where each layer starts along the calls, and how deep it is (its deepest box).
    private(set) var layerStart: [Int] = []
    let layerDepth: [Int]

    init(_ layering: GraphLayering, sizes: [GraphSize], orientation: GraphOrientation, labelRoom: Int = 0) {
        self.layering = layering
        self.sizes = sizes
        self.orientation = orientation
        self.labelRoom = labelRoom
        crossStart = Array(repeating: 0, count: layering.layer.count)
        layerDepth = layering.columns.map { column in
            max(1, column.map { $0 < sizes.count ? orientation.main(sizes[$0]) : 1 }.max() ?? 1)
        }
    }

    /// How many cells `item` spans along the calls (a bend one).
    func mainExtent(_ item: Int) -> Int { item < sizes.count ? orientation.main(sizes[item]) : 1 }

    /// How many cells `item` spans along its layer (a bend one).
    func crossExtent(_ item: Int) -> Int { item < sizes.count ? orientation.cross(sizes[item]) : 1 }

    /// Where along the layers edges come into `item`.
    func inCross(_ item: Int) -> Int { crossStart[item] + orientation.entry(across: crossExtent(item)) }

    /// Where along the layers edges leave `item`.
    func outCross(_ item: Int) -> Int { crossStart[item] + orientation.exit(across: crossExtent(item)) }

    /// Lines each layer up, each item as close as it can get to where its callers' edges
    /// leave, so a chain of single calls is a straight line.
    mutating func placeAcross() {
        let callers = layering.callers
        for column in layering.columns {
            var free = orientation.gap
            for item in column {
                let offset = inCross(item) - crossStart[item], count = callers.count(item)
                let wanted = count == 0 ? free : callers.sum(item) { outCross($0) - offset } / count
                crossStart[item] = max(free, wanted)
                free = crossStart[item] + crossExtent(item) + orientation.gap
            }
        }
    }

    /// Sets where each layer starts: after the previous layer and the channel after it.
    mutating func placeLayers(_ channels: [GraphChannel]) {
        var main = 0
        layerStart = layerDepth.indices.map { l in
            defer { main += layerDepth[l] + (l < channels.count ? channels[l].width : 0) }
            return main
        }
    }

    /// Where `item` starts along the calls.
    func mainStart(_ item: Int) -> Int { layerStart[layering.layer[item]] }

    /// Node `node`'s box.
    func box(_ node: Int) -> GraphRect {
        let corner = orientation.point(main: mainStart(node), cross: crossStart[node])
        return GraphRect(x: corner.x, y: corner.y, width: sizes[node].width, height: sizes[node].height)
    }

    /// Everything drawn: the layers, two cells past the last for loops, and a blank cell
    /// across past the last item.
    var canvasSize: GraphSize {
        let crossEnd = crossStart.indices.map { crossStart[$0] + crossExtent($0) }.max() ?? 0
        return orientation.size(main: (layerStart.last ?? 0) + (layerDepth.last ?? 0) + 2, cross: crossEnd + orientation.gap)
    }
}
