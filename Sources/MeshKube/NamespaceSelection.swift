/// Which namespaces meshtop watches: one, or all of them.
public enum NamespaceSelection: Hashable, Sendable {
    /// Only this namespace.
    case one(String)
    /// Every namespace (`-A`, `--all-namespaces`).
    case all

    /// kubectl's rule: `--ns`/`-n` when given (and not empty), else all namespaces with `-A`, else
    /// the context's namespace, else `default`.
    public static func choose(explicit: String?, allNamespaces: Bool, contextNamespace: String?) -> NamespaceSelection {
        if let explicit, !explicit.isEmpty { return .one(explicit) }
        if allNamespaces { return .all }
        if let contextNamespace, !contextNamespace.isEmpty { return .one(contextNamespace) }
        return .one("default")
    }
}
