import MeshModel
import MeshTUI

/// Graphs for the layout and canvas tests: a small emojivoto-like mesh and seeded random ones.
enum GraphSamples {
    static func ref(_ name: String, ns: String = "emojivoto", kind: String = "deployment") -> WorkloadRef {
        WorkloadRef(namespace: ns, kind: kind, name: name)
    }

    /// vote-bot → web → emoji, voting; web → an external API; a workload of another namespace
    /// calling web; unmeshed clients of web; voting calling itself; a hostile name.
    static let emojivoto: MeshGraph = {
        let nodes: [MeshGraph.Node] = [
            .init(id: ref("vote-bot"), role: .workload, metrics: GoldenMetrics(rps: 2, success: 1)),
            .init(id: ref("web"), role: .workload, metrics: GoldenMetrics(rps: 12, success: 0.995)),
            .init(id: ref("emoji"), role: .workload, metrics: GoldenMetrics(rps: 8.5, success: 1)),
            .init(id: ref("voting"), role: .workload, metrics: GoldenMetrics(rps: 3.5, success: 0.82)),
            .init(id: ref("bot\u{1b}[2J\u{1b}]0;pwned\u{07}"), role: .workload, metrics: nil),
            .init(id: ref("api.example.com:443", ns: "", kind: "authority"), role: .external),
            .init(id: ref("prometheus", ns: "linkerd-viz"), role: .otherNamespace),
            .init(id: ref("web", kind: "unmeshed"), role: .unmeshedClients, metrics: GoldenMetrics(rps: 1.5)),
        ]
        let edges: [MeshGraph.Edge] = [
            .init(from: 0, to: 1, metrics: GoldenMetrics(rps: 2, success: 1), mtls: true),
            .init(from: 1, to: 2, metrics: GoldenMetrics(rps: 8.5, success: 1), mtls: true),
            .init(from: 1, to: 3, metrics: GoldenMetrics(rps: 3.5, success: 0.82), mtls: true),
            .init(from: 1, to: 5, metrics: GoldenMetrics(rps: 0.5, success: 1), mtls: false),
            .init(from: 3, to: 3, metrics: GoldenMetrics(rps: 0.2, success: 1), mtls: true),
            .init(from: 4, to: 1, metrics: GoldenMetrics(rps: 0.1, success: 1), mtls: true),
            .init(from: 6, to: 1, metrics: GoldenMetrics(rps: 0.3, success: 1), mtls: true),
            .init(from: 7, to: 1, metrics: GoldenMetrics(rps: 1.5), mtls: false),
        ]
        return MeshGraph(nodes: nodes, edges: edges)
    }()

    /// frontend → cart, checkout (failing); checkout → payments (without mTLS) → frontend (a
    /// cycle); checkout calling itself.
    static let shop: MeshGraph = {
        let nodes = ["frontend", "cart", "checkout", "payments"].map {
            MeshGraph.Node(id: ref($0, ns: "shop"), role: .workload, metrics: GoldenMetrics(rps: 10, success: 1))
        }
        return MeshGraph(nodes: nodes, edges: [
            .init(from: 0, to: 1, metrics: GoldenMetrics(rps: 6, success: 1), mtls: true),
            .init(from: 0, to: 2, metrics: GoldenMetrics(rps: 4, success: 0.5), mtls: true),
            .init(from: 2, to: 3, metrics: GoldenMetrics(rps: 4, success: 1), mtls: false),
            .init(from: 3, to: 0, metrics: GoldenMetrics(rps: 1, success: 1), mtls: true),
            .init(from: 2, to: 2, metrics: GoldenMetrics(rps: 2, success: 1), mtls: true),
        ])
    }()

    /// A seeded random graph of `nodes` workloads and about `edges` distinct calls. Acyclic
    /// unless `cycles`: then calls go either way; self-calls when `selfCalls`.
    static func random(nodes: Int, edges: Int, seed: UInt64, cycles: Bool = false, selfCalls: Bool = false) -> MeshGraph {
        var rng = SplitMix(seed)
        let ids = (0..<nodes).map { ref("svc-\($0)", ns: "ns\($0 % 3)") }
        var pairs = Set<[Int]>(), list: [[Int]] = []
        var attempts = 0
        if selfCalls { for i in stride(from: 0, to: nodes, by: 7) where pairs.insert([i, i]).inserted { list.append([i, i]) } }
        while list.count < edges, attempts < edges * 20 {
            attempts += 1
            var a = rng.below(nodes), b = rng.below(nodes)
            if a == b && !selfCalls { continue }
            if !cycles && a > b { swap(&a, &b) }
            if pairs.insert([a, b]).inserted { list.append([a, b]) }
        }
        list.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
        return MeshGraph(
            nodes: ids.map { MeshGraph.Node(id: $0, role: .workload, metrics: GoldenMetrics(rps: Double(rng.below(100)), success: 1)) },
            edges: list.map { MeshGraph.Edge(from: $0[0], to: $0[1], metrics: GoldenMetrics(rps: 1, success: 1), mtls: true) })
    }

    /// One caller of `fanOut` callees.
    static func fanOut(_ fanOut: Int) -> MeshGraph {
        let nodes = (0...fanOut).map { MeshGraph.Node(id: ref("svc-\($0)"), role: .workload) }
        return MeshGraph(nodes: nodes, edges: (1...fanOut).map {
            MeshGraph.Edge(from: 0, to: $0, metrics: GoldenMetrics(rps: 1), mtls: true)
        })
    }

    /// A chain of `length` workloads, each calling the next.
    static func chain(_ length: Int) -> MeshGraph {
        let nodes = (0..<length).map { MeshGraph.Node(id: ref("svc-\($0)"), role: .workload) }
        return MeshGraph(nodes: nodes, edges: (1..<length).map {
            MeshGraph.Edge(from: $0 - 1, to: $0, metrics: GoldenMetrics(rps: 1), mtls: true)
        })
    }

    /// The same graph with every rate scaled: the same topology.
    static func withNewRates(_ graph: MeshGraph, factor: Double) -> MeshGraph {
        var g = graph
        for i in g.nodes.indices {
            let rps = (graph.nodes[i].metrics?.rps ?? 1) * factor
            g.nodes[i].metrics?.rps = rps
        }
        for i in g.edges.indices { g.edges[i].metrics.rps = (g.edges[i].metrics.rps ?? 1) * factor }
        return g
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
