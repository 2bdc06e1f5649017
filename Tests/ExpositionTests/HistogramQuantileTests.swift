import XCTest
@testable import Exposition

/// `histogram_quantile` cases; every expected value was also checked against Prometheus 2.42.0
/// (`promtool test rules`, exact float comparison) with the same buckets as `le`-labelled series.
final class HistogramQuantileTests: XCTestCase {
    /// The `le` bounds every linkerd2-proxy latency histogram uses.
    static let linkerdBounds: [Double] = [
        1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500,
        1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000, .infinity,
    ]

    /// Pairs Linkerd's 26 bounds with 26 cumulative counts.
    static func linkerd(_ counts: [Double]) -> [Bucket] {
        precondition(counts.count == linkerdBounds.count, "one count per Linkerd bound")
        return zip(linkerdBounds, counts).map { Bucket(upperBound: $0, count: $1) }
    }

    static func buckets(_ pairs: KeyValuePairs<Double, Double>) -> [Bucket] {
        pairs.map { Bucket(upperBound: $0.key, count: $0.value) }
    }

    /// 10 observations <= 5 ms, 30 <= 10, 60 <= 20, 80 <= 30, 90 <= 40, 95 <= 50, all 100 <= 100.
    static let typical = linkerd([0, 0, 0, 0, 10, 30, 60, 80, 90, 95] + Array(repeating: 100, count: 16))
    /// Like `typical` up to 40 ms, but 10 of the 100 observations are above 50000 ms.
    static let slowTail = linkerd([0, 0, 0, 0, 10, 30, 60, 80, 90] + Array(repeating: 90, count: 16) + [100])
    /// 4 observations <= 1 ms, all 8 <= 2 ms.
    static let fastFirst = linkerd([4] + Array(repeating: 8, count: 25))
    /// Three buckets only: 80 <= 50, 90 <= 100, 100 in total.
    static let short = buckets([50: 80, 100: 90, .infinity: 100])
    /// Bounds below and at zero: 2 <= -1, 4 <= 0, 8 <= 1.
    static let negative = buckets([-1: 2, 0: 4, 1: 8, .infinity: 8])

    struct Case {
        let name: String
        let q: Double
        let buckets: [Bucket]
        let expected: Double
        let line: UInt

        /// `line` defaults to the call site, so a failure points at the case that failed.
        init(name: String, q: Double, buckets: [Bucket], expected: Double, line: UInt = #line) {
            (self.name, self.q, self.buckets, self.expected, self.line) = (name, q, buckets, expected, line)
        }
    }

