import MeshModel
import XCTest

/// `--format dot` and `--format mermaid`: the exact text of a small graph, and names from a
/// cluster that can't break out of their strings.
final class GraphFormatTests: XCTestCase {
    private func graph(_ name: String = "web") -> MeshGraph {
        let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: name)
        return MeshGraph(nodes: [
            .init(id: web, role: .workload, metrics: GoldenMetrics(rps: 10, success: 0.9)),
            .init(id: WorkloadRef(namespace: "", kind: "authority", name: "api.example.com:443"), role: .external),
        ], edges: [.init(from: 0, to: 1, metrics: GoldenMetrics(rps: 1, success: 0.5, latencyP99: 198), mtls: false)])
    }

    func testDOT() {
        XCTAssertEqual(GraphDOT.encode(graph()), """
        digraph mesh {
          rankdir=LR;
          node [shape=box, style=rounded, fontname="Helvetica"];
          edge [fontname="Helvetica", fontsize=10];
          subgraph cluster_0 {
            label="emojivoto";
            n0 [label="deployment/web\\n10.0rps 90.00%"];
          }
          n1 [label="external: api.example.com:443", style=dashed];
          n0 -> n1 [label="✗ failing 1.0rps 50.00% p99 198ms no mTLS", color=red, fontcolor=red, penwidth=2, style=dashed];
        }

        """)
    }

    func testMermaid() {
        XCTAssertEqual(GraphMermaid.encode(graph()), """
        flowchart LR
          subgraph ns0["emojivoto"]
            n0["deployment/web<br/>10.0rps 90.00%"]
          end
          n1>"external: api.example.com:443"]
          n0 -.->|"✗ failing 1.0rps 50.00% p99 198ms no mTLS"| n1
          linkStyle 0 stroke:#d00,stroke-width:2px,color:#d00

        """)
    }

    func testHostileNamesStayInsideTheirStrings() {
        let hostile = "w\"e\\b\n\u{1B}[2J<x>|#`"
        let dot = GraphDOT.encode(graph(hostile))
        XCTAssertTrue(dot.contains(#"n0 [label="deployment/w\"e\\b\\x0a\\x1b[2J<x>|#`\n10.0rps 90.00%"];"#), dot)
        XCTAssertFalse(dot.unicodeScalars.contains { $0.value == 0x1B })
        let mermaid = GraphMermaid.encode(graph(hostile))
        XCTAssertTrue(mermaid.contains(#"n0["deployment/w#quot;e\b\x0a\x1b[2J#lt;x#gt;#124;#35;#96;<br/>10.0rps 90.00%"]"#), mermaid)
    }
}
