/// The channel between two layers: the tracks (columns of the channel left to right, rows
/// top-down) on which its segments move along the layers.
struct GraphChannel {
    /// Tracks in use.
    var count: Int
    /// The smallest width: ``GraphOrientation/minimumChannel``.
    var minimum: Int
    /// Straight cells kept before the first track and after the last, for a label on a line
    /// that leaves or arrives there (0: none kept).
    var labelRoom = 0
    /// Cells between the two layers: two for self-loops, the tracks, and one before the
    /// arrowhead (with the label room on both sides), at least `minimum`.
    var width: Int { max(minimum, count + 4 + 2 * labelRoom) }
    /// Where the tracks start, from the channel's left: centred.
    var firstTrack: Int { 2 + (width - count - 4) / 2 }
}

/// Every channel, and the track of each chain segment that moves along the layers.
struct GraphTracks {
    var channels: [GraphChannel]
    /// Per segment, chain after chain: its track in its channel, nil when it goes straight.
    var track: [Int?]
    /// Where each chain's segments start in `track`.
    let firstSegment: [Int]

    /// The track of segment `k` (from item `k` to item `k + 1`) of link `link`'s chain.
    func track(link: Int, segment k: Int) -> Int? { track[firstSegment[link] + k] }
}

extension GraphPlacement {
    /// One channel per pair of adjacent layers, with a track for every segment that does not
    /// go straight, ordered so that crossings are few and no two lines run on top of each
    /// other: a segment that leaves at row (or column) r comes before every one that arrives at r.
    func tracks() -> GraphTracks {
        var firstSegment: [Int] = [], segmentCount = 0
        for chain in layering.chains {
            firstSegment.append(segmentCount)
            segmentCount += max(0, chain.count - 1)
        }
        var segments = Array(repeating: [(segment: Int, leave: Int, arrive: Int)](), count: max(0, layering.columns.count - 1))
        for (i, chain) in layering.chains.enumerated() where chain.count > 1 {
            for k in 1..<chain.count where outCross(chain[k - 1]) != inCross(chain[k]) {
                segments[layering.layer[chain[k - 1]]].append((firstSegment[i] + k - 1, outCross(chain[k - 1]), inCross(chain[k])))
            }
        }
        var tracks = GraphTracks(channels: [], track: Array(repeating: nil, count: segmentCount), firstSegment: firstSegment)
        tracks.channels = segments.map { list in
            for (t, i) in Self.trackOrder(list.map { ($0.leave, $0.arrive) }).enumerated() { tracks.track[list[i].segment] = t }
            return GraphChannel(count: list.count, minimum: orientation.minimumChannel, labelRoom: labelRoom)
        }
        shareLines(&tracks)
        return tracks
    }

    /// Gives calls between the same two items of adjacent layers (a call and the reversed call
    /// back) one line, on the last track either was given: their ends meet anyway.
    private func shareLines(_ tracks: inout GraphTracks) {
        var byEnds: [[Int]: [Int]] = [:]
        for (i, chain) in layering.chains.enumerated() where chain.count == 2 { byEnds[chain, default: []].append(i) }
        for links in byEnds.values where links.count > 1 {
            let shared = links.compactMap { tracks.track(link: $0, segment: 0) }.max()
            for i in links { tracks.track[tracks.firstSegment[i]] = shared }
        }
    }

    /// The order of `segments` (where along the layers they leave and arrive) across the
    /// tracks, first to last: next is always the best-ranked segment that every segment
    /// arriving where it leaves is already before.
    private static func trackOrder(_ segments: [(leave: Int, arrive: Int)]) -> [Int] {
        let rank = segments.indices.sorted { i, j in  // onwards (down, or right) first, those leaving furthest on first
            let a = segments[i], b = segments[j], onwards = a.arrive > a.leave
            if onwards != (b.arrive > b.leave) { return onwards }
            if a.leave != b.leave { return onwards == (a.leave > b.leave) }
            if a.arrive != b.arrive { return onwards == (a.arrive > b.arrive) }
            return i < j
        }
        var rankOf = Array(repeating: 0, count: segments.count)
        for (r, i) in rank.enumerated() { rankOf[i] = r }
        let byArrival = segments.indices.sorted { i, j in
            segments[i].arrive != segments[j].arrive ? segments[i].arrive < segments[j].arrive : i < j
        }
        let arrivals = byArrival.map { segments[$0].arrive }
        func firstArrival(atOrAfter position: Int) -> Int {
            var low = 0, high = arrivals.count
            while low < high {
                let middle = (low + high) / 2
                if arrivals[middle] < position { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // Per segment: where the segments arriving where it leaves are in `byArrival`.
        let arrivingWhereLeaving = segments.map { firstArrival(atOrAfter: $0.leave)..<firstArrival(atOrAfter: $0.leave + 1) }
        var waiting = Array(repeating: 0, count: segments.count)
        for (i, range) in arrivingWhereLeaving.enumerated() {
            for j in byArrival[range] where j != i { waiting[j] += 1 }
        }
        var ready = GraphRankQueue(), done = Array(repeating: false, count: segments.count)
        for r in rank.indices where waiting[rank[r]] == 0 { ready.push(r) }
        var order: [Int] = [], nextUnplaced = 0
        order.reserveCapacity(segments.count)
        while order.count < segments.count {
            if ready.isEmpty {  // a cycle of constraints: take the best-ranked segment left
                while done[rank[nextUnplaced]] { nextUnplaced += 1 }
                ready.push(nextUnplaced)
            }
            let i = rank[ready.popLowest()]
            if done[i] { continue }
            done[i] = true
            order.append(i)
            for j in byArrival[arrivingWhereLeaving[i]] where j != i && !done[j] {
                waiting[j] -= 1
                if waiting[j] == 0 { ready.push(rankOf[j]) }
            }
        }
        return order
    }

    /// The corners of link `link`'s line along its chain, from the layout's start to its end:
    /// from the cell past the first box, through the channels (turning on each segment's
    /// track) and across bends, to the cell before the last box.
    func route(link: Int, tracks: GraphTracks) -> [GraphPoint] {
        let chain = layering.chains[link], first = chain[0], last = chain[chain.count - 1]
        var points = [orientation.point(main: mainStart(first) + mainExtent(first), cross: outCross(first))]
        for (k, (a, b)) in zip(chain, chain.dropFirst()).enumerated() {
            guard let t = tracks.track(link: link, segment: k) else { continue }
            let l = layering.layer[a], main = layerStart[l] + layerDepth[l] + tracks.channels[l].firstTrack + t
            points += [orientation.point(main: main, cross: outCross(a)), orientation.point(main: main, cross: inCross(b))]
        }
        points.append(orientation.point(main: mainStart(last) - 1, cross: inCross(last)))
        return points
    }

    /// A self-call: out of the box's far side (right, or bottom) next to its near corner, round
    /// into the gap before the box, and back onto its side there. Left to right that is over
    /// the box's top right corner; top-down round its bottom left corner.
    func selfLoop(_ node: Int) -> [GraphPoint] {
        let end = mainStart(node) + mainExtent(node), start = crossStart[node]
        return [(end, start + 1), (end + 1, start + 1), (end + 1, start - 1), (end - 2, start - 1)].map {
            orientation.point(main: $0.0, cross: $0.1)
        }
    }
}
