import ArgumentParser
import MeshModel

/// How `--once` prints what it measured: `--format table|json|dot|mermaid`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Workloads and edges as `linkerd viz stat` and `edges` print them.
    case table
    /// One `meshtop/v1` JSON document (the same as `--json`).
    case json
    /// The call graph in Graphviz's DOT language.
    case dot
    /// The call graph as a Mermaid flowchart.
    case mermaid

    /// The text to print for `snapshot`, whose targets came from `source`.
    func render(_ snapshot: Snapshot, source: String) -> String {
        switch self {
        case .table: StatTable.render(snapshot)
        case .json: SnapshotJSON.encode(snapshot, source: source) + "\n"
        case .dot: GraphDOT.encode(MeshGraph.of(snapshot))
        case .mermaid: GraphMermaid.encode(MeshGraph.of(snapshot))
        }
    }
}
