/// One sample of a counter: integer milliseconds, as Prometheus stores them.
public struct CounterPoint: Equatable, Sendable {
    /// Sample time in Unix milliseconds; Prometheus' TSDB keeps nothing finer.
    public var timestampMs: Int64
    /// The counter's value at `timestampMs`.
    public var value: Double

    /// A counter sample of `value` taken at `timestampMs`.
    public init(timestampMs: Int64, value: Double) {
        self.timestampMs = timestampMs
        self.value = value
    }
}

/// Prometheus 2.42's `increase()`, `rate()` and `irate()` over a window of counter samples.
///
/// Ports of `extrapolatedRate` and `instantValue` in promql/functions.go at v2.42.0, keeping
/// Go's float operation order so results equal a real Prometheus bit for bit. The window is
/// closed on both ends, `[end - range, end]`, as in 2.x (3.x made it left-open). Nothing here
/// allocates: the window is a sub-slice view and every loop walks it in place.
public enum CounterWindow {
    /// Prometheus 2.42 `increase()` (extrapolatedRate, isCounter=true, isRate=false) over the range
    /// [rangeEndMs - rangeMs, rangeEndMs] (closed on both ends, as 2.x).
    ///
    /// `points` are sorted by time; points outside the range are ignored. Fewer than 2 points
    /// in range -> nil, as Prometheus drops the series from the result.
    public static func increase(_ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64) -> Double? {
        extrapolatedRate(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs, isRate: false)
    }

    /// Prometheus 2.42 `rate()`: `increase()` with the factor divided by the range in seconds.
    ///
    /// The division happens inside the factor, before it scales the value, as Prometheus does;
    /// so the result may differ from `increase / seconds` in the last bit.
    public static func rate(_ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64) -> Double? {
        extrapolatedRate(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs, isRate: true)
    }

    /// Prometheus `irate()`: the per-second change between the last two points in range.
    ///
    /// On a decrease (a counter reset) the change is the last value itself. Fewer than 2 points,
    /// or two points with the same timestamp -> nil.
    public static func irate(_ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64) -> Double? {
        let samples = window(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs)
        guard samples.count >= 2 else { return nil }
        let last = samples[samples.endIndex - 1]
        let previous = samples[samples.endIndex - 2]
        let resultValue = last.value < previous.value ? last.value : last.value - previous.value
        let sampledInterval = last.timestampMs - previous.timestampMs
        if sampledInterval == 0 { return nil }
        return resultValue / (Double(sampledInterval) / 1000)
    }

    /// Go's `extrapolatedRate` with isCounter=true; statement order mirrors functions.go:66–155.
    private static func extrapolatedRate(
        _ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64, isRate: Bool
    ) -> Double? {
        let samples = window(points, rangeEndMs: rangeEndMs, rangeMs: rangeMs)
        guard samples.count >= 2 else { return nil }
        let first = samples[samples.startIndex]
        let last = samples[samples.endIndex - 1]
        let resultValue = resetCorrectedDelta(samples)

        var durationToStart = Double(first.timestampMs - (rangeEndMs - rangeMs)) / 1000
        let durationToEnd = Double(rangeEndMs - last.timestampMs) / 1000
        let sampledInterval = Double(last.timestampMs - first.timestampMs) / 1000
        let averageDurationBetweenSamples = sampledInterval / Double(samples.count - 1)

        // A counter cannot go below zero, so don't extrapolate back past where it would hit 0.
        // 2.42 applies this clamp *before* the threshold test (2.51 swapped them).
        if resultValue > 0 && first.value >= 0 {
            let durationToZero = sampledInterval * (first.value / resultValue)
            if durationToZero < durationToStart {
                durationToStart = durationToZero
            }
        }

        // Extrapolate to a window edge only if it is about one sample gap away; otherwise the
        // series probably started or ended inside the window, so assume half a gap.
        let extrapolationThreshold = averageDurationBetweenSamples * 1.1
        var extrapolateToInterval = sampledInterval
        extrapolateToInterval += durationToStart < extrapolationThreshold
            ? durationToStart : averageDurationBetweenSamples / 2
        extrapolateToInterval += durationToEnd < extrapolationThreshold
            ? durationToEnd : averageDurationBetweenSamples / 2

        var factor = extrapolateToInterval / sampledInterval
        if isRate {
            factor /= goDurationSeconds(milliseconds: rangeMs)
        }
        return resultValue * factor
    }

    /// `last - first`, plus the value before every decrease (a reset), added in sample order.
    private static func resetCorrectedDelta(_ samples: ArraySlice<CounterPoint>) -> Double {
        var resultValue = samples[samples.endIndex - 1].value - samples[samples.startIndex].value
        var prevValue = samples[samples.startIndex].value
        for i in samples.startIndex + 1 ..< samples.endIndex {
            let value = samples[i].value
            if value < prevValue {
                resultValue += prevValue
            }
            prevValue = value
        }
        return resultValue
    }

    /// Go's `time.Duration.Seconds()` for a whole number of milliseconds.
    ///
    /// Go adds whole seconds and the nanosecond remainder / 1e9 separately, which is not always
    /// `Double(ms) / 1000`: 1118 ms gives 1.1179999999999999, not 1.118.
    static func goDurationSeconds(milliseconds: Int64) -> Double {
        let seconds = milliseconds / 1000
        let nanoseconds = (milliseconds % 1000) * 1_000_000
        return Double(seconds) + Double(nanoseconds) / 1e9
    }

    /// The points with `rangeEndMs - rangeMs <= t <= rangeEndMs`, as a view into `points`.
    private static func window(
        _ points: ArraySlice<CounterPoint>, rangeEndMs: Int64, rangeMs: Int64
    ) -> ArraySlice<CounterPoint> {
        let rangeStartMs = rangeEndMs - rangeMs
        let lower = partitionIndex(points) { $0.timestampMs >= rangeStartMs }
        let upper = partitionIndex(points) { $0.timestampMs > rangeEndMs }
        return points[lower..<max(lower, upper)]
    }

    /// Binary search: the first index of sorted `points` where `isAtOrPast` holds, else endIndex.
    private static func partitionIndex(
        _ points: ArraySlice<CounterPoint>, _ isAtOrPast: (CounterPoint) -> Bool
    ) -> Int {
        var low = points.startIndex
        var high = points.endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isAtOrPast(points[mid]) {
                high = mid
            } else {
                low = mid + 1
            }
        }
        return low
    }
}
