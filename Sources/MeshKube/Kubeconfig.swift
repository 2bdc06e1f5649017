/// A kubeconfig as kubectl sees it: one file, or several merged by ``merging(_:)``. Clusters,
/// users and contexts are keyed by name; each remembers the file it came from.
public struct Kubeconfig: Hashable, Sendable {
    /// The files read, in order (for error messages).
    public var files: [String]
    /// `current-context`; `nil` when no file sets it.
    public var currentContext: String?
    /// `clusters`, by name.
    public var clusters: [String: KubeconfigCluster]
    /// `users`, by name.
    public var users: [String: KubeconfigUser]
    /// `contexts`, by name.
    public var contexts: [String: KubeconfigContext]

    /// Creates a kubeconfig.
    public init(files: [String], currentContext: String? = nil, clusters: [String: KubeconfigCluster] = [:],
                users: [String: KubeconfigUser] = [:], contexts: [String: KubeconfigContext] = [:]) {
        self.files = files
        self.currentContext = currentContext
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
    }

    /// This kubeconfig with `later` merged in by kubectl's rules for `KUBECONFIG`: a cluster, user
    /// or context name keeps its first definition, and the first non-empty `current-context` wins.
    public func merging(_ later: Kubeconfig) -> Kubeconfig {
        var merged = self
        merged.files += later.files
        if merged.currentContext?.isEmpty ?? true, later.currentContext?.isEmpty == false {
            merged.currentContext = later.currentContext
        }
        merged.clusters.merge(later.clusters) { first, _ in first }
        merged.users.merge(later.users) { first, _ in first }
        merged.contexts.merge(later.contexts) { first, _ in first }
        return merged
    }

    /// The files, joined as in `KUBECONFIG`: `/a:/b`.
    var fileList: String { files.joined(separator: ":") }
}
