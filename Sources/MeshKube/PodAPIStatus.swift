/// A Kubernetes `Status` object: how the API server reports a failed request, and what a watch's
/// `ERROR` event carries.
public struct PodAPIStatus: Decodable, Hashable, Sendable {
    /// The HTTP status code it stands for, when given: `410` means the watch's version has expired.
    public var code: Int?
    /// A machine-readable reason: `Expired`, `Gone`, `Forbidden`, …
    public var reason: String?
    /// A human-readable message.
    public var message: String?

    /// Creates a status.
    public init(code: Int? = nil, reason: String? = nil, message: String? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
    }

    /// Whether the version a watch started from is too old for the server (410 Gone, reason
    /// `Expired` or `Gone`): only a fresh list can continue.
    public var isGone: Bool {
        code == 410 || reason == "Expired" || reason == "Gone"
    }
}
