/// One cumulative histogram bucket: observations <= upperBound.
///
/// `upperBound` is the parsed `le` label; `count` is the bucket's value (usually a rate).
public struct Bucket: Equatable, Sendable {
    /// The bucket's `le` bound; `+Inf` for the catch-all bucket.
    public var upperBound: Double
    /// How many observations (or observations per second) were at most `upperBound`.
    public var count: Double

    /// A bucket holding `count` observations at most `upperBound`.
    public init(upperBound: Double, count: Double) {
        self.upperBound = upperBound
        self.count = count
    }
}

/// Prometheus 2.42's `histogram_quantile` for classic (`le`-labelled) histograms.
///
/// This is a line-by-line port of `bucketQuantile` in promql/quantile.go at v2.42.0 so that
/// meshtop's latency numbers equal a real Prometheus bit for bit. It deliberately does *not*
/// include the ≥ 2.49 small-delta tolerance (`ensureMonotonicAndIgnoreSmallDeltas`).
public enum HistogramQuantile {
    /// The `q`-quantile of cumulative `buckets`, exactly as Prometheus 2.42 `bucketQuantile`.
    ///
    /// `q` in [0,1]; NaN `q` -> NaN; `q < 0` -> -Inf; `q > 1` -> +Inf. Buckets are sorted by
    /// upper bound; without a +Inf bucket -> NaN; equal bounds (`le="1"` and `le="1.0"`) are
    /// summed; counts get a running-max envelope; fewer than 2 buckets -> NaN; a +Inf count of
    /// 0 -> NaN; a rank inside the +Inf bucket -> the highest finite bound; a rank in a first
    /// bucket whose bound is <= 0 -> that bound; otherwise linear interpolation, with the first
    /// bucket starting at 0.
    public static func quantile(_ q: Double, buckets: [Bucket]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        if buckets.isEmpty { return .nan }  // Prometheus never calls it with none; avoid a trap.
        // Prometheus sorts and coalesces its slice in place; we do the same to a scratch copy,
        // which the standard library puts on the stack at histogram sizes (26 Linkerd buckets).
        return withUnsafeTemporaryAllocation(of: Bucket.self, capacity: buckets.count) { scratch in
            _ = scratch.initialize(from: buckets)
            defer { scratch.deinitialize() }
            return sortedQuantile(q, scratch)
        }
    }

    /// Everything after the `q` checks: sort, coalesce, envelope, search, interpolate.
    private static func sortedQuantile(_ q: Double, _ scratch: UnsafeMutableBufferPointer<Bucket>) -> Double {
        insertionSortByBound(scratch)
        guard scratch[scratch.count - 1].upperBound == .infinity else { return .nan }
        let buckets = UnsafeMutableBufferPointer(rebasing: scratch[..<coalesce(scratch)])
        ensureMonotonic(buckets)
        if buckets.count < 2 { return .nan }
        let observations = buckets[buckets.count - 1].count
        if observations == 0 { return .nan }
        var rank = q * observations
        let b = search(buckets.count - 1) { buckets[$0].count >= rank }
        if b == buckets.count - 1 { return buckets[buckets.count - 2].upperBound }
        if b == 0 && buckets[0].upperBound <= 0 { return buckets[0].upperBound }
        var bucketStart = 0.0
        let bucketEnd = buckets[b].upperBound
        var count = buckets[b].count
        if b > 0 {
            bucketStart = buckets[b - 1].upperBound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return bucketStart + (bucketEnd - bucketStart) * (rank / count)
    }

    /// Stable in-place sort by upper bound.
    ///
    /// Scraped buckets almost always arrive sorted, which makes this O(n) and allocation-free
    /// (the standard library's `sort` may allocate a merge buffer). The algorithm only matters
    /// for three or more equal bounds, whose float sum could round differently from Go's
    /// unstable `sort.Sort`; two equal bounds sum the same in either order.
    private static func insertionSortByBound(_ buckets: UnsafeMutableBufferPointer<Bucket>) {
        for i in 1 ..< buckets.count {
            let item = buckets[i]
            var j = i
            while j > 0 && item.upperBound < buckets[j - 1].upperBound {
                buckets[j] = buckets[j - 1]
                j -= 1
            }
            buckets[j] = item
        }
    }

    /// Go's `coalesceBuckets`: merges equal bounds of the sorted prefix; returns the new count.
    private static func coalesce(_ buckets: UnsafeMutableBufferPointer<Bucket>) -> Int {
        var last = buckets[0]
        var i = 0
        for k in 1 ..< buckets.count {
            let b = buckets[k]
            if b.upperBound == last.upperBound {
                last.count += b.count
            } else {
                buckets[i] = last
                last = b
                i += 1
            }
        }
        buckets[i] = last
        return i + 1
    }

    /// Go's `ensureMonotonic`: raises any count below the running maximum to that maximum.
    ///
    /// Kept as Go's two comparisons (not `max(_:_:)`) so NaN counts behave identically.
    private static func ensureMonotonic(_ buckets: UnsafeMutableBufferPointer<Bucket>) {
        var maximum = buckets[0].count
        for i in 1 ..< buckets.count {
            if buckets[i].count > maximum {
                maximum = buckets[i].count
            } else if buckets[i].count < maximum {
                buckets[i].count = maximum
            }
        }
    }

    /// Go's `sort.Search`: the smallest index in [0, n) where `predicate` holds, else `n`.
    ///
    /// Ported probe for probe so a non-monotonic predicate (NaN counts) lands where Go's does.
    private static func search(_ n: Int, _ predicate: (Int) -> Bool) -> Int {
        var i = 0
        var j = n
        while i < j {
            let h = Int(UInt(i + j) >> 1)
            if !predicate(h) {
                i = h + 1
            } else {
                j = h
            }
        }
        return i
    }
}
