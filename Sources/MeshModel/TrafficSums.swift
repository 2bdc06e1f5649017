import Exposition

/// Counter increases and gauge values summed over a set of series within one window:
/// the step between per-series Prometheus math and the golden metrics.
///
/// Summing per-series `increase()` results (rather than summing raw counters first) is what
/// `sum(increase(x[w]))` does, and it is why one series' reset never affects another.
struct TrafficSums: Sendable, Equatable {
    var success = 0.0
    var failure = 0.0
    /// Response series with at least two points in the window.
    var responseSeries = 0
    /// Latency bucket increases (cumulative counts), by upper bound in ms, ascending: a
    /// sorted list rather than a dictionary, as sums of a mesh's proxies mostly share bounds.
    private(set) var bucketList: [Bucket] = []
    var tcpOpenConnections: Double?
    var tcpReadBytes: Double?
    var tcpWriteBytes: Double?

    mutating func add(_ other: TrafficSums) {
        success += other.success
        failure += other.failure
        responseSeries += other.responseSeries
        for bucket in other.bucketList { addBucket(bucket.upperBound, bucket.count) }
        tcpOpenConnections = Self.sum(tcpOpenConnections, other.tcpOpenConnections)
        tcpReadBytes = Self.sum(tcpReadBytes, other.tcpReadBytes)
        tcpWriteBytes = Self.sum(tcpWriteBytes, other.tcpWriteBytes)
    }

    /// Folds one series' contribution in: an increase for counters, the last value for the gauge.
    mutating func add(_ measure: SeriesRole.Measure, increase: Double?, last: Double?) {
        switch measure {
        case .responses(let ok):
            guard let increase else { return }
            responseSeries += 1
            if ok { success += increase } else { failure += increase }
        case .latencyBucket(let le):
            guard let increase else { return }
            addBucket(le, increase)
        case .tcpOpenConnections:
            tcpOpenConnections = Self.sum(tcpOpenConnections, last)
        case .tcpReadBytes:
            tcpReadBytes = Self.sum(tcpReadBytes, increase)
        case .tcpWriteBytes:
            tcpWriteBytes = Self.sum(tcpWriteBytes, increase)
        }
    }

    /// The golden metrics of these sums over a window of `seconds`.
    func golden(windowSeconds seconds: Double) -> GoldenMetrics {
        let total = success + failure
        func quantile(_ q: Double) -> Double? {
            let v = HistogramQuantile.quantile(q, buckets: bucketList)
            return v.isFinite ? v : nil
        }
        return GoldenMetrics(
            rps: responseSeries > 0 ? total / seconds : nil,
            success: total > 0 ? success / total : nil,
            latencyP50: quantile(0.5), latencyP95: quantile(0.95), latencyP99: quantile(0.99),
            tcpOpenConnections: tcpOpenConnections,
            tcpReadBytesRate: tcpReadBytes.map { $0 / seconds },
            tcpWriteBytesRate: tcpWriteBytes.map { $0 / seconds })
    }

    /// Adds `count` to the bucket of bound `le`, in its place among the others.
    private mutating func addBucket(_ le: Double, _ count: Double) {
        var low = 0, high = bucketList.count
        while low < high {
            let mid = (low + high) / 2
            if bucketList[mid].upperBound < le { low = mid + 1 } else { high = mid }
        }
        if low < bucketList.count, bucketList[low].upperBound == le {
            bucketList[low].count += count
        } else {
            bucketList.insert(Bucket(upperBound: le, count: count), at: low)
        }
    }

    private static func sum(_ a: Double?, _ b: Double?) -> Double? {
        guard let b else { return a }
        return (a ?? 0) + b
    }
}
