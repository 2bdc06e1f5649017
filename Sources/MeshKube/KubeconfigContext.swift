/// A `contexts[].context` entry of a kubeconfig: a cluster and a user, by name, and a namespace.
public struct KubeconfigContext: Hashable, Sendable {
    /// Where the entry was defined.
    public var origin: KubeconfigOrigin
    /// `cluster`: the name of a `clusters[]` entry.
    public var cluster: String
    /// `user`: the name of a `users[]` entry; empty for anonymous access.
    public var user: String
    /// `namespace`: the namespace to work in when none is asked for.
    public var namespace: String?

    /// Creates a context entry.
    public init(origin: KubeconfigOrigin, cluster: String, user: String = "", namespace: String? = nil) {
        self.origin = origin
        self.cluster = cluster
        self.user = user
        self.namespace = namespace
    }
}
