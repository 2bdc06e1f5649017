/// One event of Linkerd's tap stream, decoded: who talked to whom, seen by which side's
/// proxy, and what happened (a request started, its response started, or it ended). Every
/// string is as the server sent it: escape it before it reaches a terminal.
public struct TapEvent: Hashable, Sendable {
    /// The client's end.
    public var source: TapEndpoint
    /// The server's end.
    public var destination: TapEndpoint
    /// ServiceProfile route labels (`route`), when a route matched.
    public var routeLabels: [String: String]
    /// Whether the proxy that saw the request was the server's (inbound) or the client's (outbound).
    public var direction: TapDirection
    /// What happened; `nil` for an event of a kind this decoder does not know.
    public var http: TapHTTPEvent?

    public init(source: TapEndpoint, destination: TapEndpoint, routeLabels: [String: String] = [:],
                direction: TapDirection, http: TapHTTPEvent?) {
        self.source = source
        self.destination = destination
        self.routeLabels = routeLabels
        self.direction = direction
        self.http = http
    }

    /// The connection's TLS status as `linkerd viz tap` shows it: the `tls` label of the peer
    /// the proxy talked to (the source for inbound, the destination for outbound).
    public var tls: String? { direction.tls(source: source, destination: destination) }
}

/// One end of a tapped connection, with what Linkerd knows of it: the proxy's labels (`tls`,
/// `client_id`, `server_id`) and the tap server's (`pod`, `namespace`, `deployment`, …).
public struct TapEndpoint: Hashable, Sendable {
    public var address: TapAddress
    public var labels: [String: String]

    public init(address: TapAddress, labels: [String: String] = [:]) {
        self.address = address
        self.labels = labels
    }
}

/// Which proxy saw the request: the server's (`inbound`) or the client's (`outbound`). The raw
/// values are Linkerd's enum names, as `linkerd viz tap -o json` writes them.
public enum TapDirection: String, Hashable, Sendable, CaseIterable {
    case unknown = "UNKNOWN"
    case inbound = "INBOUND"
    case outbound = "OUTBOUND"

    /// The `tls` label of the peer the proxy talked to, which is what knows how it was secured.
    func tls(source: TapEndpoint, destination: TapEndpoint) -> String? {
        switch self {
        case .inbound: return source.labels["tls"]
        case .outbound: return destination.labels["tls"]
        case .unknown: return nil
        }
    }
}
