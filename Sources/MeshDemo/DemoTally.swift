/// The requests one series has counted in its current incarnation, by flow, latency state and
/// outcome: the exact integral of the piecewise-constant rates since the incarnation began.
///
/// Every amount is a sum of (rate × whole milliseconds) terms in a fixed order, each growing
/// with time, so none of them (nor any floor of them) ever goes down as time passes.
struct DemoTally {
    /// Successful and failed requests, at `flow * 2 + state` (state 1: spiked latency).
    var ok: [Double]
    var failed: [Double]
    /// When the incarnation began, ms.
    var startMs: Int64
    /// How long it has lived, in seconds.
    var elapsedSeconds: Double

    /// Every request counted, successful or not.
    var requests: Double { ok.reduce(0, +) + failed.reduce(0, +) }
}

/// One flow's rate, success ratio and latency state during one phase.
struct FlowRate {
    var rps: Double
    var success: Double
    var state: Int
}

extension DemoMesh {
    /// The flow's traffic during `phase`: the edge's rate (scaled by the phase) over the running
    /// source and destination pods, zero when its own source or destination pod is down.
    func rate(_ flow: DemoFlow, in phase: DemoPhase) -> FlowRate {
        guard flow.edge >= 0 else { return FlowRate(rps: DemoGraph.adminRPS, success: 1, state: 0) }
        let edge = graph.edges[flow.edge]
        let rps = edge.rps * (phase.rateFactor[flow.edge] ?? 1)
            * share(flow.srcPod, of: edge.src, in: phase) * share(flow.dstPod, of: edge.dst, in: phase)
        let success = min(1, edge.success * (phase.successFactor[flow.edge] ?? 1))
        return FlowRate(rps: rps, success: success, state: phase.spiked.contains(flow.edge) ? 1 : 0)
    }

    /// The part of a workload's traffic one of its pods carries: 1 for no particular pod,
    /// 1/running for a running pod, 0 for one that is down.
    private func share(_ pod: Int?, of workload: Int, in phase: DemoPhase) -> Double {
        guard let pod else { return 1 }
        let running = graph.runningPods(workload, in: phase)
        return running > 0 && graph.isRunning(pod, in: phase) ? 1 / Double(running) : 0
    }

    /// The series' latency distribution for a tally slot (`flow * 2 + state`).
    func latency(_ series: DemoSeries, slot: Int) -> LatencyDistribution {
        let edge = series.flows[slot / 2].edge
        return edge < 0 ? DemoGraph.adminLatency : graph.edges[edge].latency[slot % 2]
    }

    /// The series' rate in the steady state: what sizes its connection pool.
    func steadyRate(_ series: DemoSeries) -> Double {
        series.flows.reduce(0) { $0 + rate($1, in: timeline.steady).rps }
    }

    /// What `series`, reported by `owner`, has counted at `t` (ms); nil when it does not exist.
    func tally(_ series: DemoSeries, owner: Int, at t: Int64) -> DemoTally? {
        let life = SeriesLife(
            timeline: timeline,
            active: timeline.phases.map { phase in series.flows.contains { rate($0, in: phase).rps > 0 } },
            activeBefore: series.flows.contains { rate($0, in: timeline.steady).rps > 0 },
            processStart: processStart(owner, at: t),
            retention: series.expires ? DemoTimeline.retentionMs : nil)
        guard let start = life.start(at: t) else { return nil }
        var tally = DemoTally(ok: Array(repeating: 0, count: series.flows.count * 2),
                              failed: Array(repeating: 0, count: series.flows.count * 2),
                              startMs: start, elapsedSeconds: Double(t - start) / 1000)
        if start < 0 { add(series, timeline.steady, ms: min(t, 0) - start, to: &tally) }
        let from = max(start, 0)
        if t > from {
            for j in timeline.phases.indices {
                add(series, timeline.phases[j], ms: timeline.cover(j, upTo: t) - timeline.cover(j, upTo: from), to: &tally)
            }
        }
        for i in tally.ok.indices {
            tally.ok[i] /= 1000
            tally.failed[i] /= 1000
        }
        return tally
    }

    /// Adds `ms` milliseconds of `phase` to the tally (in request·ms/s units; divided at the end).
    private func add(_ series: DemoSeries, _ phase: DemoPhase, ms: Int64, to tally: inout DemoTally) {
        guard ms > 0 else { return }
        let duration = Double(ms)
        for (i, flow) in series.flows.enumerated() {
            let r = rate(flow, in: phase)
            guard r.rps > 0 else { continue }
            tally.ok[i * 2 + r.state] += r.rps * r.success * duration
            tally.failed[i * 2 + r.state] += r.rps * (1 - r.success) * duration
        }
    }
}
