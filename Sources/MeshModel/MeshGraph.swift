/// The mesh as a graph: workloads and the peers they call as nodes, the calls between them as
/// edges, each with its golden metrics. The Graph view lays it out; `--format dot` and
/// `--format mermaid` print it. Built from a ``Snapshot``, so it is as current as the snapshot.
public struct MeshGraph: Sendable, Equatable {
    /// What a node stands for, which the views draw distinctly.
    public enum Role: Hashable, Sendable {
        /// A meshed workload of the namespaces shown.
        case workload
        /// A meshed workload of another namespace, called from or calling the ones shown.
        case otherNamespace
        /// A peer outside the mesh, named by its authority (`api.example.com:443`).
        case external
        /// Clients without a proxy calling a workload: the part of its inbound traffic that no
        /// meshed caller's outbound side accounts for.
        case unmeshedClients
    }

    /// One node.
    public struct Node: Equatable, Sendable {
        /// Who it is; for ``Role/unmeshedClients``, kind `unmeshed` and the callee's namespace and name.
        public var id: WorkloadRef
        public var role: Role
        /// The workload's own (inbound) golden metrics; `nil` for peers meshtop doesn't scrape.
        public var metrics: GoldenMetrics?

        /// Creates a node.
        public init(id: WorkloadRef, role: Role, metrics: GoldenMetrics? = nil) {
            self.id = id
            self.role = role
            self.metrics = metrics
        }
    }

    /// One edge: calls from `from` to `to`, indices into ``nodes``.
    public struct Edge: Equatable, Sendable {
        public var from: Int
        public var to: Int
        public var metrics: GoldenMetrics
        /// Whether all of it was mTLS-secured.
        public var mtls: Bool

        /// Creates an edge.
        public init(from: Int, to: Int, metrics: GoldenMetrics, mtls: Bool) {
            self.from = from
            self.to = to
            self.metrics = metrics
            self.mtls = mtls
        }
    }

    /// The nodes, workloads first in the snapshot's order, then the other nodes by name.
    public var nodes: [Node]
    /// The edges, by source then destination node.
    public var edges: [Edge]

    /// Creates a graph.
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// The graph of `snapshot`, restricted to the workloads of `namespace` (all when `nil`) and
    /// the peers their edges lead to or come from. Unmeshed clients of a workload appear when its
    /// inbound rate exceeds what its meshed callers send it by more than `unmeshedFloor` per
    /// second (and 5 %), so counting noise doesn't draw them.
    public static func of(_ snapshot: Snapshot, namespace: String? = nil, unmeshedFloor: Double = 0.1) -> MeshGraph {
        let shown = { (ref: WorkloadRef) in namespace == nil || ref.namespace == namespace }
        let workloads = snapshot.workloads.filter { shown($0.workload) }
        var nodes = workloads.map { Node(id: $0.workload, role: .workload, metrics: $0.metrics) }
        var index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) })
        let scraped = Dictionary(snapshot.workloads.map { ($0.workload, $0.metrics) }, uniquingKeysWith: { a, _ in a })
        let edges = snapshot.edges.filter { shown($0.src) || shown($0.dst) }
        var extra: [WorkloadRef: Node] = [:]
        for ref in edges.flatMap({ [$0.src, $0.dst] }) where index[ref] == nil {
            extra[ref] = Node(id: ref, role: ref.kind == "authority" ? .external : .otherNamespace, metrics: scraped[ref])
        }
        var inbound: [WorkloadRef: Double] = [:]
        for edge in snapshot.edges { inbound[edge.dst, default: 0] += edge.metrics.rps ?? 0 }
        var unmeshedCalls: [(clients: WorkloadRef, callee: WorkloadRef)] = []
        for stats in workloads {
            let own = stats.metrics.rps ?? 0, seen = inbound[stats.workload] ?? 0
            guard own - seen > max(unmeshedFloor, 0.05 * own) else { continue }
            let clients = WorkloadRef(namespace: stats.workload.namespace, kind: "unmeshed", name: stats.workload.name)
            extra[clients] = Node(id: clients, role: .unmeshedClients, metrics: GoldenMetrics(rps: own - seen))
            unmeshedCalls.append((clients, stats.workload))
        }
        for ref in extra.keys.sorted() {
            index[ref] = nodes.count
            nodes.append(extra[ref]!)
        }
        var graphEdges = edges.map { Edge(from: index[$0.src]!, to: index[$0.dst]!, metrics: $0.metrics, mtls: $0.mtls) }
        for (clients, callee) in unmeshedCalls {
            graphEdges.append(Edge(from: index[clients]!, to: index[callee]!, metrics: extra[clients]!.metrics!, mtls: false))
        }
        graphEdges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        return MeshGraph(nodes: nodes, edges: graphEdges)
    }
}
