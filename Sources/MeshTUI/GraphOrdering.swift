/// Crossing reduction: the order of the items within each layer.
extension GraphLayering {
    /// How many down-and-up barycenter sweeps a fresh layout gets.
    static let sweeps = 4

    /// Orders each layer's items. Without a previous layout: barycenter sweeps down and up,
    /// ties kept in their current order. With one: the items it had stay in its order and the
    /// new ones are slotted in at their barycenter, so nothing old moves past anything old.
    mutating func order(prior: [GraphLayout.ItemKey: (layer: Int, position: Int)]) {
        var preds = Array(repeating: [Int](), count: layer.count), succs = preds
        for chain in chains where chain.count > 1 {
            for (a, b) in zip(chain, chain.dropFirst()) {
                succs[a].append(b)
                preds[b].append(a)
            }
        }
        var position = Array(repeating: 0, count: layer.count)
        func place(_ l: Int) { for (p, item) in columns[l].enumerated() { position[item] = p } }
        func barycenter(_ item: Int, _ neighbours: [[Int]]) -> Double? {
            let around = neighbours[item]
            return around.isEmpty ? nil : Double(around.reduce(0) { $0 + position[$1] }) / Double(around.count)
        }
        columns.indices.forEach(place)
        if prior.isEmpty {
            for _ in 0..<Self.sweeps {
                for l in columns.indices.dropFirst() {
                    columns[l] = Self.sorted(columns[l]) { barycenter($0, preds) }
                    place(l)
                }
                for l in columns.indices.reversed().dropFirst() {
                    columns[l] = Self.sorted(columns[l]) { barycenter($0, succs) }
                    place(l)
                }
            }
        } else {
            for l in columns.indices {
                columns[l] = Self.merged(columns[l], layer: l, prior: prior, keys: keys) { barycenter($0, preds) }
                place(l)
            }
        }
    }

    /// `items` by their barycenter; an item without one keeps its place relative to the others.
    private static func sorted(_ items: [Int], by barycenter: (Int) -> Double?) -> [Int] {
        var last = 0.0
        let keyed = items.enumerated().map { p, item -> (Double, Int, Int) in
            last = barycenter(item) ?? last
            return (last, p, item)
        }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The items of layer `l` that were in it before, in their old order, with the new ones
    /// inserted before the first old item whose barycenter is larger.
    private static func merged(_ items: [Int], layer l: Int, prior: [GraphLayout.ItemKey: (layer: Int, position: Int)],
                               keys: [GraphLayout.ItemKey], by barycenter: (Int) -> Double?) -> [Int] {
        var old: [(position: Int, item: Int)] = [], new: [(Double, Int, Int)] = []
        for (p, item) in items.enumerated() {
            if let place = prior[keys[item]], place.layer == l {
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
