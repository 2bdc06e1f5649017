/// A Kubernetes `Status` object: how the API server reports a failed request, and what a watch's
/// `ERROR` event carries.
public struct PodAPIStatus: Decodable, Hashable, Sendable {
    /// The HTTP status code it stands for, when given: `410` means the watch's version has expired.
    public var code: Int?
    /// A machine-readable reason: `Expired`, `Gone`, `Forbidden`, …
    public var reason: String?
    /// A human-readable message.
    public var message: String?
    /// `Status` when the API server wrote it (a body proxied from a pod is something else).
    public var kind: String?
    /// What the failure was about: `details.kind` `namespaces` and `details.name` for a
    /// missing namespace.
    public var details: Details?

    /// The object a `Status` is about.
    public struct Details: Decodable, Hashable, Sendable {
        public var name: String?
        public var kind: String?
    }

    /// Creates a status.
    public init(code: Int? = nil, reason: String? = nil, message: String? = nil, kind: String? = nil,
                details: Details? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.kind = kind
        self.details = details
    }

    /// Whether the version a watch started from is too old for the server (410 Gone, reason
    /// `Expired` or `Gone`): only a fresh list can continue.
    public var isGone: Bool {
        code == 410 || reason == "Expired" || reason == "Gone"
    }
}
