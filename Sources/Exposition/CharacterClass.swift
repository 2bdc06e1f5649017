/// Byte classes of the exposition grammar, looked up in one 256-entry table.
enum CharacterClass {
    private static let nameStart: UInt8 = 1, nameChar: UInt8 = 2, labelStart: UInt8 = 4, labelChar: UInt8 = 8
    private static let tokenEnd: UInt8 = 16, whitespace: UInt8 = 32

    private static let table: [UInt8] = (0...255).map { (b: Int) -> UInt8 in
        let c = UInt8(b)
        let letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95  // a-z A-Z _
        let digit = c >= 48 && c <= 57
        var bits: UInt8 = 0
        if letter || c == 58 { bits |= nameStart | nameChar }  // ':' is legal in metric names
        if digit { bits |= nameChar | labelChar }
        if letter { bits |= labelStart | labelChar }
        if c == 32 || c == 9 || c == 10 || c == 13 { bits |= tokenEnd | whitespace }
        return bits
    }

    @inline(__always) static func isNameStart(_ c: UInt8) -> Bool { table[Int(c)] & nameStart != 0 }
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool { table[Int(c)] & nameChar != 0 }
    @inline(__always) static func isLabelStart(_ c: UInt8) -> Bool { table[Int(c)] & labelStart != 0 }
    @inline(__always) static func isLabelChar(_ c: UInt8) -> Bool { table[Int(c)] & labelChar != 0 }
    @inline(__always) static func isTokenEnd(_ c: UInt8) -> Bool { table[Int(c)] & tokenEnd != 0 }
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool { table[Int(c)] & whitespace != 0 }
}
