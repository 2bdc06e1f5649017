/// Cuts a tap stream into its messages, whatever the chunks it arrives in: a frame split over
/// several chunks, or several frames in one. Holds at most one partial frame; a length
/// prefix over the limit is an error, never an allocation.
///
/// ```
/// decoder.append(chunk)
/// while let message = try decoder.nextMessage() { … }
/// // at the end of the stream:
/// try decoder.finish()
/// ```
public struct TapFrameDecoder: Sendable {
    /// The largest message accepted, in bytes (the prefix not counted).
    public let maxMessageBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var failure: TapStreamError?

    /// A decoder that refuses messages over `maxMessageBytes`.
    public init(maxMessageBytes: Int = TapFrame.defaultMaxMessageBytes) {
        precondition(maxMessageBytes >= 0, "a negative frame limit")
        self.maxMessageBytes = maxMessageBytes
    }

    /// Bytes received and not yet handed out.
    public var bufferedBytes: Int { buffer.count - start }

    /// Adds the next bytes of the stream (dropped once the stream has failed).
    public mutating func append(_ chunk: some Sequence<UInt8>) {
        guard failure == nil else { return }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// The next whole message, or `nil` until more bytes come.
    ///
    /// - Throws: ``TapStreamError/frameTooLarge(length:limit:)``, now and on every later call.
    public mutating func nextMessage() throws(TapStreamError) -> [UInt8]? {
        if let failure { throw failure }
        guard let length = pendingLength else { return nil }
        guard length <= maxMessageBytes else {
            let error = TapStreamError.frameTooLarge(length: length, limit: maxMessageBytes)
            failure = error
            buffer = []
            start = 0
            throw error
        }
        let body = start + TapFrame.headerBytes
        guard buffer.count - body >= length else { return nil }
        let message = Array(buffer[body..<body + length])
        start = body + length
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return message
    }

    /// Call at the end of the stream, after the last ``nextMessage()``.
    ///
    /// - Throws: ``TapStreamError/truncatedFrame(received:expected:)`` when a frame was cut
    ///   short; the error that stopped the stream, if one did.
    public func finish() throws(TapStreamError) {
        if let failure { throw failure }
        guard bufferedBytes > 0 else { return }
        throw .truncatedFrame(received: bufferedBytes, expected: pendingLength.map { $0 + TapFrame.headerBytes })
    }

    /// The length in the next frame's prefix, once all four bytes are in.
    private var pendingLength: Int? {
        guard bufferedBytes >= TapFrame.headerBytes else { return nil }
        var length: UInt32 = 0
        for offset in 0..<TapFrame.headerBytes {
            length |= UInt32(buffer[start + offset]) << UInt32(8 * offset)
        }
        return Int(length)
    }
}
