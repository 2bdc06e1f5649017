/// One scrape's values, by series slot: NaN where a series had no sample.
///
/// Kept in 4 bytes a value, as a `Float`, when it is exactly one (counts below 2^24, latency
/// buckets, gauges: most of a proxy's series); the few a `Float` can't hold exactly (byte
/// counters past 16 MB, long-lived request counters) are kept beside, whole, as `Double`s.
/// Nothing is rounded.
struct ScrapeValues: Sendable {
    private var narrow: [Float]
    /// The slots whose value is in `wideValues`, ascending.
    private var wideSlots: [Int32] = []
    private var wideValues: [Double] = []

    /// Marks a slot whose value is kept as a `Double`: a NaN no value is stored as.
    private static let elsewhere = Float(bitPattern: 0x7FC0_0001)

    /// The values of `values` by slot.
    init(_ values: [Double]) {
        narrow = [Float](repeating: .nan, count: values.count)
        for (slot, value) in values.enumerated() where !value.isNaN {
            if Double(Float(value)) == value {
                narrow[slot] = Float(value)
            } else {
                narrow[slot] = Self.elsewhere
                wideSlots.append(Int32(slot))
                wideValues.append(value)
            }
        }
    }

    /// The value of `slot`, NaN if the scrape had none (or the series was new after it).
    subscript(slot: Int) -> Double {
        guard slot < narrow.count else { return .nan }
        let value = narrow[slot]
        guard value.bitPattern == Self.elsewhere.bitPattern else { return Double(value) }
        var (low, high) = (0, wideSlots.count)
        while low < high {
            let mid = (low + high) / 2
            if wideSlots[mid] < Int32(slot) { low = mid + 1 } else { high = mid }
        }
        return wideValues[low]
    }
}
