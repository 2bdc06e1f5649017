/// Parses the numbers of an exposition line straight from bytes.
enum NumberParsing {
    /// Powers of ten exactly representable as Double, for the fast path.
    private static let pow10: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// A sample value: decimal, exponent, `NaN`, `+Inf`, `-Inf` (and what Go's ParseFloat
    /// accepts besides). Nil when the bytes are no number.
    ///
    /// Most values are short decimals; those take Clinger's fast path (an exact mantissa
    /// below 2^53 divided by an exact power of ten is correctly rounded). The rest go
    /// through the standard library, which is exact and locale-independent.
    static func double(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        while i < end, case let d = p[i] &- 48, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, case let d = p[i] &- 48, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d); digits += 1; fraction += 1; i += 1
            }
        }
        if i == end, digits > 0, digits <= 19, mantissa <= 1 << 53, fraction <= 22 {
            let v = fraction == 0 ? Double(mantissa) : Double(mantissa) / pow10[fraction]
            return negative ? -v : v
        }
        return slowDouble(p, from: start, to: end)
    }

    private static func slowDouble(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double? {
        guard end > start, end - start <= 64 else { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        // Like Go's ParseFloat: signs, exponents, hex floats, "inf"/"infinity"/"nan" in any case.
        return Double(text)
    }

    /// An integer timestamp in milliseconds (Prometheus text format). Nil when not an integer
    /// or out of range.
    static func int64(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int64? {
        var i = start
        var negative = false
        if i < end, p[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < end, end - i <= 18 else { return nil }
        var v: Int64 = 0
        while i < end {
            let d = p[i] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
            i += 1
        }
        return negative ? -v : v
    }
}
