/// Turns the bytes of a tap response body, in whatever chunks they arrive, into
/// ``TapEvent``s: ``TapFrameDecoder`` cuts the frames, each is decoded as a `TapEvent`.
public struct TapEventDecoder: Sendable {
    private var frames: TapFrameDecoder

    /// A decoder that refuses frames over `maxMessageBytes`.
    public init(maxMessageBytes: Int = TapFrame.defaultMaxMessageBytes) {
        frames = TapFrameDecoder(maxMessageBytes: maxMessageBytes)
    }

    /// Bytes received and not yet decoded (part of the next frame).
    public var bufferedBytes: Int { frames.bufferedBytes }

    /// The events completed by `chunk`, in stream order.
    ///
    /// - Throws: ``TapStreamError``: the stream can't be read on, reconnect; an error frame from
    ///   the server is ``TapStreamError/serverError(_:)``.
    public mutating func events(from chunk: some Sequence<UInt8>) throws(TapStreamError) -> [TapEvent] {
        frames.append(chunk)
        var events: [TapEvent] = []
        while let frame = try frames.nextMessage() {
            events.append(try Self.event(frame))
        }
        return events
    }

    /// The event in `frame`; an error frame where an event was due ends the stream.
    private static func event(_ frame: [UInt8]) throws(TapStreamError) -> TapEvent {
        let event: TapEvent
        do {
            event = try TapEvent(serializedBytes: frame)
        } catch {
            throw TapErrorFrame.message(in: frame).map(TapStreamError.serverError) ?? error
        }
        if event.http == nil, let message = TapErrorFrame.message(in: frame) { throw .serverError(message) }
        return event
    }

    /// Call when the body ends: throws ``TapStreamError/truncatedFrame(received:expected:)``
    /// when it ended inside a frame.
    public func finish() throws(TapStreamError) {
        try frames.finish()
    }
}
