import NIOHTTP1

/// Collects one request at a time from the HTTP parts of a connection: its head and its body,
/// which only a tap request has (`POST` with a `TapByResourceRequest`). The body is bounded:
/// past ``maxBodyBytes`` the rest is dropped and the request is answered 413.
struct DemoKubeRequestReader {
    /// The largest body kept: a tap request is a few dozen bytes.
    static let maxBodyBytes = 1 << 20

    /// A request whose parts have all arrived.
    enum Complete {
        case request(HTTPRequestHead, body: [UInt8])
        /// The body was over ``DemoKubeRequestReader/maxBodyBytes``.
        case bodyTooLarge(HTTPRequestHead)
    }

    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var overflowed = false

    /// The request `part` completes, else `nil`.
    mutating func read(_ part: HTTPServerRequestPart) -> Complete? {
        switch part {
        case .head(let head):
            self.head = head
            body = []
            overflowed = false
            return nil
        case .body(let buffer):
            guard !overflowed else { return nil }
            if body.count + buffer.readableBytes > Self.maxBodyBytes {
                overflowed = true
                body = []
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
            return nil
        case .end:
            guard let head else { return nil }
            defer { self.head = nil; body = [] }
            return overflowed ? .bodyTooLarge(head) : .request(head, body: body)
        }
    }
}
