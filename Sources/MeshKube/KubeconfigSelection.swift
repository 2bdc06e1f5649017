/// What meshtop talks to: the context chosen from a kubeconfig with its cluster and user, checked
/// as kubectl checks them before use; or, in a pod, its own service account (``InClusterConfig``).
public struct KubeconfigSelection: Hashable, Sendable {
    /// The context's name; `nil` for the in-cluster service account.
    public var contextName: String?
    /// The cluster; its `server` is set.
    public var cluster: KubeconfigCluster
    /// The user; without basic auth, with at most one of each file/data pair, and with an `exec`
    /// plugin (if any) of a supported version whose `interactiveMode` is filled in.
    public var user: KubeconfigUser
    /// The user's name in the kubeconfig (empty for none, `serviceaccount` in a pod): what
    /// messages and the exec credential cache call it.
    public var userName: String
    /// The context's namespace (or the service account's), for ``NamespaceSelection``.
    public var namespace: String?

    /// The API server's URL.
    public var server: String { cluster.server ?? "" }

    /// Creates a selection; no checks are made.
    public init(contextName: String?, cluster: KubeconfigCluster, user: KubeconfigUser, userName: String = "",
                namespace: String?) {
        self.contextName = contextName
        self.cluster = cluster
        self.user = user
        self.userName = userName
        self.namespace = namespace
    }
}

extension Kubeconfig {
    /// The context named `context` (`--context`), or else `current-context`, with its cluster and
    /// user, checked.
    ///
    /// - Throws: ``KubeconfigError`` naming the files and the field at fault.
    public func select(context: String?) throws(KubeconfigError) -> KubeconfigSelection {
        let name: String
        if let context, !context.isEmpty {
            name = context
        } else if let currentContext, !currentContext.isEmpty {
            name = currentContext
        } else {
            throw KubeconfigError("no current-context in \(fileList): pass --context NAME "
                + "or run kubectl config use-context NAME")
        }
        guard let chosen = contexts[name] else {
            throw KubeconfigError("context \"\(name)\" not found in \(fileList) (\(listing("contexts", contexts)))")
        }
        let field = "context.cluster"
        guard !chosen.cluster.isEmpty else {
            throw chosen.origin.error(field, "context \"\(name)\" names no cluster")
        }
        guard var cluster = clusters[chosen.cluster] else {
            throw chosen.origin.error(field, "context \"\(name)\" names cluster \"\(chosen.cluster)\", "
                + "which is not in \(fileList) (\(listing("clusters", clusters)))")
        }
        var user = KubeconfigUser(origin: chosen.origin)
        if !chosen.user.isEmpty {
            guard let named = users[chosen.user] else {
                throw chosen.origin.error("context.user", "context \"\(name)\" names user \"\(chosen.user)\", "
                    + "which is not in \(fileList) (\(listing("users", users)))")
            }
            user = named
        }
        try cluster.check(name: chosen.cluster)
        try user.check(name: chosen.user)
        return KubeconfigSelection(contextName: name, cluster: cluster, user: user, userName: chosen.user,
                                   namespace: chosen.namespace)
    }

    /// `contexts: a, b` or `no contexts`.
    private func listing<Entry>(_ what: String, _ entries: [String: Entry]) -> String {
        entries.isEmpty ? "no \(what)" : "\(what): " + entries.keys.sorted().joined(separator: ", ")
    }
}
