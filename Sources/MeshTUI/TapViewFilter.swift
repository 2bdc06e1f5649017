import MeshTap

/// What the Tap and Top views show of the requests tap reports: every condition set must
/// hold. Typed after `/` in the line language of ``parse(_:)``; it filters what has already
/// arrived, unlike ``TapFilter``, which asks the proxies for less.
public struct TapViewFilter: Hashable, Sendable {
    /// A class of responses, by HTTP status, gRPC status or how the stream ended.
    public enum StatusClass: String, Hashable, Sendable, CaseIterable {
        case success2xx = "2xx", redirect3xx = "3xx", clientError4xx = "4xx", serverError5xx = "5xx"
        /// A gRPC status other than OK.
        case grpcError = "grpc-error"
        /// The stream was reset, or ended before a response head.
        case reset

        /// Whether `request` ended in this class.
        public func contains(_ request: TappedRequest) -> Bool {
            switch self {
            case .grpcError:
                if case let .grpcStatus(code)? = request.end.end { return code != 0 }
                return false
            case .reset:
                if case .reset? = request.end.end { return true }
                return request.response == nil
            default:
                guard let status = request.response?.httpStatus else { return false }
                return status / 100 == UInt32(rawValue.prefix(1))!
            }
        }
    }

    /// A substring of the source's or the destination's name (workload, pod or IP), any case.
    public var workload: String?
    /// The source's or the destination's namespace, exactly.
    public var namespace: String?
    /// `GET`, any case.
    public var method: String?
    /// A prefix of the path.
    public var pathPrefix: String?
    public var status: StatusClass?
    /// The shortest latency shown (``TappedRequest/latency``), in milliseconds.
    public var minLatencyMs: Int64?

    public init(workload: String? = nil, namespace: String? = nil, method: String? = nil, pathPrefix: String? = nil,
                status: StatusClass? = nil, minLatencyMs: Int64? = nil) {
        self.workload = workload
        self.namespace = namespace
        self.method = method
        self.pathPrefix = pathPrefix
        self.status = status
        self.minLatencyMs = minLatencyMs
    }

    /// Whether no condition is set.
    public var isEmpty: Bool { self == TapViewFilter() }

    /// Whether a condition holds for single requests only (status, latency), so a Top row's
    /// totals can't answer it and Top must count the kept requests again.
    public var needsRequests: Bool { status != nil || minLatencyMs != nil }

    /// Whether `request` passes every condition.
    public func matches(_ request: TappedRequest) -> Bool {
        if let workload {
            let names = [request.source, request.destination].flatMap(Self.names)
            guard names.contains(where: { $0.lowercased().contains(workload.lowercased()) }) else { return false }
        }
        if let namespace, ![request.source, request.destination].contains(where: { $0.labels["namespace"] == namespace }) {
            return false
        }
        if let method, request.request.method?.description.uppercased() != method.uppercased() { return false }
        if let pathPrefix, !request.request.path.hasPrefix(pathPrefix) { return false }
        if let status, !status.contains(request) { return false }
        if let minLatencyMs {
            guard let latency = request.latency, latency >= .milliseconds(minLatencyMs) else { return false }
        }
        return true
    }

    /// Whether a Top row passes the conditions a row can answer (all but status and latency).
    public func matches(_ row: TapTopRow) -> Bool {
        if let workload, ![row.key.source, row.key.destination].contains(where: {
            $0.name.lowercased().contains(workload.lowercased())
        }) {
            return false
        }
        if let namespace, ![row.key.source, row.key.destination].contains(where: { $0.namespace == namespace }) {
            return false
        }
        if let method, row.key.method.uppercased() != method.uppercased() { return false }
        if let pathPrefix, !row.key.path.hasPrefix(pathPrefix) { return false }
        return true
    }

    /// The names an endpoint answers to: its workload (`deploy/web`), its pod, its IP.
    private static func names(_ endpoint: TapEndpoint) -> [String] {
        [TapPeer(endpoint, naming: .workload).name, endpoint.labels["pod"] ?? "", endpoint.address.ip.description]
    }
}
