import MeshModel

/// The topology as indices, for the traffic model: workloads, edges with their latency
/// distributions, and which proxies run each workload.
struct DemoGraph: Sendable {
    /// One edge: workload indices, steady rate and success, and its latency per state
    /// (0: normal, 1: spiked; the same unless a latency spike targets it).
    struct Edge: Sendable {
        var src: Int
        var dst: Int
        var rps: Double
        var success: Double
        var latency: [LatencyDistribution]
    }

    /// Prometheus scraping the admin port, and its latency.
    static let adminRPS = 0.1
    static let adminLatency = LatencyDistribution(p50Ms: 0.6, p99Ms: 3)

    let workloads: [DemoWorkload]
    var edges: [Edge]
    let index: [WorkloadRef: Int]
    /// Workload → edges it calls / is called by.
    let outgoing: [[Int]]
    let incoming: [[Int]]
    /// Workload → its proxies: the steady ones, then any added by a scale-up.
    private(set) var pods: [[Int]]
    /// Workload → how many of `pods` run in the steady state.
    private(set) var steadyPods: [Int]
    /// Proxy → workload.
    private(set) var workloadOf: [Int] = []

    /// The graph of `topology`. Edges must join known workloads, start at a meshed or unmeshed
    /// workload and end at a meshed or external one: anything else is a programming error.
    init(_ topology: DemoTopology) {
        workloads = topology.workloads
        var index: [WorkloadRef: Int] = [:]
        for (i, w) in workloads.enumerated() { index[w.ref] = i }
        self.index = index
        let edges = topology.edges.map { e in
            guard let src = index[e.src], let dst = index[e.dst] else {
                preconditionFailure("demo edge \(e.id) names a workload the topology lacks")
            }
            precondition(topology.workloads[src].membership != .external, "demo edge \(e.id) starts outside the cluster")
            precondition(topology.workloads[dst].membership != .unmeshed, "demo edge \(e.id) ends at an unmeshed workload")
            let latency = LatencyDistribution(p50Ms: e.latencyP50Ms, p99Ms: e.latencyP99Ms)
            return Edge(src: src, dst: dst, rps: max(0, e.rps), success: min(1, max(0, e.successRatio)),
                        latency: [latency, latency])
        }
        self.edges = edges
        outgoing = topology.workloads.indices.map { w in edges.indices.filter { edges[$0].src == w } }
        incoming = topology.workloads.indices.map { w in edges.indices.filter { edges[$0].dst == w } }
        pods = Array(repeating: [], count: workloads.count)
        steadyPods = Array(repeating: 0, count: workloads.count)
    }

    /// Records that `proxy` (the next index) runs `workload`; `steady` ones run all the time.
    mutating func addProxy(workload: Int, steady: Bool) {
        pods[workload].append(workloadOf.count)
        if steady { steadyPods[workload] += 1 }
        workloadOf.append(workload)
    }

    /// Whether the workload's pods carry a proxy.
    func isMeshed(_ workload: Int) -> Bool { workloads[workload].membership == .meshed }

    /// How many of the workload's pods run during `phase`.
    func runningPods(_ workload: Int, in phase: DemoPhase) -> Int {
        var running = steadyPods[workload]
        guard !phase.extraUp.isEmpty else { return running }
        for pod in pods[workload][steadyPods[workload]...] where phase.extraUp.contains(pod) { running += 1 }
        return running
    }

    /// Whether the proxy runs during `phase`: steady ones always, added ones when up.
    func isRunning(_ proxy: Int, in phase: DemoPhase) -> Bool {
        let w = workloadOf[proxy]
        return pods[w].prefix(steadyPods[w]).contains(proxy) || phase.extraUp.contains(proxy)
    }

    /// The mTLS identity of the workload's pods.
    func identity(_ workload: Int) -> String {
        ProxyLabels.identity(serviceAccount: workloads[workload].serviceAccount,
                             namespace: workloads[workload].ref.namespace)
    }
}
