/// A log-normal latency distribution fixed by its median and 99th percentile, with its
/// cumulative share at every bucket bound linkerd2-proxy reports.
///
/// σ = ln(p99/p50) / 2.326 (2.326 being the standard normal's 99th percentile), and the CDF is
/// Φ((ln x − ln p50) / σ), with Φ from the Abramowitz–Stegun 7.1.26 `erf` (error < 1.5e-7).
struct LatencyDistribution: Sendable, Hashable {
    /// The 25 finite `le` bounds of `response_latency_ms`, in ms; `+Inf` follows.
    static let legacyBoundsMs: [Double] = [
        1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500,
        1_000, 2_000, 3_000, 4_000, 5_000, 10_000, 20_000, 30_000, 40_000, 50_000,
    ]
    /// The 4 finite `le` bounds of `outbound_http_route_request_duration_seconds`; `+Inf` follows.
    static let routeBoundsSeconds: [Double] = [0.05, 0.5, 1, 10]

    /// The median, in ms.
    let p50Ms: Double
    /// The 99th percentile, in ms.
    let p99Ms: Double
    /// The mean, in ms: p50 · e^(σ²/2).
    let meanMs: Double
    /// The share of requests at or under each of `legacyBoundsMs`, non-decreasing, at most 1.
    let legacyShares: [Double]
    /// The share of requests at or under each of `routeBoundsSeconds`.
    let routeShares: [Double]

    /// The distribution with this median and 99th percentile; a p99 at or under the median
    /// gives a narrow spread (σ = 0.01) rather than a degenerate one.
    init(p50Ms: Double, p99Ms: Double) {
        let median = p50Ms > 0 && p50Ms.isFinite ? p50Ms : 1
        let sigma = p99Ms > median && p99Ms.isFinite ? Self.log(p99Ms / median) / 2.326 : 0.01
        self.p50Ms = median
        self.p99Ms = p99Ms
        meanMs = median * Self.exp(sigma * sigma / 2)
        let cdf = { (x: Double) in Self.phi((Self.log(x) - Self.log(median)) / sigma) }
        legacyShares = Self.monotone(Self.legacyBoundsMs.map(cdf))
        routeShares = Self.monotone(Self.routeBoundsSeconds.map { cdf($0 * 1000) })
    }

    /// The standard normal CDF, clamped to [0, 1].
    static func phi(_ z: Double) -> Double {
        min(1, max(0, 0.5 * (1 + erf(z / 2.0.squareRoot()))))
    }

    /// Abramowitz–Stegun 7.1.26, odd-extended to negative `x`.
    static func erf(_ x: Double) -> Double {
        let a = abs(x)
        let t = 1 / (1 + 0.327_591_1 * a)
        let poly = t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741
            + t * (-1.453_152_027 + t * 1.061_405_429))))
        let y = 1 - poly * exp(-a * a)
        return x < 0 ? -y : y
    }

    /// Each share raised to the running maximum, so rounding never makes a bucket shrink.
    private static func monotone(_ shares: [Double]) -> [Double] {
        var top = 0.0
        return shares.map { top = max(top, $0); return top }
    }

    // The stdlib has no `log`/`exp` without Foundation or Glibc; these series are exact to
    // well under the erf approximation's error for the arguments used here.

    /// Natural logarithm of a positive finite `x`: split off powers of two, then atanh series.
    static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? -.infinity : .nan }
        let exponent = Double(x.exponent)
        let m = x.significand  // in [1, 2)
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var term = s
        var sum = 0.0
        var k = 1.0
        while abs(term) > 1e-18 {
            sum += term / k
            term *= s2
            k += 2
        }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }

    /// e^x for finite `x`: e^x = 2^n · e^r with |r| ≤ ln2/2, Taylor series for e^r.
    static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? .infinity : 0 }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let ln2 = 0.693_147_180_559_945_3
        let n = (x / ln2).rounded()
        let r = x - n * ln2
        var term = 1.0
        var sum = 1.0
        var k = 1.0
        while abs(term) > 1e-17 {
            term *= r / k
            sum += term
            k += 1
        }
        return Double(sign: .plus, exponent: Int(n), significand: sum)
    }
}
