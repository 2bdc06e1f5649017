import XCTest
@testable import Exposition

/// `increase`/`rate`/`irate` cases; every expected value was also checked against Prometheus
/// 2.42.0 (`promtool test rules`, exact float comparison) with the same samples and window.
final class CounterWindowTests: XCTestCase {
    enum Function { case increase, rate, irate }

    struct Case {
        let name: String
        let function: Function
        let points: [CounterPoint]
        let rangeEndMs: Int64
        let rangeMs: Int64
        let expected: Double?
        let line: UInt

        /// `line` defaults to the call site, so a failure points at the case that failed.
        init(name: String, function: Function, points: [CounterPoint], rangeEndMs: Int64, rangeMs: Int64,
             expected: Double?, line: UInt = #line) {
            (self.name, self.function, self.points) = (name, function, points)
            (self.rangeEndMs, self.rangeMs, self.expected, self.line) = (rangeEndMs, rangeMs, expected, line)
        }
    }

    /// Samples every `stepS` seconds from `startS`, one per value.
    static func series(from startS: Int64, every stepS: Int64, _ values: [Double]) -> [CounterPoint] {
        values.enumerated().map {
            CounterPoint(timestampMs: (startS + Int64($0.offset) * stepS) * 1000, value: $0.element)
        }
    }

    static func points(_ pairs: KeyValuePairs<Int64, Double>) -> [CounterPoint] {
        pairs.map { CounterPoint(timestampMs: $0.key, value: $0.value) }
    }

    /// 10 s scrapes at 5..55 s counting 10..60, inside the window [0, 60 s].
    static let inside = series(from: 5, every: 10, [10, 20, 30, 40, 50, 60])
    static let zeroToHundred = Array(stride(from: 0.0, through: 100, by: 10))
    /// promtool's `0+10x10 0+10x10` at a 10 s interval: 0..100 at 0..100 s, reset, 0..100 at 110..210 s.
    static let promtoolExample = series(from: 0, every: 10, zeroToHundred + zeroToHundred)

