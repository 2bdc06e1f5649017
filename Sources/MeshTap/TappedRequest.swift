/// One request seen by tap from start to end: its request-init, response-init (when the
/// response had a head) and response-end events, paired by ``TapPairing``.
public struct TappedRequest: Hashable, Sendable {
    public var source: TapEndpoint
    public var destination: TapEndpoint
    public var routeLabels: [String: String]
    public var direction: TapDirection
    public var request: TapRequestInit
    /// `nil` when the stream ended before a response head (a reset).
    public var response: TapResponseInit?
    public var end: TapResponseEnd
    /// When the request-init event arrived, in the caller's milliseconds.
    public var startedAtMs: Int64
    /// When the response-end event arrived.
    public var endedAtMs: Int64

    public init(source: TapEndpoint, destination: TapEndpoint, routeLabels: [String: String] = [:],
                direction: TapDirection, request: TapRequestInit, response: TapResponseInit?, end: TapResponseEnd,
                startedAtMs: Int64, endedAtMs: Int64) {
        self.source = source
        self.destination = destination
        self.routeLabels = routeLabels
        self.direction = direction
        self.request = request
        self.response = response
        self.end = end
        self.startedAtMs = startedAtMs
        self.endedAtMs = endedAtMs
    }

    /// The request's whole duration (response-end's `since_request_init`), the latency
    /// `linkerd viz top` shows.
    public var latency: Duration? { end.sinceRequestInit }

    /// Whether `linkerd viz top` counts the request as a success: an HTTP status below 500
    /// (or none), and neither a failing gRPC status (``TapGRPCStatus/isFailure(_:)``) nor a reset.
    public var isSuccess: Bool {
        guard (response?.httpStatus ?? 0) < 500 else { return false }
        switch end.end {
        case let .grpcStatus(code)?: return !TapGRPCStatus.isFailure(code)
        case .reset?: return false
        case nil: return true
        }
    }

    /// The connection's TLS status, as ``TapEvent/tls``.
    public var tls: String? { direction.tls(source: source, destination: destination) }
}
