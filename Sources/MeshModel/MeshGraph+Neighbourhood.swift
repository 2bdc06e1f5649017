extension MeshGraph {
    /// The part of the graph within `hops` calls of `center`, either way (callers and callees), with
    /// the edges among those nodes; the whole graph when `center` isn't in it.
    public func neighbourhood(of center: WorkloadRef, hops: Int) -> MeshGraph {
        guard let start = nodes.firstIndex(where: { $0.id == center }) else { return self }
        var adjacent = [[Int]](repeating: [], count: nodes.count)
        for edge in edges {
            adjacent[edge.from].append(edge.to)
            adjacent[edge.to].append(edge.from)
        }
        var distance = [Int?](repeating: nil, count: nodes.count)
        distance[start] = 0
        var frontier = [start]
        for step in stride(from: 1, through: hops, by: 1) {
            frontier = frontier.flatMap { adjacent[$0] }.filter { distance[$0] == nil }
            for node in frontier { distance[node] = step }
        }
        let kept = nodes.indices.filter { distance[$0] != nil }
        let renumbered = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        return MeshGraph(nodes: kept.map { nodes[$0] }, edges: edges.compactMap { edge in
            guard let from = renumbered[edge.from], let to = renumbered[edge.to] else { return nil }
            return Edge(from: from, to: to, metrics: edge.metrics, mtls: edge.mtls)
        })
    }
}
