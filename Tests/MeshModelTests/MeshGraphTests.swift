import MeshModel
import XCTest

/// The graph a snapshot makes: who is a node, in which role, and which calls are edges.
final class MeshGraphTests: XCTestCase {
    private let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
    private let bot = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "vote-bot")
    private let emoji = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "emoji")
    private let api = WorkloadRef(namespace: "", kind: "authority", name: "api.example.com:443")
    private let books = WorkloadRef(namespace: "booksapp", kind: "deployment", name: "books")

    private func snapshot() -> Snapshot {
        func stats(_ ref: WorkloadRef, _ rps: Double) -> WorkloadStats {
            WorkloadStats(workload: ref, meshedPods: 1, totalPods: 1, metrics: GoldenMetrics(rps: rps, success: 1))
        }
        func edge(_ a: WorkloadRef, _ b: WorkloadRef, _ rps: Double, mtls: Bool = true) -> EdgeStats {
            EdgeStats(src: a, dst: b, metrics: GoldenMetrics(rps: rps), mtls: mtls, noTLSReason: "", serverID: "")
        }
        return Snapshot(generatedAtMs: 0, windowSeconds: 10,
                        workloads: [stats(emoji, 12), stats(bot, 0), stats(web, 10), stats(books, 3)],
                        edges: [edge(bot, web, 4), edge(web, emoji, 12), edge(web, api, 1, mtls: false), edge(books, emoji, 0.5)],
                        pods: [], targets: [])
    }

    func testRolesAndEdgesOfOneNamespace() {
        let graph = MeshGraph.of(snapshot(), namespace: "emojivoto")
        let names = graph.nodes.map { "\($0.id)" }
        XCTAssertEqual(names, ["emojivoto/deployment/emoji", "emojivoto/deployment/vote-bot", "emojivoto/deployment/web",
                               "authority/api.example.com:443", "booksapp/deployment/books", "emojivoto/unmeshed/web"])
        XCTAssertEqual(graph.nodes.map(\.role), [.workload, .workload, .workload, .external, .otherNamespace, .unmeshedClients])
        XCTAssertEqual(graph.nodes[5].metrics?.rps, 6, "web serves 10/s, its meshed callers send 4/s")
        let edges = graph.edges.map { "\(graph.nodes[$0.from].id.name)->\(graph.nodes[$0.to].id.name)\($0.mtls ? "" : " plain")" }
        XCTAssertEqual(edges, ["vote-bot->web", "web->emoji", "web->api.example.com:443 plain",
                               "books->emoji", "web->web plain"])
    }

    func testAllNamespacesAndNoiseBelowTheFloor() {
        var quiet = snapshot()
        quiet.workloads[2].metrics.rps = 4.05  // 0.05/s more than vote-bot sends: noise
        quiet.workloads[3].metrics.rps = 0  // books: nobody calls it, and it serves nothing
        let graph = MeshGraph.of(quiet)
        XCTAssertFalse(graph.nodes.contains { $0.role == .unmeshedClients })
        XCTAssertFalse(graph.nodes.contains { $0.role == .otherNamespace }, "every namespace is shown")
        XCTAssertEqual(graph.edges.count, 4)
    }
}

/// `f` in the Graph view: a node and what lies within N calls of it.
final class MeshGraphNeighbourhoodTests: XCTestCase {
    /// a → b → c → d, and e → c.
    private func chain() -> MeshGraph {
        let names = ["a", "b", "c", "d", "e"]
        return MeshGraph(nodes: names.map { .init(id: WorkloadRef(namespace: "ns", kind: "deployment", name: $0), role: .workload) },
                         edges: [(0, 1), (1, 2), (2, 3), (4, 2)].map { .init(from: $0, to: $1, metrics: GoldenMetrics(), mtls: true) })
    }

    private func names(_ graph: MeshGraph) -> [String] { graph.nodes.map(\.id.name) }

    func testHopsReachBothWays() {
        let b = WorkloadRef(namespace: "ns", kind: "deployment", name: "b")
        XCTAssertEqual(names(chain().neighbourhood(of: b, hops: 0)), ["b"])
        XCTAssertEqual(names(chain().neighbourhood(of: b, hops: 1)), ["a", "b", "c"])
        let two = chain().neighbourhood(of: b, hops: 2)
        XCTAssertEqual(names(two), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(two.edges.count, 4, "edges among the kept nodes, renumbered")
        let one = chain().neighbourhood(of: b, hops: 1)
        XCTAssertEqual(one.edges.map { "\(one.nodes[$0.from].id.name)>\(one.nodes[$0.to].id.name)" }, ["a>b", "b>c"])
        XCTAssertEqual(chain().neighbourhood(of: WorkloadRef(namespace: "x", kind: "y", name: "z"), hops: 1), chain())
    }
}
