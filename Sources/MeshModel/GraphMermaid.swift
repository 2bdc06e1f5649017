/// A ``MeshGraph`` as a Mermaid flowchart (`meshtop --once --format mermaid`), to paste into a
/// Markdown page: a subgraph per namespace, each call an arrow labelled with its golden
/// metrics; calls without mTLS are dotted arrows, failing ones drawn red.
public enum GraphMermaid {
    /// The whole document.
    public static func encode(_ graph: MeshGraph) -> String {
        var out = "flowchart LR\n"
        for (index, name) in GraphText.namespaces(graph).enumerated() {
            out += "  subgraph ns\(index)[\(quoted(lines: [name.name]))]\n"
            for node in name.nodes { out += "    " + declaration(node, graph.nodes[node]) }
            out += "  end\n"
        }
        for (index, node) in graph.nodes.enumerated() where GraphText.namespace(node) == nil {
            out += "  " + declaration(index, node)
        }
        var failing: [Int] = []
        for (index, edge) in graph.edges.enumerated() {
            let arrow = edge.mtls ? "-->" : "-.->"
            out += "  n\(edge.from) \(arrow)|\(quoted(lines: [GraphText.edgeLabel(edge)]))| n\(edge.to)\n"
            if GraphText.isFailing(edge) { failing.append(index) }
        }
        if !failing.isEmpty {
            out += "  linkStyle \(failing.map(String.init).joined(separator: ",")) stroke:#d00,stroke-width:2px,color:#d00\n"
        }
        return out
    }

    private static func declaration(_ index: Int, _ node: MeshGraph.Node) -> String {
        let label = quoted(lines: GraphText.nodeLines(node))
        switch node.role {
        case .workload, .otherNamespace: return "n\(index)[\(label)]\n"
        case .external: return "n\(index)>\(label)]\n"
        case .unmeshedClients: return "n\(index)([\(label)])\n"
        }
    }

    /// A Mermaid label of `lines` (joined by `<br/>`): in double quotes, with the characters
    /// Mermaid would read as markup (`"`, `<`, `>`, `#`, `|`, the backtick) as entity codes.
    static func quoted(lines: [String]) -> String {
        let escaped = lines.map { line in
            line.map { character -> String in
                switch character {
                case "\"": "#quot;"
                case "<": "#lt;"
                case ">": "#gt;"
                case "#": "#35;"
                case "|": "#124;"
                case "`": "#96;"
                default: String(character)
                }
            }.joined()
        }
        return "\"" + escaped.joined(separator: "<br/>") + "\""
    }
}
