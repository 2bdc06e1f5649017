/// The items next to each item along the chains, one way (callers or callees): every list in
/// one flat array, so that the sweeps over tens of thousands of bends allocate nothing.
struct GraphNeighbours {
    /// Where each item's list starts in `items`; the last entry is the end.
    private let start: [Int]
    private let items: [Int]

    /// The callers (`callers`) or the callees of each of `count` items along `chains`, each
    /// list in the chains' order.
    init(_ chains: [[Int]], count: Int, callers: Bool) {
        var pairs: [(item: Int, neighbour: Int)] = []
        for chain in chains where chain.count > 1 {
            for k in 1..<chain.count { pairs.append(callers ? (chain[k], chain[k - 1]) : (chain[k - 1], chain[k])) }
        }
        var start = Array(repeating: 0, count: count + 1)
        for pair in pairs { start[pair.item + 1] += 1 }
        for i in 0..<count { start[i + 1] += start[i] }
        var next = start, items = Array(repeating: 0, count: pairs.count)
        for pair in pairs {
            items[next[pair.item]] = pair.neighbour
            next[pair.item] += 1
        }
        self.start = start
        self.items = items
    }

    /// How many neighbours `item` has.
    func count(_ item: Int) -> Int { start[item + 1] - start[item] }

    /// The sum of `value` over `item`'s neighbours.
    func sum(_ item: Int, of value: (Int) -> Int) -> Int {
        var sum = 0
        for k in start[item]..<start[item + 1] { sum += value(items[k]) }
        return sum
    }
}
