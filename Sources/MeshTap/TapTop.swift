/// `linkerd viz top`, done better: completed requests grouped by (source, destination, method,
/// path), with count, success rate and best, worst, last and p95 latency, both over a
/// sliding window and since the start (top has only the latter).
///
/// Memory is bounded: at most `maxRows` groups (requests of any further group are counted
/// in ``droppedRequests``), and at most `maxWindowRequests` requests kept for the window
/// (beyond that the window holds only the latest, counted in ``windowTruncated``).
public struct TapTop: Sendable {
    /// The two spans a row can cover.
    public enum Span: Hashable, Sendable {
        /// The requests that ended in the last ``TapTop/windowMs``.
        case window
        /// Every request since the start.
        case sinceStart
    }

    public let windowMs: Int64
    public let naming: TapPeerNaming
    public let maxRows: Int

    /// Requests of a group that did not fit under ``maxRows``.
    public private(set) var droppedRequests = 0
    /// Requests recorded, dropped ones included.
    public private(set) var requestCount = 0

    private struct Totals: Sendable {
        var count = 0
        var successes = 0
        var best: Duration?
        var worst: Duration?
        var last: Duration?

        mutating func add(success: Bool, latency: Duration?) {
            count += 1
            if success { successes += 1 }
            guard let latency else { return }
            best = Swift.min(best ?? latency, latency)
            worst = Swift.max(worst ?? latency, latency)
            last = latency
        }
    }

    private struct Sample: Sendable {
        var endedAtMs: Int64
        var row: Int
        var success: Bool
        var latency: Duration?
    }

    private var rowIndex: [TapTopKey: Int] = [:]
    private var keys: [TapTopKey] = []
    private var totals: [Totals] = []
    private var histograms: [LatencyHistogram] = []
    private var window: TapRingBuffer<Sample>

    public init(windowMs: Int64 = 60_000, naming: TapPeerNaming = .workload, maxRows: Int = 10_000,
                maxWindowRequests: Int = 100_000) {
        precondition(windowMs > 0 && maxRows > 0, "top needs a window and room for rows")
        self.windowMs = windowMs
        self.naming = naming
        self.maxRows = maxRows
        window = TapRingBuffer(capacity: maxWindowRequests)
    }

    /// Requests the window lost to its size bound, since the start.
    public var windowTruncated: Int { window.dropped }

    /// The group `request` falls in.
    public func key(for request: TappedRequest) -> TapTopKey {
        TapTopKey(source: TapPeer(request.source, naming: naming),
                  destination: TapPeer(request.destination, naming: naming),
                  method: request.request.method?.description ?? "", path: request.request.path)
    }

    /// Counts a completed request, at the time it ended (``TappedRequest/endedAtMs``).
    public mutating func record(_ request: TappedRequest) {
        requestCount += 1
        let key = key(for: request)
        let row: Int
        if let known = rowIndex[key] {
            row = known
        } else {
            guard keys.count < maxRows else {
                droppedRequests += 1
                return
            }
            row = keys.count
            rowIndex[key] = row
            keys.append(key)
            totals.append(Totals())
            histograms.append(LatencyHistogram())
        }
        totals[row].add(success: request.isSuccess, latency: request.latency)
        if let latency = request.latency { histograms[row].record(latency) }
        let horizon = request.endedAtMs - windowMs
        window.removeOldest { $0.endedAtMs <= horizon }
        window.append(Sample(endedAtMs: request.endedAtMs, row: row, success: request.isSuccess,
                             latency: request.latency))
    }

    /// The rows of `span` at `nowMs`, by count (most first), then by key.
    public func rows(_ span: Span, atMs nowMs: Int64) -> [TapTopRow] {
        let rows: [TapTopRow]
        switch span {
        case .sinceStart:
            rows = totals.indices.map { row in
                let total = totals[row]
                var p95 = histograms[row].quantile(0.95)
                // A bucket's midpoint may lie past the extremes it was recorded between.
                if let estimate = p95, let best = total.best, let worst = total.worst {
                    p95 = min(max(estimate, best), worst)
                }
                return TapTopRow(key: keys[row], count: total.count, successes: total.successes, best: total.best,
                                 worst: total.worst, last: total.last, p95: p95)
            }
        case .window:
            rows = windowRows(atMs: nowMs)
        }
        return rows.sorted(by: .count, descending: true)
    }

    private func windowRows(atMs nowMs: Int64) -> [TapTopRow] {
        var groups: [Int: (totals: Totals, latencies: [Duration])] = [:]
        for sample in window where sample.endedAtMs > nowMs - windowMs && sample.endedAtMs <= nowMs {
            groups[sample.row, default: (Totals(), [])].totals.add(success: sample.success, latency: sample.latency)
            if let latency = sample.latency { groups[sample.row]?.latencies.append(latency) }
        }
        return groups.map { row, group in
            TapTopRow(key: keys[row], count: group.totals.count, successes: group.totals.successes,
                      best: group.totals.best, worst: group.totals.worst, last: group.totals.last,
                      p95: Self.nearestRank(0.95, of: group.latencies))
        }
    }

    private static func nearestRank(_ quantile: Double, of latencies: [Duration]) -> Duration? {
        guard !latencies.isEmpty else { return nil }
        return latencies.sorted()[LatencyHistogram.nearestRank(quantile, of: latencies.count) - 1]
    }
}
