/// Finds bytes eight at a time (SWAR), so the scanner skips long label values
/// and comment lines without a per-byte loop and without libc.
@usableFromInline
enum ByteSearch {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Bytes equal to zero get their high bit set. The lowest flagged byte is exact;
    /// flags above it may be false positives, which is all a forward search needs.
    @inline(__always) @usableFromInline
    static func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    /// Index of the first byte in `from..<to` equal to `a`, or `to`.
    @inline(__always) @usableFromInline
    static func first(_ a: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = ones &* UInt64(a)
        var i = from
        while i + 8 <= to {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian
            let hit = zeroBytes(w ^ pa)
            if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to, p[i] != a { i += 1 }
        return i
    }

    /// Index of the first byte in `from..<to` equal to `a`, `b` or `c`, or `to`.
    @inline(__always) @usableFromInline
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        let pa = ones &* UInt64(a), pb = ones &* UInt64(b), pc = ones &* UInt64(c)
        var i = from
        while i + 8 <= to {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self).littleEndian
            let hit = zeroBytes(w ^ pa) | zeroBytes(w ^ pb) | zeroBytes(w ^ pc)
            if hit != 0 { return i + hit.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to, p[i] != a, p[i] != b, p[i] != c { i += 1 }
        return i
    }
}
