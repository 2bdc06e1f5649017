/// Which values a chart puts at its bottom and its top.
public enum ChartScale: Hashable, Sendable {
    /// From 0 to the largest value shown: rates, whose zero means something.
    case zeroToMax
    /// From the smallest to the largest value shown: small changes of a steady series.
    case minToMax
    /// A fixed range, values outside it clamped: a success rate over 0…1.
    case fixed(lower: Double, upper: Double)

    /// Where each of `values` stands between this scale's bottom (0) and top (1) over those
    /// values, and the bottom and top; nil for a missing value or one that is not a finite number.
    /// A flat series (top equal to bottom) stands at the top, or at the bottom when it is 0 or less.
    func fractions(of values: some Collection<Double?>) -> (fractions: [Double?], lower: Double, upper: Double) {
        let finite = values.map { $0.flatMap { $0.isFinite ? $0 : nil } }
        let present = finite.compactMap { $0 }
        let (lower, upper): (Double, Double)
        switch self {
        case .zeroToMax: (lower, upper) = (0, max(0, present.max() ?? 0))
        case .minToMax: (lower, upper) = (present.min() ?? 0, present.max() ?? 0)
        case .fixed(let l, let u): (lower, upper) = (l, u)
        }
        let fractions = finite.map { value in
            value.map { v -> Double in
                guard upper > lower else { return upper > 0 ? 1 : 0 }
                // In halves, so the distance between two huge values can't overflow.
                let f = (v / 2 - lower / 2) / (upper / 2 - lower / 2)
                return f.isNaN ? 0 : min(1, max(0, f))
            }
        }
        return (fractions, lower, upper)
    }
}
