/// An HTTP method: one of the nine the protocol names, or any other token.
public enum TapMethod: Hashable, Sendable, CustomStringConvertible {
    case get, post, put, delete, patch, options, connect, head, trace
    /// A method outside the nine (`PROPFIND`), as sent.
    case other(String)

    /// The method named `name`, matched exactly (methods are case-sensitive).
    public init(_ name: String) {
        self = Self.registered.first { $0.description == name } ?? .other(name)
    }

    /// The nine registered methods, in the protocol's numbering.
    static let registered: [TapMethod] = [.get, .post, .put, .delete, .patch, .options, .connect, .head, .trace]

    /// `GET`, or the unregistered name.
    public var description: String {
        switch self {
        case .get: return "GET"
        case .post: return "POST"
        case .put: return "PUT"
        case .delete: return "DELETE"
        case .patch: return "PATCH"
        case .options: return "OPTIONS"
        case .connect: return "CONNECT"
        case .head: return "HEAD"
        case .trace: return "TRACE"
        case let .other(name): return name
        }
    }
}

/// A request's scheme.
public enum TapScheme: Hashable, Sendable, CustomStringConvertible {
    case http, https
    case other(String)

    /// `HTTP` and `HTTPS` as Linkerd's enum names them (and its JSON writes them), or the name as sent.
    public var description: String {
        switch self {
        case .http: return "HTTP"
        case .https: return "HTTPS"
        case let .other(name): return name
        }
    }
}

/// A header or trailer, extracted when the tap request asks for them.
public struct TapHeader: Hashable, Sendable {
    public var name: String
    public var value: TapHeaderValue

    public init(name: String, value: TapHeaderValue) {
        self.name = name
        self.value = value
    }
}

/// A header's value: text when it is valid UTF-8, else the bytes (the tap server decides).
public enum TapHeaderValue: Hashable, Sendable {
    case text(String)
    case binary([UInt8])
}

/// How a response stream ended, when it did not end as plain HTTP.
public enum TapStreamEnd: Hashable, Sendable {
    /// The `grpc-status` the response carried.
    case grpcStatus(UInt32)
    /// The HTTP/2 stream was reset with this error code.
    case reset(errorCode: UInt32)
}
