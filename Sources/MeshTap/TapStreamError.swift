/// Why a tap stream can't be read on: the framing broke, or a message is not a tap event.
/// A stream is unusable after one (a frame boundary is lost), so the caller reconnects.
public enum TapStreamError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A length prefix announced more bytes than the decoder accepts: refused before any is buffered.
    case frameTooLarge(length: Int, limit: Int)
    /// The stream ended inside a frame: `received` of the `expected` bytes (prefix included)
    /// had come. `expected` is `nil` when the prefix itself was cut.
    case truncatedFrame(received: Int, expected: Int?)
    /// A whole frame whose bytes are not a valid message of that type.
    case malformedMessage(type: String, reason: String)
    /// The server ended a running stream with an error frame (a `linkerd2.viz.ApiError` where
    /// an event was due); ``TapProblem/classify(serverError:request:vizNamespace:)`` reads it.
    case serverError(String)

    /// What happened, for a log or a notice.
    public var description: String {
        switch self {
        case let .frameTooLarge(length, limit):
            return "tap stream: a frame of \(length) bytes is over the limit of \(limit) (not a tap stream, or corrupt)"
        case let .truncatedFrame(received, expected?):
            return "tap stream ended inside a frame: \(received) of \(expected) bytes"
        case let .truncatedFrame(received, nil):
            return "tap stream ended inside a frame's length prefix: \(received) of \(TapFrame.headerBytes) bytes"
        case let .malformedMessage(type, reason):
            return "tap stream: a frame is not a valid \(type) (\(reason))"
        case let .serverError(message):
            return "tap stream ended by the server: \(show(message))"
        }
    }
}
