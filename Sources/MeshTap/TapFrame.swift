/// The framing of Linkerd's tap API (`pkg/protohttp`): every message on the stream, event or
/// error, is its byte count as a 4-byte little-endian unsigned integer, then the protobuf
/// bytes. The request body is not framed.
public enum TapFrame {
    /// Bytes of the length prefix.
    public static let headerBytes = 4

    /// The largest message ``TapFrameDecoder`` accepts unless told otherwise: 4 MiB, far above
    /// any tap event (a few hundred bytes; a few KiB with headers).
    public static let defaultMaxMessageBytes = 4 << 20

    /// `message` with its length prefix. `message` must be shorter than 4 GiB.
    public static func encode(_ message: some Collection<UInt8>) -> [UInt8] {
        var framed: [UInt8] = []
        framed.reserveCapacity(headerBytes + message.count)
        append(message, to: &framed)
        return framed
    }

    /// Appends `message` with its length prefix to `stream`.
    public static func append(_ message: some Collection<UInt8>, to stream: inout [UInt8]) {
        precondition(message.count <= Int(UInt32.max), "a tap frame holds at most 4 GiB")
        let length = UInt32(message.count)
        for shift in stride(from: 0, to: 32, by: 8) { stream.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
        stream.append(contentsOf: message)
    }
}