    static let cases: [Case] = [
        // 65-5 = 60; durationToStart = durationToEnd = 0 -> factor 60/60 = 1; 60*1
        Case(name: "two points on the range ends", function: .increase,
             points: points([0: 5, 60_000: 65]), rangeEndMs: 60_000, rangeMs: 60_000, expected: 60),
        // factor 1/60 = 0.016666666666666666; 60*0.016666666666666666
        Case(name: "rate of two points on the range ends", function: .rate,
             points: points([0: 5, 60_000: 65]), rangeEndMs: 60_000, rangeMs: 60_000, expected: 1),
        // 60-10 = 50 over 50 s, avg gap 10, threshold 11: both 5 s edges extrapolated -> 50*(60/50) = 50*1.2
        // (durationToZero 50*(10/50) = 10 is not below 5)
        Case(name: "extrapolates to both ends below the threshold", function: .increase,
             points: inside, rangeEndMs: 60_000, rangeMs: 60_000, expected: 60),
        // 120-100 = 20 over 20 s, both edges 20 s >= 11: add avg/2 = 5 twice -> 20*(30/20) = 20*1.5
        Case(name: "half a gap at both ends above the threshold", function: .increase,
             points: series(from: 20, every: 10, [100, 110, 120]),
             rangeEndMs: 60_000, rangeMs: 60_000, expected: 30),
        // 130-100 = 30 over 30 s; start edge 5 < 11 adds 5, end edge 25 >= 11 adds 10/2 = 5 -> 30*(40/30)
        Case(name: "one end below and one above the threshold", function: .increase,
             points: series(from: 5, every: 10, [100, 110, 120, 130]),
             rangeEndMs: 60_000, rangeMs: 60_000, expected: 40),
        // 22-2 = 20 over 20 s; start edge 10 clamped to durationToZero 20*(2/20) = 2 -> 20*(22/20) = 20*1.1
        // (unclamped: 20*(30/20) = 30)
        Case(name: "durationToZero clamps the start", function: .increase,
             points: series(from: 10, every: 10, [2, 12, 22]), rangeEndMs: 30_000, rangeMs: 30_000, expected: 22),
        // 15-10 = 5, 20 -> 5 is a reset: 5+20 = 25; factor 30/30 = 1
        Case(name: "one counter reset", function: .increase,
             points: series(from: 0, every: 10, [10, 20, 5, 15]), rangeEndMs: 30_000, rangeMs: 30_000, expected: 25),
        // 8-10 = -2, +20 (20 -> 5) = 18, +15 (15 -> 3) = 33; factor 50/50 = 1
        Case(name: "two counter resets", function: .increase,
             points: series(from: 0, every: 10, [10, 20, 5, 15, 3, 8]),
             rangeEndMs: 50_000, rangeMs: 50_000, expected: 33),
        // window [10 s, 70 s] keeps only 5 and 65: as "two points on the range ends"; the 1 ms-outside
        // neighbours would add a 1000 reset and move the last value
        Case(name: "points outside the range are ignored", function: .increase,
             points: points([9_999: 1000, 10_000: 5, 70_000: 65, 70_001: 9999]),
             rangeEndMs: 70_000, rangeMs: 60_000, expected: 60),
        Case(name: "one point in range", function: .increase,
             points: points([0: 1, 30_000: 5, 90_000: 9]), rangeEndMs: 60_000, rangeMs: 30_000, expected: nil),
        Case(name: "no points in range", function: .rate,
             points: points([0: 1, 1_000: 5]), rangeEndMs: 60_000, rangeMs: 30_000, expected: nil),
        Case(name: "no points at all", function: .increase,
             points: [], rangeEndMs: 60_000, rangeMs: 60_000, expected: nil),
        // as "extrapolates to both ends": factor (60/50)/60 = 1.2/60 = 0.02; 50*0.02
        Case(name: "rate is increase per second", function: .rate,
             points: inside, rangeEndMs: 60_000, rangeMs: 60_000, expected: 1),
        // 19-7 = 12 over 20 s; edges 1 and 9 < 11 -> factor 30/20 = 1.5; increase 12*1.5 = 18, but rate
        // divides the factor first: 1.5/30 = 0.05, 12*0.05 = 0.6000000000000001 (18/30 would be 0.6)
        Case(name: "rate divides inside the factor", function: .rate,
             points: points([1_000: 7, 11_000: 17, 21_000: 19]), rangeEndMs: 30_000, rangeMs: 30_000,
             expected: 0.6000000000000001),
        // prometheus.md 1(e): window [90 s, 150 s] = 90,100,0,10,20,30,40; 40-90 = -50, +100 reset = 50;
        // both edges 0 -> factor (60/60)/60 = 0.016666666666666666; 50*0.016666666666666666
        Case(name: "promtool example rate(request_total[1m]) at 150s", function: .rate,
             points: promtoolExample, rangeEndMs: 150_000, rangeMs: 60_000, expected: 0.8333333333333334),
        // 3354-0 over the whole 1118 ms window: factor 1 / Go's Duration.Seconds() = 1/(1 + 0.118) =
        // 1/1.1179999999999999; 3354*0.8944543828264759 (dividing by 1.118 would give 2999.9999999999995)
        Case(name: "range seconds follow Go's Duration.Seconds", function: .rate,
             points: points([0: 0, 1_118: 3354]), rangeEndMs: 1_118, rangeMs: 1_118, expected: 3000.0000000000005),
        // last two in [0 s, 30 s] are 25 at 20 s and 45 at 30 s: (45-25)/(10000/1000) = 20/10;
        // the 100 at 40 s is outside
        Case(name: "irate of the last two points", function: .irate,
             points: series(from: 0, every: 10, [0, 10, 25, 45, 100]),
             rangeEndMs: 30_000, rangeMs: 30_000, expected: 2),
        // 25 -> 4 is a reset: the change is 4 itself; 4/10
        Case(name: "irate after a reset", function: .irate,
             points: series(from: 0, every: 10, [0, 10, 25, 4]), rangeEndMs: 30_000, rangeMs: 30_000, expected: 0.4),
        Case(name: "irate of one point", function: .irate,
             points: points([0: 1, 30_000: 5]), rangeEndMs: 60_000, rangeMs: 30_000, expected: nil),
        // Prometheus skips a zero gap rather than divide by it
        Case(name: "irate of two points at one timestamp", function: .irate,
             points: points([30_000: 1, 30_000: 5]), rangeEndMs: 60_000, rangeMs: 60_000, expected: nil),
    ]

    func testCases() {
        for c in Self.cases {
            let actual = Self.evaluate(c.function, c.points[...], rangeEndMs: c.rangeEndMs, rangeMs: c.rangeMs)
            assertBitIdentical(actual, c.expected, c.name, line: c.line)
        }
    }

    /// A slice that doesn't start at index 0 (the window search must use the slice's own indices).
    func testWorksOnASliceWithNonZeroStartIndex() {
        let all = Self.points([0: 1000, 60_000: 5, 120_000: 65])
        XCTAssertEqual(CounterWindow.increase(all[1...], rangeEndMs: 120_000, rangeMs: 60_000), 60)
    }

    static func evaluate(
        _ function: Function, _ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64
    ) -> Double? {
        switch function {
        case .increase: CounterWindow.increase(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs)
        case .rate: CounterWindow.rate(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs)
        case .irate: CounterWindow.irate(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs)
        }
    }
}

/// Bit-for-bit equality of optional results, so even a last-bit difference fails.
private func assertBitIdentical(
    _ actual: Double?, _ expected: Double?, _ name: String, file: StaticString = #filePath, line: UInt
) {
    XCTAssertEqual(actual?.bitPattern, expected?.bitPattern,
                   "\(name): expected \(String(describing: expected)), got \(String(describing: actual))",
                   file: file, line: line)
}
