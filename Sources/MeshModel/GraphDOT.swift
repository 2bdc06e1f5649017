/// A ``MeshGraph`` in Graphviz's DOT language (`meshtop --once --format dot | dot -Tsvg`): one
/// box per workload, grouped by namespace, and each call an edge labelled with its golden
/// metrics. Failing edges are red and bold, calls without mTLS dashed; external peers are
/// dashed boxes, unmeshed clients dotted.
public enum GraphDOT {
    /// The whole document.
    public static func encode(_ graph: MeshGraph) -> String {
        var out = """
        digraph mesh {
          rankdir=LR;
          node [shape=box, style=rounded, fontname="Helvetica"];
          edge [fontname="Helvetica", fontsize=10];

        """
        for (index, name) in GraphText.namespaces(graph).enumerated() {
            out += "  subgraph cluster_\(index) {\n    label=\(quoted(name.name));\n"
            for node in name.nodes { out += "    " + declaration(node, graph.nodes[node]) }
            out += "  }\n"
        }
        for (index, node) in graph.nodes.enumerated() where GraphText.namespace(node) == nil {
            out += "  " + declaration(index, node)
        }
        for edge in graph.edges {
            var attributes = ["label=\(quoted(GraphText.edgeLabel(edge)))"]
            if GraphText.isFailing(edge) { attributes += ["color=red", "fontcolor=red", "penwidth=2"] }
            if !edge.mtls { attributes.append("style=dashed") }
            out += "  n\(edge.from) -> n\(edge.to) [\(attributes.joined(separator: ", "))];\n"
        }
        return out + "}\n"
    }

    private static func declaration(_ index: Int, _ node: MeshGraph.Node) -> String {
        let style: String
        switch node.role {
        case .workload: style = ""
        case .otherNamespace: style = ", style=\"rounded,filled\", fillcolor=lightgrey"
        case .external: style = ", style=dashed"
        case .unmeshedClients: style = ", style=dotted"
        }
        return "n\(index) [label=\(quoted(GraphText.nodeLines(node).joined(separator: "\n")))\(style)];\n"
    }

    /// A DOT string: in double quotes, `"` and `\` escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
