/// One scrape's values, by series slot: NaN where a series had no sample.
///
/// Kept in 4 bytes a value when every value of the scrape is exactly a `Float` (counts below
/// 2^24 and small gauges: nearly all of a proxy's series), else in 8. Nothing is rounded:
/// a scrape with one value that doesn't fit is kept whole in `Double`s.
enum ScrapeValues: Sendable {
    case narrow([Float])
    case wide([Double])

    /// The values of `values`, in the narrowest form that holds them exactly.
    init(_ values: [Double]) {
        if values.allSatisfy({ Double(Float($0)) == $0 || $0.isNaN }) {
            self = .narrow(values.map(Float.init))
        } else {
            self = .wide(values)
        }
    }

    /// The value of `slot`, NaN if the scrape had none (or the series was new after it).
    subscript(slot: Int) -> Double {
        switch self {
        case .narrow(let values): slot < values.count ? Double(values[slot]) : .nan
        case .wide(let values): slot < values.count ? values[slot] : .nan
        }
    }
}
