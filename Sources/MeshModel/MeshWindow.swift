/// The scrape history of every proxy, turned into `Snapshot`s of golden metrics over a
/// sliding window.
///
/// Pure: time comes in as parameters, so the same scrapes always give the same numbers.
public struct MeshWindow: Sendable {
    /// The window rates and quantiles are computed over, in milliseconds.
    public var windowMs: Int64
    private var histories: [String: ProxyHistory] = [:]
    private var health: [String: TargetHealth] = [:]
    private var order: [String] = []
    private var ordered = Set<String>()

    /// An empty mesh with a window of `windowMs`.
    public init(windowMs: Int64) {
        self.windowMs = windowMs
    }

    /// Records one scrape of `target`: its body when it succeeded, or its failure.
    /// A failed scrape leaves the target's earlier points in place; it only misses this one.
    public mutating func record(_ target: ScrapeTarget, body: [UInt8]?, at timestampMs: Int64, health: TargetHealth) {
        let scrape = body.map { body in
            var scrape = begin(target)
            body.withUnsafeBufferPointer { feed(target, $0, into: &scrape) }
            return scrape
        }
        finish(target, scrape, at: timestampMs, health: health)
    }

    /// Starts reading a scrape of `target` while its body arrives, so that the body need not
    /// be held whole: ``feed(_:_:into:)`` each piece, then ``finish(_:_:at:health:)``.
    public mutating func begin(_ target: ScrapeTarget) -> ProxyHistory.PendingScrape {
        follow(target)
        return histories[target.url]!.begin()
    }

    /// Reads the next piece of a scrape ``begin(_:)`` started.
    public mutating func feed(_ target: ScrapeTarget, _ piece: UnsafeBufferPointer<UInt8>,
                              into scrape: inout ProxyHistory.PendingScrape) {
        histories[target.url]?.feed(piece, into: &scrape)
    }

    /// Ends a scrape of `target`: keeps the `scrape` read whole, or, when it is nil (the
    /// transfer failed), only the failure in `health`.
    public mutating func finish(_ target: ScrapeTarget, _ scrape: ProxyHistory.PendingScrape?,
                                at timestampMs: Int64, health: TargetHealth) {
        follow(target)
        var h = health
        if let scrape, let report = histories[target.url]?.commit(scrape, at: timestampMs) {
            h.samples = report.samples
            h.parseErrors = report.errorCount
            h.parseErrorMessages = report.errors.map(\.description)
        }
        self.health[target.url] = h
        histories[target.url]!.forget(before: timestampMs - windowMs)
    }

    /// Starts a history for `target` if it has none.
    private mutating func follow(_ target: ScrapeTarget) {
        guard histories[target.url] == nil else { return }
        histories[target.url] = ProxyHistory(target: target)
        if ordered.insert(target.url).inserted { order.append(target.url) }
    }

    /// Sets the targets to follow, in the order they are listed in, and forgets every other:
    /// a pod that is gone leaves the pod list and its workload's pod count, instead of
    /// lingering as a failed target. Scrapes may then be recorded in any order.
    public mutating func track(_ targets: [ScrapeTarget]) {
        let wanted = targets.map(\.url)
        let keep = Set(wanted)
        order = wanted
        ordered = keep
        if histories.keys.contains(where: { !keep.contains($0) }) {
            histories = histories.filter { keep.contains($0.key) }
            health = health.filter { keep.contains($0.key) }
        }
    }

    /// The golden metrics over `[endMs - rangeMs, endMs]` (default: the window).
    public func snapshot(at endMs: Int64, rangeMs: Int64? = nil) -> Snapshot {
        let range = rangeMs ?? windowMs
        let seconds = Double(range) / 1000
        var workloads: [WorkloadRef: (pods: Int, sums: TrafficSums)] = [:]
        var edges: [EdgeKey: EdgeAccumulator] = [:]
        var pods: [PodStats] = []
        for url in order {
            guard let history = histories[url] else { continue }
            let target = history.target
            let window = history.window(endMs: endMs, rangeMs: range)
            workloads[target.workload, default: (0, TrafficSums())].pods += 1
            workloads[target.workload]!.sums.add(window.inbound)
            pods.append(PodStats(pod: target.pod, workload: target.workload,
                                 metrics: window.inbound.golden(windowSeconds: seconds), url: url))
            for (peer, sums) in window.outbound {
                edges[EdgeKey(src: target.workload, dst: peer.workload), default: EdgeAccumulator()].add(peer, sums)
            }
        }
        return Snapshot(
            generatedAtMs: endMs, windowSeconds: seconds,
            workloads: workloads.map { ref, value in
                WorkloadStats(workload: ref, meshedPods: value.pods, totalPods: value.pods,
                              metrics: value.sums.golden(windowSeconds: seconds), latencyBuckets: value.sums.bucketList)
            }.sorted { $0.workload < $1.workload },
            edges: edges.map { key, acc in acc.stats(key, windowSeconds: seconds) }
                .sorted { ($0.src, $0.dst) < ($1.src, $1.dst) },
            pods: pods.sorted { ($0.workload, $0.pod) < ($1.workload, $1.pod) },
            targets: order.compactMap { health[$0] })
    }
}

private struct EdgeKey: Hashable {
    var src: WorkloadRef
    var dst: WorkloadRef
}

/// Merges the outbound peers (which differ in TLS state) that make up one edge.
private struct EdgeAccumulator {
    var sums = TrafficSums()
    var secured = true
    var reasons: [String] = []
    var serverIDs: [String] = []

    mutating func add(_ peer: OutboundPeer, _ traffic: TrafficSums) {
        sums.add(traffic)
        if peer.tls != "true" {
            secured = false
            let reason = peer.noTLSReason.isEmpty ? peer.tls : peer.noTLSReason
            if !reason.isEmpty, !reasons.contains(reason) { reasons.append(reason) }
        } else if !peer.serverID.isEmpty, !serverIDs.contains(peer.serverID) {
            serverIDs.append(peer.serverID)
        }
    }

    func stats(_ key: EdgeKey, windowSeconds: Double) -> EdgeStats {
        EdgeStats(src: key.src, dst: key.dst, metrics: sums.golden(windowSeconds: windowSeconds),
                  mtls: secured, noTLSReason: reasons.sorted().joined(separator: ","),
                  serverID: serverIDs.sorted().joined(separator: ","))
    }
}
