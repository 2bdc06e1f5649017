/// The channel between two columns: each edge segment that changes rows there, and the
/// vertical track (a column of the channel) it changes rows on.
struct GraphChannel {
    /// The track of each segment that needs one, keyed by (edge, item it leaves).
    var track: [Int: Int] = [:]
    /// Tracks in use.
    var count = 0
    /// Columns between the two columns: two for self-loops, the tracks, and one before the
    /// arrowhead, at least ``GraphLayout/minimumChannel``.
    var width: Int { max(GraphLayout.minimumChannel, count + 4) }
    /// Where the tracks start, from the channel's left: centred.
    var firstTrack: Int { 2 + (width - count - 4) / 2 }
}

extension GraphPlacement {
    /// One channel per pair of adjacent columns, with a track for every segment that changes
    /// rows, ordered so that crossings are few and no two lines run on top of each other: a
    /// segment that leaves at row r comes before (left of) every one that arrives at row r.
    func channels() -> [GraphChannel] {
        var segments = Array(repeating: [(item: Int, leave: Int, arrive: Int)](), count: max(0, layering.columns.count - 1))
        for chain in layering.chains where chain.count > 1 {
            for (a, b) in zip(chain, chain.dropFirst()) where outRow(a) != inRow(b) {
                segments[layering.layer[a]].append((a * layering.layer.count + b, outRow(a), inRow(b)))
            }
        }
        return segments.map { list in
            var channel = GraphChannel()
            for (t, i) in Self.trackOrder(list.map { ($0.leave, $0.arrive) }).enumerated() { channel.track[list[i].item] = t }
            channel.count = list.count
            return channel
        }
    }

    /// The order of `segments` (rows left and arrived at) across the tracks.
    private static func trackOrder(_ segments: [(leave: Int, arrive: Int)]) -> [Int] {
        let rank = segments.indices.sorted { i, j in
            let a = segments[i], b = segments[j]
            let ka = a.arrive > a.leave ? (0, -a.leave, -a.arrive) : (1, a.leave, a.arrive)
            let kb = b.arrive > b.leave ? (0, -b.leave, -b.arrive) : (1, b.leave, b.arrive)
            return (ka.0, ka.1, ka.2, i) < (kb.0, kb.1, kb.2, j)
        }
        var rankOf = Array(repeating: 0, count: segments.count)
        for (r, i) in rank.enumerated() { rankOf[i] = r }
        var arrivingAt: [Int: [Int]] = [:]
        for (i, s) in segments.enumerated() { arrivingAt[s.arrive, default: []].append(i) }
        var after = Array(repeating: [Int](), count: segments.count), waiting = Array(repeating: 0, count: segments.count)
        for (i, s) in segments.enumerated() {
            for j in arrivingAt[s.leave] ?? [] where j != i {
                after[i].append(j)
                waiting[j] += 1
            }
        }
        var ready = rank.filter { waiting[$0] == 0 }.reversed().map { $0 }, done = Array(repeating: false, count: segments.count)
        var order: [Int] = [], nextUnplaced = 0
        while order.count < segments.count {
            if ready.isEmpty {  // a cycle of constraints: take the best-ranked segment left
                while done[rank[nextUnplaced]] { nextUnplaced += 1 }
                ready.append(rank[nextUnplaced])
            }
            let i = ready.removeLast()
            if done[i] { continue }
            done[i] = true
            order.append(i)
            for j in after[i] where !done[j] {
                waiting[j] -= 1
                if waiting[j] == 0 {
                    let at = ready.firstIndex { rankOf[$0] < rankOf[j] } ?? ready.count
                    ready.insert(j, at: at)
                }
            }
        }
        return order
    }

    /// The corners of the line along `chain`, left to right: from the cell right of the first
    /// box, through the channels (turning on each segment's track) and across bends, to the
    /// cell left of the last box.
    func route(_ chain: [Int], channels: [GraphChannel]) -> [GraphPoint] {
        let first = chain[0], l0 = layering.layer[first]
        var points = [GraphPoint(x: columnX[l0] + sizes[first].width, y: outRow(first))]
        for (a, b) in zip(chain, chain.dropFirst()) {
            let l = layering.layer[a], channel = channels[l]
            if let t = channel.track[a * layering.layer.count + b] {
                let x = columnX[l] + columnWidth[l] + channel.firstTrack + t
                points += [GraphPoint(x: x, y: outRow(a)), GraphPoint(x: x, y: inRow(b))]
            }
        }
        let last = chain[chain.count - 1]
        points.append(GraphPoint(x: columnX[layering.layer[last]] - 1, y: inRow(last)))
        return points
    }

    /// A self-call: out of the box's right side on its first inner row, up past its top, and
    /// back down onto its top right.
    func selfLoop(_ node: Int) -> [GraphPoint] {
        let b = box(node), right = b.x + b.width
        return [GraphPoint(x: right, y: b.y + 1), GraphPoint(x: right + 1, y: b.y + 1), GraphPoint(x: right + 1, y: b.y - 1),
                GraphPoint(x: right - 2, y: b.y - 1)]
    }
}
