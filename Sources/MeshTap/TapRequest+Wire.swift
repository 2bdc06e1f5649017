import SwiftProtobuf

extension TapRequest {
    /// Reads a tap request body, as the tap server does: the match must be one `all` of
    /// destination and HTTP conditions (what Linkerd's CLI and meshtop send), each at most
    /// once. A `maxRps` of 0 reads as ``defaultMaxRPS``, as the server takes it.
    public init(body: [UInt8]) throws(TapRequestDecodingError) {
        let message: Linkerd2_Tap_TapByResourceRequest
        do {
            message = try Linkerd2_Tap_TapByResourceRequest(serializedBytes: body, options: WireDecoding.options)
        } catch {
            throw .malformed(String(describing: error))
        }
        guard message.hasTarget, message.target.hasResource else { throw .noTarget }
        self.init(target: try TapResource(message.target.resource), labelSelector: message.target.labelSelector,
                  filter: try TapFilter(message.match, present: message.hasMatch),
                  maxRPS: message.maxRps == 0 ? Self.defaultMaxRPS : message.maxRps,
                  extractHeaders: message.extract.http.extract != nil)
    }

    var message: Linkerd2_Tap_TapByResourceRequest {
        var message = Linkerd2_Tap_TapByResourceRequest()
        message.target.resource = target.message
        message.target.labelSelector = labelSelector
        message.maxRps = maxRPS
        message.match.all.matches = filter.matches
        message.extract = Linkerd2_Tap_TapByResourceRequest.Extract()
        if extractHeaders { message.extract.http.headers = .init() }
        return message
    }
}

/// Why a tap request body could not be read.
public enum TapRequestDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a `TapByResourceRequest`.
    case malformed(String)
    case noTarget
    /// A resource type the tap API does not serve.
    case unknownResourceType(String)
    /// A match other than one flat `all` of HTTP and destination conditions, each at most once.
    case unsupportedMatch(String)

    public var description: String {
        switch self {
        case let .malformed(reason): return "the tap request is not a TapByResourceRequest (\(show(reason)))"
        case .noTarget: return "the tap request has no target resource"
        case let .unknownResourceType(type): return "the tap request's resource type \"\(show(type))\" is not tappable"
        case let .unsupportedMatch(what): return "the tap request's match is not supported: \(show(what))"
        }
    }
}

extension TapResource {
    init(_ resource: Linkerd2_Viz_Resource) throws(TapRequestDecodingError) {
        guard let kind = TapResourceKind(rawValue: resource.type) else { throw .unknownResourceType(resource.type) }
        self.init(namespace: resource.namespace, kind: kind, name: resource.name)
    }

    var message: Linkerd2_Viz_Resource {
        var resource = Linkerd2_Viz_Resource()
        resource.namespace = namespace
        resource.type = kind.rawValue
        resource.name = name
        return resource
    }
}

extension TapFilter {
    /// Linkerd's CLI order: the destination, then scheme, method, authority and path.
    var matches: [Linkerd2_Tap_TapByResourceRequest.Match] {
        typealias Match = Linkerd2_Tap_TapByResourceRequest.Match
        var matches: [Match] = []
        if let destination {
            var match = Match()
            match.destinations.resource = destination.message
            matches.append(match)
        }
        let http: [Match.Http.OneOf_Match?] = [
            scheme.map { .scheme($0) }, method.map { .method($0) }, authority.map { .authority($0) },
            pathPrefix.map { .path($0) },
        ]
        for case let condition? in http {
            var match = Match()
            match.http.match = condition
            matches.append(match)
        }
        return matches
    }

    init(_ match: Linkerd2_Tap_TapByResourceRequest.Match, present: Bool) throws(TapRequestDecodingError) {
        self.init()
        guard present, match.match != nil else { return }
        guard case let .all(sequence)? = match.match else { throw .unsupportedMatch("only `all` is read") }
        for condition in sequence.matches {
            switch condition.match {
            case let .destinations(selection)?:
                guard destination == nil else { throw .unsupportedMatch("two destinations") }
                destination = try TapResource(selection.resource)
            case let .http(http)?:
                try set(http.match)
            case .all?, .any?, .not?, nil:
                throw .unsupportedMatch("a nested match")
            }
        }
    }

    private mutating func set(_ condition: Linkerd2_Tap_TapByResourceRequest.Match.Http.OneOf_Match?)
        throws(TapRequestDecodingError) {
        func once(_ field: inout String?, _ value: String, _ name: String) throws(TapRequestDecodingError) {
            guard field == nil else { throw .unsupportedMatch("two \(name) conditions") }
            field = value
        }
        switch condition {
        case let .scheme(value)?: try once(&scheme, value, "scheme")
        case let .method(value)?: try once(&method, value, "method")
        case let .authority(value)?: try once(&authority, value, "authority")
        case let .path(value)?: try once(&pathPrefix, value, "path")
        case nil: throw .unsupportedMatch("an empty HTTP condition")
        }
    }
}
