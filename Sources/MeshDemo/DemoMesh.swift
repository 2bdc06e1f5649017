import MeshModel

/// One simulated linkerd2-proxy: a meshed pod of the demo mesh.
public struct DemoProxy: Sendable, Hashable {
    /// Its position in `DemoMesh.proxies`, stable for a topology, scenario and seed.
    public let index: Int
    /// The workload that owns the pod.
    public let workload: WorkloadRef
    /// The pod's name, shaped as Kubernetes names pods of that kind.
    public let pod: String
    /// The pod's IP: the `target_ip` of its inbound series.
    public let podIP: String
    /// The pod's ServiceAccount.
    public let serviceAccount: String
    /// The node the pod runs on.
    public let node: String
}

/// A simulated Linkerd mesh: every proxy's `/metrics` body at any moment, from a continuous
/// traffic model of a topology and a scenario, and what meshtop should report about it.
///
/// Pure and deterministic: time comes in as seconds since the demo started, and the same
/// topology, scenario and seed always give the same bytes.
public struct DemoMesh: Sendable {
    /// The workloads and steady traffic.
    public let topology: DemoTopology
    /// What happens over time.
    public let scenario: DemoScenario
    /// The seed pod names, IPs and start times were drawn from.
    public let seed: UInt64
    /// The UNIX time of t = 0, for `process_start_time_seconds`.
    public let epochSeconds: Double
    /// Every pod that exists at any time in the scenario, with stable indices: the topology's
    /// meshed pods in workload order, then any pod added by a scale-up.
    public let proxies: [DemoProxy]
    /// The scripted events, empty in the steady scenario; they recur every `DemoScenario.cycleSeconds`.
    public let events: [DemoEvent]

    let graph: DemoGraph
    let timeline: DemoTimeline
    /// When each proxy's process first started, ms before t = 0 (between 1 and 1.5 hours).
    let firstStartMs: [Int64]

    /// The mesh of `topology` under `scenario`; `seed` draws pod names, IPs and start times.
    /// `epochSeconds` is the UNIX time of t = 0 (default 2026-01-01T00:00:00Z).
    public init(topology: DemoTopology, scenario: DemoScenario, seed: UInt64, epochSeconds: Double = 1_767_225_600) {
        self.topology = topology
        self.scenario = scenario
        self.seed = seed
        self.epochSeconds = epochSeconds
        var graph = DemoGraph(topology)
        var proxies = DemoNaming.proxies(&graph, seed: seed)
        var plan = DemoEventPlan()
        if scenario == .events {
            plan.script(topology.eventTargets, seed: seed, proxies: &proxies, graph: &graph)
        }
        self.graph = graph
        self.proxies = proxies
        events = plan.events
        timeline = plan.timeline
        var rng = SplitMix64(seed: seed ^ 0x7374_6172_7473)
        firstStartMs = proxies.map { _ in -(3_600_000 + Int64(rng.below(1_800)) * 1_000) }
    }

    /// Whether the proxy's pod is up at `t` (seconds since the demo started); a pod added by a
    /// scale-up is up only while it exists.
    public func isRunning(_ proxy: Int, at t: Double) -> Bool {
        timeline.isUp(proxy, at: Self.milliseconds(t))
    }

    /// The proxy's `/metrics` body at `t` (seconds since the demo started; pods started an hour or
    /// more before t = 0, so counters look lived-in): legacy families, then the OpenMetrics tail
    /// ending in `# EOF`. Empty when the pod is not running at `t`.
    public func metricsBody(_ proxy: Int, at t: Double) -> [UInt8] {
        let ms = Self.milliseconds(t)
        guard proxies.indices.contains(proxy), timeline.isUp(proxy, at: ms) else { return [] }
        return SyntheticRenderer.render(report(proxy, at: ms))
    }

    /// The env vars the proxy's `/env.json` reports, as the injector sets them: `_pod_name`,
    /// `_pod_ns`, `_pod_sa`, `_pod_ip`, `_pod_nodeName`, `LINKERD2_PROXY_IDENTITY_LOCAL_NAME`, ….
    public func environment(_ proxy: Int) -> [String: String] {
        DemoNaming.environment(proxies[proxy])
    }

    /// The events in effect at `t` (seconds since the demo started), for a status line: those
    /// whose window in the current cycle holds `t`; a restart shows for 10 s after it happens.
    public func events(at t: Double) -> [DemoEvent] {
        guard t >= 0 else { return [] }
        let offset = t.truncatingRemainder(dividingBy: DemoScenario.cycleSeconds)
        return events.filter { offset >= $0.startSeconds && offset < $0.startSeconds + max($0.durationSeconds, 10) }
    }

    /// `t` seconds as whole milliseconds, rounded down: the model's time grid.
    static func milliseconds(_ t: Double) -> Int64 {
        guard t.isFinite else { return t > 0 ? Int64.max / 4 : Int64.min / 4 }
        return Int64(max(-9e15, min(9e15, (t * 1000).rounded(.down))))
    }

    /// When the proxy's process last started at or before `t` (ms).
    func processStart(_ proxy: Int, at t: Int64) -> Int64 {
        timeline.processStart(proxy, firstStart: firstStartMs[proxy], at: t)
    }
}
