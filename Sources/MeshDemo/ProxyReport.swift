/// Requests that all follow one latency distribution: one term of a mixture.
struct LatencyTerm: Sendable {
    /// How many requests (fractional: the model's exact cumulative amount).
    var requests: Double
    var latency: LatencyDistribution
}

/// Responses with one status code on one endpoint series.
struct StatusSeries {
    var code: Int
    var count: UInt64
    var sumMs: UInt64
    /// Cumulative counts, one per `LatencyDistribution.legacyBoundsMs`, then `+Inf` (= `count`).
    var buckets: [UInt64]

    /// The counters of requests drawn from the mixture `terms`: each cumulative bucket is the
    /// floor of Σ requests × share, kept non-decreasing in `le` and at most `count`.
    ///
    /// The terms are summed in the order given; callers keep that order fixed over time, and
    /// every term only grows, so no counter ever goes down as time passes.
    init(code: Int, terms: [LatencyTerm]) {
        self.code = code
        count = Counter.floor(terms.reduce(0) { $0 + $1.requests })
        sumMs = Counter.floor(terms.reduce(0) { $0 + $1.requests * $1.latency.meanMs })
        buckets = Counter.cumulative(terms, bounds: LatencyDistribution.legacyBoundsMs.count, count: count) {
            $0.legacyShares[$1]
        }
    }
}

/// One legacy endpoint label set (`request_total`, `response_latency_ms`, `response_total`).
struct EndpointSeries {
    var labels: [UInt8]
    var statuses: [StatusSeries]
}

/// One transport label set (`tcp_*`).
struct TransportSeries {
    var labels: [UInt8]
    var opened: UInt64
    var open: UInt64
    var read: UInt64
    var written: UInt64
}

/// One outbound route of the OpenMetrics `outbound_http_route_*` families.
struct RouteSeries {
    var labels: [UInt8]
    var statuses: [(code: Int, count: UInt64)]
    var count: UInt64
    var sumSeconds: Double
    /// Cumulative counts, one per `LatencyDistribution.routeBoundsSeconds`, then `+Inf`.
    var buckets: [UInt64]

    /// The route view of requests by status code, on the coarse route buckets.
    init(labels: [UInt8], byCode: [(code: Int, terms: [LatencyTerm])]) {
        self.labels = labels
        statuses = byCode.map { (code: $0.code, count: Counter.floor($0.terms.reduce(0) { $0 + $1.requests })) }
        count = statuses.reduce(0) { $0 + $1.count }
        let all = byCode.flatMap(\.terms)
        sumSeconds = all.reduce(0) { $0 + $1.requests * $1.latency.meanMs } / 1000
        buckets = Counter.cumulative(all, bounds: LatencyDistribution.routeBoundsSeconds.count, count: count) {
            $0.routeShares[$1]
        }
    }
}

/// Everything one `/metrics` body says, as series ready to be written.
struct ProxyReport {
    var endpoints: [EndpointSeries] = []
    var transports: [TransportSeries] = []
    var routes: [RouteSeries] = []
    var cpuSeconds = 0.0
    var residentBytes: UInt64 = 0
    var startTimeSeconds = 0.0
}

/// Rounding of the model's exact amounts to counter values.
enum Counter {
    /// `x` rounded down to a counter value; negative, NaN and absurd inputs count as zero.
    /// The millionth added keeps `83.333… × 86400` from landing on 7199999.
    static func floor(_ x: Double) -> UInt64 {
        x > 0 && x < 1e18 ? UInt64(x + 1e-6) : 0
    }

    /// Cumulative bucket counts of `terms` at `bounds` finite bounds, then `+Inf` = `count`:
    /// non-decreasing in `le` and never above `count`.
    static func cumulative(
        _ terms: [LatencyTerm], bounds: Int, count: UInt64, share: (LatencyDistribution, Int) -> Double
    ) -> [UInt64] {
        var buckets: [UInt64] = []
        buckets.reserveCapacity(bounds + 1)
        var top: UInt64 = 0
        for b in 0..<bounds {
            let value = floor(terms.reduce(0) { $0 + $1.requests * share($1.latency, b) })
            top = min(count, max(top, value))
            buckets.append(top)
        }
        buckets.append(count)
        return buckets
    }
}

/// A pooled set of connections behind one transport series.
enum ConnectionPool {
    /// Connections a pool keeps open for `rps` requests per second: one, plus one per 100 rps.
    static func open(rps: Double) -> UInt64 { 1 + Counter.floor(rps / 100) }

    /// The pool's counters after `elapsed` seconds and `requests` requests: `open` stay open and
    /// one is replaced every `1/reconnectRate` s. On `peer="src"` the proxy reads requests and
    /// writes responses; on `peer="dst"` the reverse.
    static func series(
        labels: [UInt8], open: UInt64, requests: Double, elapsed: Double, reconnectRate: Double = 0.002,
        peerSrc: Bool, requestBytes: Double = 350, responseBytes: Double = 1_100
    ) -> TransportSeries {
        let requestTotal = Counter.floor(requests * requestBytes)
        let responseTotal = Counter.floor(requests * responseBytes)
        return TransportSeries(
            labels: labels, opened: open + Counter.floor(reconnectRate * elapsed), open: open,
            read: peerSrc ? requestTotal : responseTotal, written: peerSrc ? responseTotal : requestTotal)
    }
}
