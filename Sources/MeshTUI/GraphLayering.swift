import MeshModel

/// The first Sugiyama steps, the same in either orientation: cycles broken, nodes assigned to
/// layers, long edges cut into chains through virtual items, and the items of each layer
/// ordered to reduce crossings.
///
/// Items `0..<nodeCount` are the nodes; the rest are the virtual items of long edges.
struct GraphLayering {
    /// The layer of each item.
    var layer: [Int]
    /// The items of each layer, first to last.
    var columns: [[Int]]
    /// Per link: its items from the layout's first layer towards its last; empty for a self-call.
    var chains: [[Int]]
    /// Per link: whether it runs backwards, from a later layer to an earlier one (reversed to
    /// break a cycle).
    var reversed: [Bool]
    /// The callers of each item along the chains.
    let callers: GraphNeighbours
    /// What was layered.
    let topology: GraphTopology
    /// The link of each virtual item (item `nodeCount + k` has `bendLinks[k]`).
    private var bendLinks: [Int] = []

    /// The layering of `topology`, seeded by `previous` so that surviving nodes keep their
    /// layers and their order within a layer.
    init(_ topology: GraphTopology, previous: GraphLayout?) {
        let n = topology.nodes.count
        let links = topology.links
        var prior = previous.map(Self.priorPlaces) ?? [:]
        let back = Self.backLinks(n: n, links: links)
        reversed = back
        let dagLinks = links.indices.filter { links[$0].from != links[$0].to }.map { i in
            back[i] ? (links[i].to, links[i].from, i) : (links[i].from, links[i].to, i)
        }
        let (nodeLayer, shift) = Self.layers(n: n, dagLinks: dagLinks, seed: topology.nodes.map { prior[.node($0)]?.layer })
        if shift != 0 { prior = Self.shifted(prior, by: shift) }
        layer = nodeLayer
        self.topology = topology
        chains = Array(repeating: [], count: links.count)
        for (u, v, i) in dagLinks {
            var chain = [u]
            for l in (nodeLayer[u] + 1)..<nodeLayer[v] {
                chain.append(layer.count)
                layer.append(l)
                bendLinks.append(i)
            }
            chains[i] = chain + [v]
        }
        callers = GraphNeighbours(chains, count: layer.count, callers: true)
        columns = Array(repeating: [], count: (layer.max() ?? -1) + 1)
        for item in layer.indices { columns[layer[item]].append(item) }
        order(prior: prior)
    }

    /// What identifies `item` across layouts.
    func key(_ item: Int) -> GraphLayout.ItemKey {
        let nodes = topology.nodes
        if item < nodes.count { return .node(nodes[item]) }
        let link = topology.links[bendLinks[item - nodes.count]]
        return .bend(from: nodes[link.from], to: nodes[link.to], layer: layer[item])
    }

    /// The links that close a cycle, found by a depth-first search from each node in turn.
    private static func backLinks(n: Int, links: [GraphTopology.Link]) -> [Bool] {
        var out = Array(repeating: [Int](), count: n)
        for (i, link) in links.enumerated() where link.from != link.to { out[link.from].append(i) }
        var state = Array(repeating: 0, count: n)  // 0 unseen, 1 on the path, 2 done
        var back = Array(repeating: false, count: links.count)
        for root in 0..<n where state[root] == 0 {
            var stack = [(node: root, next: 0)]
            state[root] = 1
            while let top = stack.last {
                if top.next == out[top.node].count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let link = out[top.node][top.next], to = links[link].to
                if state[to] == 1 {
                    back[link] = true
                } else if state[to] == 0 {
                    state[to] = 1
                    stack.append((to, 0))
                }
            }
        }
        return back
    }

    /// Longest-path layers, each node at least at its `seed` (its previous layer); a source is
    /// pulled up to the layer before its nearest callee, and new sources go before old callees.
    /// Also returns how far every layer moved on so that the first is 0.
    private static func layers(n: Int, dagLinks: [(Int, Int, Int)], seed: [Int?]) -> (layers: [Int], shift: Int) {
        var succ = Array(repeating: [Int](), count: n), indegree = Array(repeating: 0, count: n)
        for (u, v, _) in dagLinks {
            succ[u].append(v)
            indegree[v] += 1
        }
        var layer = seed.map { $0 ?? 0 }
        for u in 0..<n where seed[u] == nil && indegree[u] == 0 {
            if let nearest = succ[u].compactMap({ seed[$0] }).min() { layer[u] = nearest - 1 }
        }
        var ready = (0..<n).filter { indegree[$0] == 0 }, topological: [Int] = []
        var remaining = indegree
        while let u = ready.popLast() {
            topological.append(u)
            for v in succ[u] {
                layer[v] = max(layer[v], layer[u] + 1)
                remaining[v] -= 1
                if remaining[v] == 0 { ready.append(v) }
            }
        }
        for u in topological.reversed() where indegree[u] == 0 && seed[u] == nil && !succ[u].isEmpty {
            layer[u] = max(layer[u], succ[u].map { layer[$0] }.min()! - 1)
        }
        let lowest = layer.min() ?? 0
        return (layer.map { $0 - lowest }, -lowest)
    }

    /// `places` with every layer `shift` further on.
    private static func shifted(_ places: [GraphLayout.ItemKey: (layer: Int, position: Int)], by shift: Int)
        -> [GraphLayout.ItemKey: (layer: Int, position: Int)] {
        var moved: [GraphLayout.ItemKey: (layer: Int, position: Int)] = [:]
        for (key, place) in places {
            var key = key
            if case .bend(let from, let to, let l) = key { key = .bend(from: from, to: to, layer: l + shift) }
            moved[key] = (place.layer + shift, place.position)
        }
        return moved
    }

    /// Where each item of `previous` was: its layer and its position in the layer.
    private static func priorPlaces(_ previous: GraphLayout) -> [GraphLayout.ItemKey: (layer: Int, position: Int)] {
        var places: [GraphLayout.ItemKey: (layer: Int, position: Int)] = [:]
        for (l, column) in previous.columns.enumerated() {
            for (p, key) in column.enumerated() { places[key] = (l, p) }
        }
        return places
    }
}
