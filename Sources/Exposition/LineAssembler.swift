/// Turns a body that arrives in pieces of any size into pieces of whole lines, for a
/// line-oriented scanner: a line cut between two pieces is kept until its end arrives.
///
/// Only the cut line is copied; the whole lines of a piece are handed out in place.
public struct LineAssembler: Sendable {
    private var carry: [UInt8] = []

    /// An assembler at the start of a body.
    public init() {}

    /// Hands `lines` every run of whole lines (each ending in `\n`) that `piece` completes.
    public mutating func feed(_ piece: UnsafeBufferPointer<UInt8>, _ lines: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = piece.baseAddress, !piece.isEmpty else { return }
        let n = piece.count
        var start = 0
        if !carry.isEmpty {
            let newline = ByteSearch.first(UInt8(ascii: "\n"), in: base, from: 0, to: n)
            guard newline < n else {
                carry.append(contentsOf: piece)
                return
            }
            carry.append(contentsOf: UnsafeBufferPointer(start: base, count: newline + 1))
            carry.withUnsafeBufferPointer(lines)
            carry.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        var end = n
        while end > start, base[end - 1] != UInt8(ascii: "\n") { end -= 1 }
        if end > start { lines(UnsafeBufferPointer(start: base + start, count: end - start)) }
        carry.append(contentsOf: UnsafeBufferPointer(start: base + end, count: n - end))
    }

    /// Hands `lines` the body's last line if it had no `\n`; the assembler is then empty.
    public mutating func finish(_ lines: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !carry.isEmpty { carry.withUnsafeBufferPointer(lines) }
        carry = []
    }
}