    static let cases: [Case] = [
        // rank 0.5*100 = 50 -> le=20 (60); 10 + (20-10)*((50-30)/(60-30)) = 10 + 6.666666666666666
        Case(name: "interpolates inside a bucket", q: 0.5, buckets: typical, expected: 16.666666666666664),
        // rank 0.95*100 = 95 == count(le=50): 40 + (50-40)*((95-90)/(95-90)) = 40 + 10*1
        Case(name: "rank exactly on a boundary", q: 0.95, buckets: typical, expected: 50),
        // rank 99 -> le=100 (100): 50 + (100-50)*((99-95)/(100-95)) = 50 + 50*0.8
        Case(name: "interpolates p99", q: 0.99, buckets: typical, expected: 90),
        // rank 0.25*8 = 2 -> le=1 (4), first bucket starts at 0: 0 + (1-0)*(2/4)
        Case(name: "first bucket starts at 0", q: 0.25, buckets: fastFirst, expected: 0.5),
        // rank 0 -> le=1 (4 >= 0): 0 + 1*(0/4)
        Case(name: "q=0 with a non-empty first bucket", q: 0, buckets: fastFirst, expected: 0),
        // rank 0 -> le=1 (0 >= 0): 0 + 1*(0/0) = NaN
        Case(name: "q=0 with an empty first bucket", q: 0, buckets: typical, expected: .nan),
        // rank 100 -> first count >= 100 is le=100: 50 + 50*((100-95)/(100-95))
        Case(name: "q=1 gives the first bound holding everything", q: 1, buckets: typical, expected: 100),
        // rank 95 > 90 = count(le=50000): only +Inf reaches it -> second-highest bound
        Case(name: "rank in +Inf gives the highest finite bound", q: 0.95, buckets: slowTail, expected: 50000),
        // rank 95 > 90 = count(le=100) -> second-highest bound
        Case(name: "rank in +Inf with three buckets", q: 0.95, buckets: short, expected: 100),
        // rank 100: only +Inf holds all 100 -> second-highest bound
        Case(name: "q=1 reaching only +Inf", q: 1, buckets: short, expected: 100),
        // observations = count(+Inf) = 0
        Case(name: "all-zero buckets", q: 0.5, buckets: linkerd(Array(repeating: 0, count: 26)), expected: .nan),
        // a non-empty first bucket, so falling through would give 0 + 1*(-4/4) = -1, not -Inf
        Case(name: "q below 0", q: -0.5, buckets: fastFirst, expected: -.infinity),
        // observations 0 with a first bound <= 0: falling through would return that bound, -1
        Case(name: "all-zero buckets below zero", q: 0.5,
             buckets: buckets([-1: 0, 1: 0, .infinity: 0]), expected: .nan),
        Case(name: "q above 1", q: 1.5, buckets: typical, expected: .infinity),
        Case(name: "NaN q", q: .nan, buckets: typical, expected: .nan),
        Case(name: "no +Inf bucket", q: 0.5, buckets: Array(typical.dropLast()), expected: .nan),
        Case(name: "only a +Inf bucket", q: 0.5, buckets: buckets([.infinity: 10]), expected: .nan),
        Case(name: "no buckets at all", q: 0.5, buckets: [], expected: .nan),
        // envelope 5,3,8,10 -> 5,5,8,10; rank 6 -> le=3: 2 + 1*((6-5)/(8-5)) = 2 + 0.3333333333333333
        // (without the fix: 2 + 1*((6-3)/(8-3)) = 2.6)
        Case(name: "non-monotonic counts are enveloped", q: 0.6,
             buckets: buckets([1: 5, 2: 3, 3: 8, .infinity: 10]), expected: 2.3333333333333335),
        // le="1" and le="1.0" both parse to 1: 2+3 = 5; rank 7 -> le=2: 1 + 1*((7-5)/(10-5)) = 1 + 0.4
        Case(name: "duplicate bounds are summed", q: 0.7,
             buckets: buckets([1: 2, 1: 3, 2: 10, .infinity: 10]), expected: 1.4),
        // same numbers as "interpolates inside a bucket", shuffled
        Case(name: "unsorted input is sorted", q: 0.5, buckets: unsorted(typical), expected: 16.666666666666664),
        // rank 0.1*8 = 0.8 -> le=-1, first bound <= 0 is returned as is
        Case(name: "negative first bound is returned", q: 0.1, buckets: negative, expected: -1),
        // rank 0.4*8 = 3.2 -> le=0 (4): -1 + (0-(-1))*((3.2-2)/(4-2)) = -1 + 0.6000000000000001
        Case(name: "interpolates above a negative bound", q: 0.4, buckets: negative, expected: -0.3999999999999999),
        // rank 0.1*8 = 0.8 -> le=0 (2 >= 0.8); a first bound of 0 counts as <= 0
        Case(name: "first bound of zero is returned", q: 0.1,
             buckets: buckets([0: 2, 1: 8, .infinity: 8]), expected: 0),
    ]

    /// A fixed, thoroughly out-of-order permutation (reversed, then odd/even interleaved).
    static func unsorted(_ sorted: [Bucket]) -> [Bucket] {
        let reversed = Array(sorted.reversed())
        return reversed.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            + reversed.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    }

    func testCases() {
        for c in Self.cases {
            let actual = HistogramQuantile.quantile(c.q, buckets: c.buckets)
            assertBitIdentical(actual, c.expected, c.name, line: c.line)
        }
    }

    func testUnsortedPermutationReallyIsUnsorted() {
        let bounds = Self.unsorted(Self.typical).map(\.upperBound)
        XCTAssertNotEqual(bounds, bounds.sorted())
        XCTAssertEqual(bounds.sorted(), Self.linkerdBounds)
    }
}

/// Bit-for-bit equality, so even a last-bit difference fails; NaN only has to be some NaN.
private func assertBitIdentical(
    _ actual: Double, _ expected: Double, _ name: String, file: StaticString = #filePath, line: UInt
) {
    if expected.isNaN {
        XCTAssertTrue(actual.isNaN, "\(name): expected NaN, got \(actual)", file: file, line: line)
    } else {
        XCTAssertEqual(actual.bitPattern, expected.bitPattern,
                       "\(name): expected \(expected), got \(actual)", file: file, line: line)
    }
}
