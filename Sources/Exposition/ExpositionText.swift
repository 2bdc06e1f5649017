/// Turns spans of an untrusted body into text that is safe to show or encode.
public enum ExpositionText {
    /// The label value of `span`, with `\\`, `\"` and `\n` escapes decoded.
    /// An unknown escape such as `\t` is kept as written, as Prometheus does.
    public static func labelValue(_ span: LabelSpan, in body: UnsafeBufferPointer<UInt8>) -> String {
        let bytes = UnsafeBufferPointer(rebasing: body[span.value])
        guard span.escaped else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                switch bytes[i + 1] {
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): out.append(bytes[i + 1])
                default: out.append(c); out.append(bytes[i + 1])
                }
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number written at `range` (as a label value like `le="0.5"` holds one), or nil.
    public static func number(_ range: Range<Int>, in body: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = body.baseAddress, !range.isEmpty else { return nil }
        return NumberParsing.double(base, from: range.lowerBound, to: range.upperBound)
    }

    /// The bytes of `range` as a `String` (invalid UTF-8 becomes U+FFFD).
    public static func string(_ range: Range<Int>, in body: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: body[range]), as: UTF8.self)
    }

    /// Whether the bytes of `range` equal `literal`, without making a `String`.
    @inlinable
    public static func equals(_ range: Range<Int>, in body: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        var i = 0
        for b in range {
            if body[b] != l[i] { return false }
            i += 1
        }
        return true
    }

    /// `bytes` decoded as UTF-8 with every control character shown as `\u{…}`-style escapes,
    /// for error messages that quote untrusted input.
    public static func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\x" + String(scalar.value, radix: 16, uppercase: false).leftPadded(to: 2)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
