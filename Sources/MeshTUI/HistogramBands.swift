/// A latency histogram's bands: how many observations fell between one bucket bound and the
/// next, taken apart from Prometheus's cumulative buckets and merged to fit a number of rows.
struct HistogramBands {
    /// Observations above `lower` (nil: from the start) and at most `upper`.
    struct Band: Equatable {
        var lower: Double?
        var upper: Double
        var count: Double
        /// How many of the histogram's buckets the band merges.
        var buckets = 1

        /// This band and the next one as one.
        func merged(with next: Band) -> Band {
            Band(lower: lower, upper: next.upper, count: count + next.count, buckets: buckets + next.buckets)
        }
    }

    var bands: [Band]

    /// The bands of cumulative `buckets` (`+Inf` last, as `histogram_quantile` takes them), in
    /// any order. Counts are made monotonic as Prometheus does, so no band is below 0; a count
    /// or bound that is not a number, and an infinite count, add nothing; equal bounds are one band.
    init(_ buckets: [(le: Double, count: Double)]) {
        bands = []
        var cumulative = 0.0
        for bucket in buckets.filter({ !$0.le.isNaN }).sorted(by: { $0.le < $1.le }) {
            let count = bucket.count.isFinite ? max(cumulative, bucket.count) : cumulative
            if let last = bands.last, last.upper == bucket.le {
                bands[bands.count - 1].count += count - cumulative
            } else {
                bands.append(Band(lower: bands.last?.upper, upper: bucket.le, count: count - cumulative))
            }
            cumulative = count
        }
    }

    /// All observations: the sum of the bands.
    var total: Double { bands.reduce(0) { $0 + $1.count } }

    /// These bands in at most `rows` rows: when there are more, the empty bands before the first
    /// observation and after the last are left out, then the two neighbours with the fewest
    /// observations between them are merged (the fewest buckets on a tie, then the lowest) until
    /// they fit, so the detail stays where the traffic is.
    func fitted(rows: Int) -> [Band] {
        guard rows > 0 else { return [] }
        var fitted = bands
        if fitted.count > rows, let first = fitted.firstIndex(where: { $0.count > 0 }),
           let last = fitted.lastIndex(where: { $0.count > 0 }) {
            fitted = Array(fitted[first...last])
        }
        while fitted.count > rows {
            let merges = (0..<(fitted.count - 1)).map { fitted[$0].merged(with: fitted[$0 + 1]) }
            let i = merges.indices.min { (merges[$0].count, merges[$0].buckets) < (merges[$1].count, merges[$1].buckets) }!
            fitted[i] = merges[i]
            fitted.remove(at: i + 1)
        }
        return fitted
    }
}
