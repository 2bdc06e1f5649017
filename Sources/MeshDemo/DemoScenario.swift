import MeshModel

/// What happens in a demo mesh over time.
public enum DemoScenario: String, Sendable, CaseIterable {
    /// Every rate stays as the topology sets it; `DemoMesh.truth` describes any window.
    case steady
    /// A scripted loop of events every `cycleSeconds` (`DemoEvent.script`), the first 20 s in.
    case events

    /// The scenario called `name` (`steady` or `events`).
    public init(name: String) throws(DemoScenarioError) {
        guard let scenario = DemoScenario(rawValue: name) else { throw DemoScenarioError(name: name) }
        self = scenario
    }

    /// The events scenario repeats every 5 minutes.
    public static let cycleSeconds = 300.0

    /// How long a series that stops seeing traffic stays in the body before it is dropped.
    /// linkerd2-proxy keeps idle series for 10 minutes (`LINKERD2_PROXY_METRICS_RETAIN_IDLE`);
    /// the demo uses 1 minute so the disappearance shows within one events cycle.
    public static let idleRetentionSeconds = 60.0
}

/// `DemoScenario(name:)` was given a name that is no scenario.
public struct DemoScenarioError: Error, Equatable, CustomStringConvertible {
    /// The name that was given.
    public var name: String

    /// What went wrong and what would work.
    public var description: String { "unknown demo scenario '\(name)': use steady or events" }
}

/// One scripted event of the `events` scenario; it recurs every `DemoScenario.cycleSeconds`.
public struct DemoEvent: Sendable, Hashable, CustomStringConvertible {
    /// What happens.
    public enum Kind: Sendable, Hashable {
        /// A rollout of the workload: every call to it succeeds `successFactor` times as often.
        case deploy(WorkloadRef, successFactor: Double)
        /// The edge's 99th-percentile latency is multiplied by `p99Factor` (the median stays).
        case latencySpike(DemoEdgeID, p99Factor: Double)
        /// The pod's proxy restarts at `startSeconds`: its counters start again from zero.
        case restart(pod: String)
        /// The workload gains `pod` at `startSeconds` and loses it again when the event ends.
        case scale(WorkloadRef, pod: String, fromPods: Int)
        /// The edge carries no traffic; its series vanish after `DemoScenario.idleRetentionSeconds`
        /// and start again from zero when traffic resumes.
        case idle(DemoEdgeID)
    }

    /// What happens.
    public var kind: Kind
    /// Seconds into each cycle at which it begins.
    public var startSeconds: Double
    /// How long it lasts; 0 for a restart.
    public var durationSeconds: Double

    /// When it begins (and ends) in each cycle, then what happens, in ASCII, e.g.
    /// `0:20-1:20 deploy emojivoto/deployment/voting: success x0.7`.
    public var description: String {
        let when = durationSeconds > 0
            ? "\(Self.clock(startSeconds))-\(Self.clock(startSeconds + durationSeconds))" : Self.clock(startSeconds)
        switch kind {
        case .deploy(let w, let factor): return "\(when) deploy \(w): success x\(factor)"
        case .latencySpike(let edge, let factor): return "\(when) latency spike \(edge): p99 x\(Int(factor))"
        case .restart(let pod): return "\(when) restart of pod \(pod): counters reset"
        case .scale(let w, let pod, let n): return "\(when) scale \(w) \(n)->\(n + 1)->\(n) pods (\(pod))"
        case .idle(let edge): return "\(when) \(edge) idle; series dropped after \(Int(DemoScenario.idleRetentionSeconds))s"
        }
    }

    /// `m:ss`.
    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds)
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }

    /// The events scenario for `targets`, with the pod names the mesh gave the restarted and the
    /// added pod. Times in each 5-minute cycle:
    /// - 0:20–1:20 deploy: success of every call to the workload ×0.7 (voting 99% → 69.3%);
    /// - 1:10–1:55 latency spike: p99 ×10 on one edge;
    /// - 2:10 restart of one pod;
    /// - 2:30–4:00 scale up by one pod, then back down;
    /// - 3:00–4:30 an edge idles (its series vanish at 4:00 and return, from zero, at 4:30).
    static func script(_ targets: DemoEventTargets, restartPod: String?, scale: (pod: String, from: Int)?) -> [DemoEvent] {
        var events: [DemoEvent] = []
        if let w = targets.deploy { events.append(DemoEvent(kind: .deploy(w, successFactor: 0.7), startSeconds: 20, durationSeconds: 60)) }
        if let e = targets.latencySpike { events.append(DemoEvent(kind: .latencySpike(e, p99Factor: 10), startSeconds: 70, durationSeconds: 45)) }
        if let pod = restartPod { events.append(DemoEvent(kind: .restart(pod: pod), startSeconds: 130, durationSeconds: 0)) }
        if let w = targets.scale, let scale {
            events.append(DemoEvent(kind: .scale(w, pod: scale.pod, fromPods: scale.from), startSeconds: 150, durationSeconds: 90))
        }
        if let e = targets.idle { events.append(DemoEvent(kind: .idle(e), startSeconds: 180, durationSeconds: 90)) }
        return events
    }
}
