/// What a tap event reports about one HTTP request: three events per request, tied together
/// by their ``TapStreamID``.
public enum TapHTTPEvent: Hashable, Sendable {
    case requestInit(TapRequestInit)
    case responseInit(TapResponseInit)
    case responseEnd(TapResponseEnd)

    /// The request the event belongs to.
    public var streamID: TapStreamID {
        switch self {
        case let .requestInit(event): return event.id
        case let .responseInit(event): return event.id
        case let .responseEnd(event): return event.id
        }
    }
}

/// Names a request within one proxy: `base` is random per proxy process, `stream` counts up.
public struct TapStreamID: Hashable, Sendable, CustomStringConvertible {
    public var base: UInt32
    public var stream: UInt64

    public init(base: UInt32, stream: UInt64) {
        self.base = base
        self.stream = stream
    }

    /// `base:stream`, as in `linkerd viz tap`'s `id=`.
    public var description: String { "\(base):\(stream)" }
}

/// A request's head reached the proxy.
public struct TapRequestInit: Hashable, Sendable {
    public var id: TapStreamID
    /// `nil` when the event had none.
    public var method: TapMethod?
    public var scheme: TapScheme?
    public var authority: String
    public var path: String
    /// Only when the tap request asked for headers (``TapRequest/extractHeaders``).
    public var headers: [TapHeader]

    public init(id: TapStreamID, method: TapMethod?, scheme: TapScheme? = nil, authority: String, path: String,
                headers: [TapHeader] = []) {
        self.id = id
        self.method = method
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.headers = headers
    }
}

/// The response's head reached the proxy.
public struct TapResponseInit: Hashable, Sendable {
    public var id: TapStreamID
    /// Time to the first response byte: the latency `linkerd viz tap` shows.
    public var sinceRequestInit: Duration?
    public var httpStatus: UInt32
    public var headers: [TapHeader]

    public init(id: TapStreamID, sinceRequestInit: Duration?, httpStatus: UInt32, headers: [TapHeader] = []) {
        self.id = id
        self.sinceRequestInit = sinceRequestInit
        self.httpStatus = httpStatus
        self.headers = headers
    }
}

/// The response's body ended, or the stream failed.
public struct TapResponseEnd: Hashable, Sendable {
    public var id: TapStreamID
    /// The request's whole duration: the latency `linkerd viz top` shows.
    public var sinceRequestInit: Duration?
    /// How long the response body took: `linkerd viz tap`'s `duration=`.
    public var sinceResponseInit: Duration?
    public var responseBytes: UInt64
    /// `nil` for a plain HTTP end of stream.
    public var end: TapStreamEnd?
    public var trailers: [TapHeader]

    public init(id: TapStreamID, sinceRequestInit: Duration?, sinceResponseInit: Duration?, responseBytes: UInt64,
                end: TapStreamEnd? = nil, trailers: [TapHeader] = []) {
        self.id = id
        self.sinceRequestInit = sinceRequestInit
        self.sinceResponseInit = sinceResponseInit
        self.responseBytes = responseBytes
        self.end = end
        self.trailers = trailers
    }
}
