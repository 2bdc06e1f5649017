/// What the DOT and Mermaid renderings of a ``MeshGraph`` say of its nodes and edges, in the
/// same words: the labels, which namespace box a node sits in, and which edges to mark.
enum GraphText {
    /// Below this success rate an edge is marked failing (as the dashboard marks it).
    static let failingBelow = 0.95

    /// A node's lines: its name (`deployment/web`, `external: api.example.com:443`, `unmeshed
    /// clients of web`), then its health (`10.0rps 99.50%`, `no requests`) when meshtop scrapes
    /// it. Control characters are escaped.
    static func nodeLines(_ node: MeshGraph.Node) -> [String] {
        let name: String
        switch node.role {
        case .workload: name = "\(node.id.kind)/\(node.id.name)"
        case .otherNamespace: name = "\(node.id.namespace)/\(node.id.kind)/\(node.id.name)"
        case .external: name = "external: \(node.id.name)"
        case .unmeshedClients: name = "unmeshed clients of \(node.id.name)"
        }
        guard let m = node.metrics else { return [StatTable.display(name)] }
        guard m.rps != nil || m.success != nil else { return [StatTable.display(name), "no requests"] }
        let health = node.role == .unmeshedClients ? StatTable.rps(m.rps) : "\(StatTable.rps(m.rps)) \(StatTable.percent(m.success))"
        return [StatTable.display(name), health]
    }

    /// `12.0rps 99.50% p99 20ms`, with `✗ failing` and `no mTLS` where they apply.
    static func edgeLabel(_ edge: MeshGraph.Edge) -> String {
        let m = edge.metrics
        var parts = [StatTable.rps(m.rps)]
        if m.success != nil { parts.append(StatTable.percent(m.success)) }
        if m.latencyP99 != nil { parts.append("p99 \(StatTable.ms(m.latencyP99))") }
        if isFailing(edge) { parts.insert("✗ failing", at: 0) }
        if !edge.mtls { parts.append("no mTLS") }
        return parts.joined(separator: " ")
    }

    static func isFailing(_ edge: MeshGraph.Edge) -> Bool {
        (edge.metrics.success ?? 1) < failingBelow
    }

    /// The box a node is drawn in: its namespace, none for external peers.
    static func namespace(_ node: MeshGraph.Node) -> String? {
        node.role == .external || node.id.namespace.isEmpty ? nil : node.id.namespace
    }

    /// The graph's namespaces with the indices of their nodes, sorted by name.
    static func namespaces(_ graph: MeshGraph) -> [(name: String, nodes: [Int])] {
        var byName: [String: [Int]] = [:]
        for (index, node) in graph.nodes.enumerated() {
            if let name = namespace(node) { byName[name, default: []].append(index) }
        }
        return byName.keys.sorted().map { (StatTable.display($0), byName[$0]!) }
    }
}
