/// Which requests a tap reports, as the proxies match them: every condition set must hold.
public struct TapFilter: Hashable, Sendable {
    /// `http` or `https`, any case.
    public var scheme: String?
    /// `GET`, any case; any other token exactly.
    public var method: String?
    /// The `:authority`, exactly.
    public var authority: String?
    /// A prefix of the path.
    public var pathPrefix: String?
    /// Requests to this resource only (`--to`), matched by the destination's labels.
    public var destination: TapResource?

    public init(scheme: String? = nil, method: String? = nil, authority: String? = nil, pathPrefix: String? = nil,
                destination: TapResource? = nil) {
        self.scheme = scheme
        self.method = method
        self.authority = authority
        self.pathPrefix = pathPrefix
        self.destination = destination
    }

    /// Whether no condition is set.
    public var isEmpty: Bool { self == TapFilter() }

    /// The labels a destination must carry: its kind's label (`deployment=web`) when the
    /// resource is named, and `namespace` unless it is a namespace (as Linkerd's tap server turns
    /// a destination into label matches).
    public var destinationLabels: [String: String] {
        guard let destination else { return [:] }
        var labels: [String: String] = [:]
        if !destination.name.isEmpty { labels[destination.kind.label] = destination.name }
        if destination.kind != .namespace && !destination.namespace.isEmpty { labels["namespace"] = destination.namespace }
        return labels
    }

    /// Whether a proxy would report this request: for the demo's tap server, which emulates them.
    ///
    /// - Parameters:
    ///   - request: the request's head.
    ///   - destinationLabels: the labels of the request's destination.
    public func matches(_ request: TapRequestInit, destinationLabels: [String: String]) -> Bool {
        if let scheme, request.scheme.map({ $0.description.lowercased() }) != scheme.lowercased() { return false }
        if let method, request.method.map(\.description) != Self.methodName(method) { return false }
        if let authority, request.authority != authority { return false }
        if let pathPrefix, !request.path.utf8.starts(with: pathPrefix.utf8) { return false }
        return self.destinationLabels.allSatisfy { destinationLabels[$0.key] == $0.value }
    }

    /// The method a filter for `typed` matches: a registered one in any case, any other exactly.
    private static func methodName(_ typed: String) -> String {
        let registered = TapMethod(typed.uppercased())
        if case .other = registered { return typed }
        return registered.description
    }
}
