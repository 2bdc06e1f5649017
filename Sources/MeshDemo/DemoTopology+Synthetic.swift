import MeshModel

extension DemoTopology {
    /// Series "units" a synthetic workload's proxies may carry: an outbound edge costs one per
    /// destination pod and status code, an inbound caller one per status code. Each unit is a
    /// 26-bucket histogram with its transport series, about 20 KB, so this keeps every body near
    /// 100 KB or under; event targets are chosen so their callers' bodies stay near it too.
    static let syntheticSeriesBudget = 4

    /// A layered mesh of `pods` pods: 1–4 pods per workload, 3–6 layers, calls from layer i to
    /// i+1 (or i+2), fan-out 1–4 within the series budget, over several namespaces.
    static func synthetic(pods: Int, seed: UInt64) -> DemoTopology {
        var rng = SplitMix64(seed: seed ^ 0x6D65_7368_746F_7021)
        let workloads = syntheticWorkloads(pods: pods, &rng)
        var graph = SyntheticGraph(workloads: workloads, layerCount: min(workloads.count, 3 + rng.below(4)))
        graph.connectEveryLayer(&rng)
        graph.addFanOut(&rng)
        let edges = graph.edges
        // A deploy adds a 500 series per callee pod on callers that saw none; a scale-up one more pod.
        let deploy = graph.eventTarget(&rng) { edge, w in edge.successRatio < 1 ? 0 : workloads[w].pods }
        let scale = graph.eventTarget(&rng, avoiding: deploy) { edge, _ in edge.successRatio < 1 ? 2 : 1 }
        let called = Set(edges.map(\.dst))
        let restart = workloads.filter { called.contains($0.ref) }
        let targets = DemoEventTargets(
            deploy: deploy.map { workloads[$0].ref },
            latencySpike: edges.isEmpty ? nil : rng.pick(edges).id,
            restart: restart.isEmpty ? nil : rng.pick(restart).ref,
            scale: scale.map { workloads[$0].ref },
            idle: edges.isEmpty ? nil : rng.pick(edges).id)
        return DemoTopology(name: "synthetic:\(pods)", workloads: workloads, edges: edges, eventTargets: targets)
    }

    private static let words = [
        "cart", "checkout", "inventory", "pricing", "reviews", "auth", "ledger", "orders",
        "notify", "gateway", "profiles", "images", "search", "shipping", "billing", "catalog",
    ]

    /// Workloads of 1–4 pods (mostly 1–2) until `pods` are placed, over ns-0…ns-k.
    private static func syntheticWorkloads(pods: Int, _ rng: inout SplitMix64) -> [DemoWorkload] {
        var sizes: [Int] = []
        var left = pods
        while left > 0 {
            let u = rng.unit()
            let size = min(left, u < 0.5 ? 1 : u < 0.8 ? 2 : u < 0.93 ? 3 : 4)
            sizes.append(size)
            left -= size
        }
        let namespaces = max(1, min(8, (sizes.count + 9) / 10))
        return sizes.enumerated().map { i, size in
            let name = "\(rng.pick(words))-\(i)"
            let kind = rng.unit() < 0.85 ? "deployment" : "statefulset"
            let ref = WorkloadRef(namespace: "ns-\(rng.below(namespaces))", kind: kind, name: name)
            return DemoWorkload(ref: ref, pods: size, serviceAccount: name)
        }
    }
}

/// The synthetic call graph while it is being drawn: layers, edges and each workload's budget.
private struct SyntheticGraph {
    let workloads: [DemoWorkload]
    let index: [WorkloadRef: Int]
    /// Workload indices per layer.
    var layers: [[Int]] = []
    var layerOf: [Int] = []
    var edges: [DemoEdge] = []
    private var linked = Set<[Int]>()
    private var spent: [Int]
    private var fanOut: [Int]

