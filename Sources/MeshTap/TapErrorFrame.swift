/// The tap server's error message, a `linkerd2.viz.ApiError` in a frame: the body of an error
/// answer, or the last frame of a stream the server gave up on.
public enum TapErrorFrame {
    /// The frame for `message`, for the demo's tap server and tests.
    public static func encode(_ message: String) -> [UInt8] {
        var error = Linkerd2_Viz_ApiError()
        error.error = message
        // Encoding a message with no required fields cannot fail.
        return TapFrame.encode(try! error.serializedBytes() as [UInt8])
    }

    /// The message, when `frame` (without its prefix) is an `ApiError` and nothing else: only
    /// field 1 with text, so that a tap event is not mistaken for one.
    static func message(in frame: [UInt8]) -> String? {
        guard frame.first == 0x0A,
              let error = try? Linkerd2_Viz_ApiError(serializedBytes: frame),
              !error.error.isEmpty,
              let again: [UInt8] = try? error.serializedBytes(), again.count == frame.count
        else { return nil }
        return error.error
    }
}
