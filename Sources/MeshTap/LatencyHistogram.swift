/// Latencies counted in log-linear buckets of microseconds: exact below 64 µs, then 32
/// buckets per power of two, so a quantile read from it is within 1.6% of the true sample.
/// Memory grows with the buckets used, not with the count.
struct LatencyHistogram: Hashable, Sendable {
    private static let subBucketBits = 5
    private static let subBuckets = 1 << subBucketBits
    private var buckets: [Int: Int] = [:]
    private(set) var count = 0

    mutating func record(_ latency: Duration) {
        buckets[Self.bucket(latency.microseconds), default: 0] += 1
        count += 1
    }

    /// The nearest-rank `quantile` (0…1), as its bucket's midpoint; `nil` when empty.
    func quantile(_ quantile: Double) -> Duration? {
        guard count > 0 else { return nil }
        let rank = Self.nearestRank(quantile, of: count)
        var seen = 0
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket] ?? 0
            if seen >= rank { return .microseconds(Self.midpoint(bucket)) }
        }
        return nil
    }

    /// The 1-based rank of the `quantile` among `count` sorted samples (nearest-rank method);
    /// the slack keeps 0.95 × 100 at 95 despite floating point.
    static func nearestRank(_ quantile: Double, of count: Int) -> Int {
        min(count, max(1, Int((quantile * Double(count) - 1e-9).rounded(.up))))
    }

    private static func bucket(_ micros: Int64) -> Int {
        guard micros >= subBuckets else { return Int(micros) }
        let exponent = Int64.bitWidth - 1 - micros.leadingZeroBitCount
        let shift = exponent - subBucketBits
        let sub = Int(micros >> Int64(shift)) & (subBuckets - 1)
        return (shift + 1) * subBuckets + sub
    }

    private static func midpoint(_ bucket: Int) -> Int64 {
        guard bucket >= subBuckets else { return Int64(bucket) }
        let shift = bucket / subBuckets - 1
        let lower = Int64(subBuckets + bucket % subBuckets) << Int64(shift)
        return lower + (Int64(1) << Int64(shift)) / 2
    }
}
