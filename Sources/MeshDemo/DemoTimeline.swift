/// A stretch of the scenario cycle during which every rate is constant.
struct DemoPhase: Sendable {
    /// Where it begins and ends, in ms into the cycle (the steady phase before the demo: -∞…0).
    var startMs: Int64
    var endMs: Int64
    /// Edge index → multiplier of its rate (0 while idle).
    var rateFactor: [Int: Double] = [:]
    /// Edge index → multiplier of its success ratio.
    var successFactor: [Int: Double] = [:]
    /// Edges whose latency follows their spiked distribution.
    var spiked: Set<Int> = []
    /// Added (scale-up) proxies that are running.
    var extraUp: Set<Int> = []
}

/// The scenario as time: a cycle of phases repeated from t = 0, steady before it, plus when pods
/// restart and when added pods exist. All times are integer milliseconds since the demo started,
/// so overlaps are exact and counters can be made never to go down.
struct DemoTimeline: Sendable {
    /// The cycle length.
    static let cycleMs = Int64(DemoScenario.cycleSeconds * 1000)
    /// How long an idle series survives.
    static let retentionMs = Int64(DemoScenario.idleRetentionSeconds * 1000)

    /// The cycle's phases, in order, covering 0..<cycleMs.
    private(set) var phases: [DemoPhase]
    /// Before t = 0 everything is steady; the cycle also begins and ends steady.
    let steady = DemoPhase(startMs: .min, endMs: 0)
    /// Proxy index → ms into each cycle at which it restarts.
    let restarts: [Int: Int64]
    /// Added proxy index → the ms of each cycle during which it exists.
    let presence: [Int: Range<Int64>]

    /// A change to the phases that overlap `window` (ms into the cycle).
    struct Change {
        var window: Range<Int64>
        var apply: (inout DemoPhase) -> Void
    }

    /// The timeline of `changes`, `restarts` and added pods' `presence`, all within one cycle.
    init(changes: [Change] = [], restarts: [Int: Int64] = [:], presence: [Int: Range<Int64>] = [:]) {
        self.restarts = restarts
        self.presence = presence
        var cuts = Set<Int64>([0, Self.cycleMs])
        for change in changes { cuts.formUnion([change.window.lowerBound, change.window.upperBound]) }
        for window in presence.values { cuts.formUnion([window.lowerBound, window.upperBound]) }
        let bounds = cuts.filter { $0 >= 0 && $0 <= Self.cycleMs }.sorted()
        phases = zip(bounds, bounds.dropFirst()).map { start, end in
            var phase = DemoPhase(startMs: start, endMs: end)
            for change in changes where change.window.contains(start) { change.apply(&phase) }
            for (proxy, window) in presence where window.contains(start) { phase.extraUp.insert(proxy) }
            return phase
        }
    }

    /// The index of the phase in effect at `t` ≥ 0.
    func phaseIndex(at t: Int64) -> Int {
        let offset = t % Self.cycleMs
        return phases.lastIndex { $0.startMs <= offset } ?? 0
    }

    /// The phase in effect at `t`: the steady one before 0.
    func phase(at t: Int64) -> DemoPhase {
        t < 0 ? steady : phases[phaseIndex(at: t)]
    }

    /// How many ms of `0..<t` (t ≥ 0) fall in phase `j`, counted over every cycle: exact.
    func cover(_ j: Int, upTo t: Int64) -> Int64 {
        let p = phases[j]
        let length = p.endMs - p.startMs
        let within = min(max(t % Self.cycleMs - p.startMs, 0), length)
        return t / Self.cycleMs * length + within
    }

    /// The latest time ≤ `t` that is `offset` ms into a cycle (t ≥ offset).
    private static func latest(_ offset: Int64, atOrBefore t: Int64) -> Int64 {
        offset + (t - offset) / cycleMs * cycleMs
    }

    /// Whether the proxy is up at `t`: added ones only while they exist; others always.
    func isUp(_ proxy: Int, at t: Int64) -> Bool {
        guard let window = presence[proxy] else { return true }
        return t >= 0 && window.contains(t % Self.cycleMs)
    }

    /// When the proxy's process last started at or before `t`: its first start, its latest
    /// scripted restart, or (for an added pod) its latest appearance.
    func processStart(_ proxy: Int, firstStart: Int64, at t: Int64) -> Int64 {
        var start = firstStart
        if let offset = restarts[proxy], t >= offset { start = max(start, Self.latest(offset, atOrBefore: t)) }
        if let window = presence[proxy], t >= window.lowerBound {
            start = max(start, Self.latest(window.lowerBound, atOrBefore: t))
        }
        return start
    }
}
