/// When one series' current incarnation began, by linkerd2-proxy's rules: a series appears with
/// its first request, is dropped once it has seen none for the retention time, and starts again
/// from zero when traffic returns; a process restart starts everything from zero.
///
/// Activity is per phase of the timeline's cycle, so the answer is found by walking back over
/// runs of active and idle phases, never more than about two cycles.
struct SeriesLife {
    let timeline: DemoTimeline
    /// Whether the series has traffic in each phase of the cycle.
    let active: [Bool]
    /// Whether it has traffic in the steady state before the demo.
    let activeBefore: Bool
    /// When the owning proxy's process started.
    let processStart: Int64
    /// How long it survives without traffic; nil: for ever.
    let retention: Int64?

    /// When the incarnation alive at `t` began; nil when the series does not exist at `t`.
    func start(at t: Int64) -> Int64? {
        guard t >= processStart else { return nil }
        var end = t + 1
        if !isActive(at: t) {
            let idleSince = runStart(endingAt: end, active: false)
            if idleSince <= processStart { return nil }
            if let retention, t - idleSince >= retention { return nil }
            end = idleSince
        }
        for _ in 0...(2 * active.count + 2) {
            let activeSince = runStart(endingAt: end, active: true)
            if activeSince <= processStart { return processStart }
            let idleSince = runStart(endingAt: activeSince, active: false)
            if idleSince <= processStart { return activeSince }
            if let retention, activeSince - idleSince >= retention { return activeSince }
            end = idleSince
        }
        // Only short gaps, in every cycle: the series has lived since it first saw traffic.
        if activeBefore || processStart >= 0 { return processStart }
        return timeline.phases.indices.first { active[$0] }.map { timeline.phases[$0].startMs } ?? processStart
    }

    private func isActive(at t: Int64) -> Bool {
        t < 0 ? activeBefore : active[timeline.phaseIndex(at: t)]
    }

    /// The start of the run of `want` activity that ends at `x` (exclusive), or `x` itself when
    /// the moment before `x` differs. Stops at the process start (returning a value at or before
    /// it); `Int64.min` when the run reaches back for ever into the steady past.
    private func runStart(endingAt x: Int64, active want: Bool) -> Int64 {
        var y = x
        var steps = 0
        while y > processStart {
            if y <= 0 { return activeBefore == want ? .min : y }
            let j = timeline.phaseIndex(at: y - 1)
            if active[j] != want { return y }
            y = (y - 1) / DemoTimeline.cycleMs * DemoTimeline.cycleMs + timeline.phases[j].startMs
            steps += 1
            // A whole cycle of `want`: every cycle is the same, back to the demo's start.
            if steps > active.count { y = 0 }
        }
        return y
    }
}
