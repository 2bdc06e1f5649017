/// Crossing reduction: the order of the items within each layer.
extension GraphLayering {
    /// How many barycenter sweeps, forwards then backwards over the layers, a fresh layout gets.
    static let sweeps = 4

    /// Orders each layer's items. Without a previous layout: barycenter sweeps forwards (by
    /// callers) and backwards (by callees), ties kept in their current order. With one: the items it had stay in its order and the
    /// new ones are slotted in at their barycenter, so nothing old moves past anything old.
    mutating func order(prior: [GraphLayout.ItemKey: (layer: Int, position: Int)]) {
        var position = Array(repeating: 0, count: layer.count)
        for column in columns { for (p, item) in column.enumerated() { position[item] = p } }
        if prior.isEmpty {
            let callees = GraphNeighbours(chains, count: layer.count, callers: false)
            for _ in 0..<Self.sweeps {
                for l in columns.indices.dropFirst() { Self.sort(&columns[l], by: callers, position: &position) }
                for l in columns.indices.reversed().dropFirst() { Self.sort(&columns[l], by: callees, position: &position) }
            }
        } else {
            for l in columns.indices {
                let callers = callers
                columns[l] = merged(columns[l], layer: l, prior: prior) { Self.barycenter($0, callers, position) }
                for (p, item) in columns[l].enumerated() { position[item] = p }
            }
        }
    }

    /// The mean position of `item`'s `neighbours`; nil when it has none.
    private static func barycenter(_ item: Int, _ neighbours: GraphNeighbours, _ position: [Int]) -> Double? {
        let count = neighbours.count(item)
        return count == 0 ? nil : Double(neighbours.sum(item) { position[$0] }) / Double(count)
    }

    /// Sorts `column` by its items' barycenters over `neighbours` and updates their positions;
    /// ties keep their order, and an item without a barycenter keeps its place relative to the
    /// others (it takes the one before it).
    ///
    /// Barycenters are positions in the neighbouring layer and most are whole (a bend has one
    /// neighbour), so a counting sort on the whole part and an insertion sort within each part
    /// does it in about linear time.
    private static func sort(_ column: inout [Int], by neighbours: GraphNeighbours, position: inout [Int]) {
        var last = 0.0
        let barycenters = column.map { item in
            last = barycenter(item, neighbours, position) ?? last
            return last
        }
        var start = Array(repeating: 0, count: Int(barycenters.max() ?? 0) + 2)
        for b in barycenters { start[Int(b) + 1] += 1 }
        for part in start.indices.dropFirst() { start[part] += start[part - 1] }
        var places = Array(repeating: 0, count: column.count), next = start
        for (p, b) in barycenters.enumerated() {
            places[next[Int(b)]] = p
            next[Int(b)] += 1
        }
        for part in start.indices.dropLast() where start[part + 1] - start[part] > 1 {
            for i in (start[part] + 1)..<start[part + 1] {
                let p = places[i]
                var j = i
                while j > start[part], barycenters[places[j - 1]] > barycenters[p] {
                    places[j] = places[j - 1]
                    j -= 1
                }
                places[j] = p
            }
        }
        let old = column
        for (q, p) in places.enumerated() {
            column[q] = old[p]
            position[old[p]] = q
        }
    }

    /// The items of layer `l` that were in it before, in their old order, with the new ones
    /// inserted before the first old item whose barycenter is larger.
    private func merged(_ items: [Int], layer l: Int, prior: [GraphLayout.ItemKey: (layer: Int, position: Int)],
                        by barycenter: (Int) -> Double?) -> [Int] {
        var old: [(position: Int, item: Int)] = [], new: [(Double, Int, Int)] = []
        for (p, item) in items.enumerated() {
            if let place = prior[key(item)], place.layer == l {
                old.append((place.position, item))
            } else {
                new.append((barycenter(item) ?? .infinity, p, item))
            }
        }
        old.sort { $0.position < $1.position }
        new.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var out: [Int] = [], next = 0, last = -Double.infinity
        for (_, item) in old {
            last = barycenter(item) ?? last
            while next < new.count, new[next].0 < last {
                out.append(new[next].2)
                next += 1
            }
            out.append(item)
        }
        return out + new[next...].map(\.2)
    }
}
