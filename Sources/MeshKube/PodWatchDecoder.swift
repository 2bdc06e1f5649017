/// Cuts a pod watch's byte stream into events: bytes go in as the network delivers them, cut
/// anywhere, and each complete line comes out as one ``PodWatchEvent``.
public struct PodWatchDecoder: Sendable {
    /// The longest line accepted. A pod's JSON is a few kilobytes; a line that grows past this
    /// without ending is not a watch stream, and buffering it would only spend memory.
    public let lineLimit: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`; consumed bytes are dropped when more arrive.
    private var start = 0
    /// How far past `start` is known to hold no newline, so that a long line arriving in small
    /// pieces is searched once, not once a piece.
    private var searched = 0

    /// Creates a decoder for one watch stream.
    public init(lineLimit: Int = 4 << 20) {
        self.lineLimit = lineLimit
    }

    /// Appends the next piece of the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 {
            buffer.removeFirst(start)
            searched -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or `nil` until more bytes arrive. Blank lines are skipped.
    /// After an error, the line at fault has been consumed.
    public mutating func next() throws(PodDecodingError) -> PodWatchEvent? {
        while let newline = buffer[max(start, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = buffer[start..<newline]
            start = newline + 1
            searched = start
            guard line.contains(where: { !Self.isBlank($0) }) else { continue }
            return try PodWatchEvent.decode(line: line)
        }
        searched = buffer.count
        if buffer.count - start > lineLimit {
            buffer.removeAll()
            start = 0
            searched = 0
            throw .lineTooLong(limit: lineLimit)
        }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
