/// Byte classes of the exposition grammar: one 256-entry table, looked up through a pointer
/// the scanner keeps, so the hot loops pay neither lazy-global checks nor bounds checks.
struct CharacterClass {
    private static let nameStart: UInt8 = 1, nameChar: UInt8 = 2, labelStart: UInt8 = 4, labelChar: UInt8 = 8
    private static let tokenEnd: UInt8 = 16, whitespace: UInt8 = 32

    /// Built once and never freed or written again, so sharing it across threads is safe.
    nonisolated(unsafe) private static let shared: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0...255 {
            let c = UInt8(b)
            let letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95  // a-z A-Z _
            let digit = c >= 48 && c <= 57
            var bits: UInt8 = 0
            if letter || c == 58 { bits |= nameStart | nameChar }  // ':' is legal in metric names
            if digit { bits |= nameChar | labelChar }
            if letter { bits |= labelStart | labelChar }
            if c == 32 || c == 9 || c == 10 || c == 13 { bits |= tokenEnd | whitespace }
            table[b] = bits
        }
        return UnsafePointer(table)
    }()

    private let table: UnsafePointer<UInt8>

    init() { table = Self.shared }

    @inline(__always) func isNameStart(_ c: UInt8) -> Bool { table[Int(c)] & Self.nameStart != 0 }
    @inline(__always) func isNameChar(_ c: UInt8) -> Bool { table[Int(c)] & Self.nameChar != 0 }
    @inline(__always) func isLabelStart(_ c: UInt8) -> Bool { table[Int(c)] & Self.labelStart != 0 }
    @inline(__always) func isLabelChar(_ c: UInt8) -> Bool { table[Int(c)] & Self.labelChar != 0 }
    /// The class bits of `c`; AND them over a run of bytes and test the result with
    /// `allLabelChars` to check them all at once.
    @inline(__always) func bits(_ c: UInt8) -> UInt8 { table[Int(c)] }
    @inline(__always) func allLabelChars(_ bits: UInt8) -> Bool { bits & Self.labelChar != 0 }
    @inline(__always) func isTokenEnd(_ c: UInt8) -> Bool { table[Int(c)] & Self.tokenEnd != 0 }
    @inline(__always) func isWhitespace(_ c: UInt8) -> Bool { table[Int(c)] & Self.whitespace != 0 }
}
