import MeshModel

/// Turns the scripted events into a timeline, adding the scale-up pod to the mesh.
struct DemoEventPlan {
    private(set) var events: [DemoEvent] = []
    private(set) var timeline = DemoTimeline()

    /// Scripts `DemoEvent.script` for `targets`; a target the graph can't honour (unknown,
    /// unmeshed, no calls into it) skips its event.
    mutating func script(_ targets: DemoEventTargets, seed: UInt64, proxies: inout [DemoProxy], graph: inout DemoGraph) {
        let restartPod = targets.restart.flatMap { meshed($0, graph) }.flatMap { graph.pods[$0].first }
        var added: (proxy: Int, workload: Int)?
        if let w = targets.scale.flatMap({ meshed($0, graph) }), graph.steadyPods[w] > 0 {
            let proxy = DemoNaming.addedProxy(&graph, workload: w, index: proxies.count, seed: seed)
            proxies.append(proxy)
            added = (proxy.index, w)
        }
        var usable = targets
        usable.deploy = targets.deploy.flatMap { meshed($0, graph) }.map { graph.workloads[$0].ref }
        usable.latencySpike = targets.latencySpike.flatMap { Self.edgeIndex($0, graph) == nil ? nil : $0 }
        usable.idle = targets.idle.flatMap { Self.edgeIndex($0, graph) == nil ? nil : $0 }
        events = DemoEvent.script(
            usable, restartPod: restartPod.map { proxies[$0].pod },
            scale: added.map { (proxies[$0.proxy].pod, graph.steadyPods[$0.workload]) })
        timeline = Self.timeline(events, graph: &graph, restartPod: restartPod, addedPod: added?.proxy)
    }

    /// The timeline of `events`; a latency spike also gives its edge its spiked distribution.
    private static func timeline(_ events: [DemoEvent], graph: inout DemoGraph, restartPod: Int?, addedPod: Int?) -> DemoTimeline {
        var changes: [DemoTimeline.Change] = []
        var restarts: [Int: Int64] = [:]
        var presence: [Int: Range<Int64>] = [:]
        for event in events {
            let window = ms(event.startSeconds)..<ms(event.startSeconds + event.durationSeconds)
            switch event.kind {
            case .deploy(let ref, let factor):
                let into = graph.incoming[graph.index[ref]!]
                changes.append(.init(window: window) { phase in for e in into { phase.successFactor[e] = factor } })
            case .latencySpike(let id, let factor):
                let e = edgeIndex(id, graph)!
                let normal = graph.edges[e].latency[0]
                graph.edges[e].latency[1] = LatencyDistribution(p50Ms: normal.p50Ms, p99Ms: normal.p99Ms * factor)
                changes.append(.init(window: window) { $0.spiked.insert(e) })
            case .restart:
                restarts[restartPod!] = window.lowerBound
            case .scale:
                presence[addedPod!] = window
            case .idle(let id):
                let e = edgeIndex(id, graph)!
                changes.append(.init(window: window) { $0.rateFactor[e] = 0 })
            }
        }
        return DemoTimeline(changes: changes, restarts: restarts, presence: presence)
    }

    private static func ms(_ seconds: Double) -> Int64 { Int64((seconds * 1000).rounded()) }

    private func meshed(_ ref: WorkloadRef, _ graph: DemoGraph) -> Int? {
        graph.index[ref].flatMap { graph.isMeshed($0) ? $0 : nil }
    }

    private static func edgeIndex(_ id: DemoEdgeID, _ graph: DemoGraph) -> Int? {
        guard let src = graph.index[id.src], let dst = graph.index[id.dst] else { return nil }
        return graph.edges.firstIndex { $0.src == src && $0.dst == dst }
    }
}