    init(workloads: [DemoWorkload], layerCount: Int) {
        self.workloads = workloads
        index = Dictionary(uniqueKeysWithValues: workloads.enumerated().map { ($1.ref, $0) })
        spent = Array(repeating: 0, count: workloads.count)
        fanOut = spent
        let count = workloads.count
        let layerCount = max(1, layerCount)
        let first = layerCount == 1 ? count : min(count - (layerCount - 1), max(1, count * 15 / 100))
        let rest = count - first
        var sizes = [first]
        for l in 0..<(layerCount - 1) {
            sizes.append(rest / (layerCount - 1) + (l < rest % (layerCount - 1) ? 1 : 0))
        }
        var start = 0
        for size in sizes {
            layers.append(Array(start..<start + size))
            start += size
        }
        layerOf = Array(repeating: 0, count: count)
        for (l, members) in layers.enumerated() { for w in members { layerOf[w] = l } }
    }

    /// Gives every workload below the first layer a caller from the layer above (or the one above
    /// that), preferring the least busy, so no layer is cut off.
    mutating func connectEveryLayer(_ rng: inout SplitMix64) {
        for layer in layers.indices.dropFirst() {
            for w in layers[layer] {
                let callers = (layers[layer - 1] + (layer >= 2 ? layers[layer - 2] : []))
                    .sorted { (fanOut[$0], $0) < (fanOut[$1], $1) }
                let edge = drawEdge(&rng)
                if let src = callers.first(where: { fits(edge, from: $0, to: w) }) { add(edge, from: src, to: w) }
            }
        }
    }

    /// Adds calls until each workload has its drawn fan-out of 1–4, when budgets allow.
    mutating func addFanOut(_ rng: inout SplitMix64) {
        for layer in layers.indices.dropLast() {
            for w in layers[layer] {
                let want = 1 + rng.below(4)
                for _ in 0..<8 where fanOut[w] < want {
                    let next = layer + 2 < layers.count && rng.unit() < 0.2 ? layer + 2 : layer + 1
                    let dst = rng.pick(layers[next])
                    let edge = drawEdge(&rng)
                    if fits(edge, from: w, to: dst) { add(edge, from: w, to: dst) }
                }
            }
        }
    }

    /// The calls into workload `w`.
    func edges(into w: Int) -> [DemoEdge] { edges.filter { $0.dst == workloads[w].ref } }

    /// A called workload (not `avoiding`) for an event that adds `extra(edge, w)` series units to
    /// each caller: drawn among those whose callers all have that much budget left, if any.
    func eventTarget(_ rng: inout SplitMix64, avoiding: Int? = nil, extra: (DemoEdge, Int) -> Int) -> Int? {
        let called = workloads.indices.filter { $0 != avoiding && !edges(into: $0).isEmpty }
        let fitting = called.filter { w in
            edges(into: w).allSatisfy { spent[index[$0.src]!] + extra($0, w) <= DemoTopology.syntheticSeriesBudget }
        }
        let pool = fitting.isEmpty ? called : fitting
        return pool.isEmpty ? nil : rng.pick(pool)
    }

    /// Rate, success and latency of a new edge; src and dst are filled in by `add`.
    private func drawEdge(_ rng: inout SplitMix64) -> DemoEdge {
        let u = rng.unit()
        let v = rng.unit()
        let success = v < 0.75 ? 1 : v < 0.95 ? 0.99 + 0.009 * rng.unit() : 0.85 + 0.12 * rng.unit()
        let p50 = LatencyDistribution.exp(rng.unit() * LatencyDistribution.log(80))
        let here = WorkloadRef(namespace: "", kind: "", name: "")
        return DemoEdge(src: here, dst: here, rps: 0.5 + 30 * u * u * u, successRatio: success,
                        latencyP50Ms: p50, latencyP99Ms: p50 * (3 + 7 * rng.unit()))
    }

    private func statuses(_ edge: DemoEdge) -> Int { edge.successRatio < 1 ? 2 : 1 }

    private func fits(_ edge: DemoEdge, from src: Int, to dst: Int) -> Bool {
        let budget = DemoTopology.syntheticSeriesBudget
        return src != dst && !linked.contains([src, dst]) && fanOut[src] < 4
            && spent[src] + workloads[dst].pods * statuses(edge) <= budget
            && spent[dst] + statuses(edge) <= budget
    }

    private mutating func add(_ edge: DemoEdge, from src: Int, to dst: Int) {
        var e = edge
        e.src = workloads[src].ref
        e.dst = workloads[dst].ref
        edges.append(e)
        linked.insert([src, dst])
        fanOut[src] += 1
        spent[src] += workloads[dst].pods * statuses(edge)
        spent[dst] += statuses(edge)
    }
}
