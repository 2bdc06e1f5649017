/// The API paths pod discovery asks for: a list of every pod of the chosen namespaces (all
/// pods, meshed or not, so a workload's total is right), then a watch from the list's
/// `resourceVersion`, and the namespaces that exist.
public enum PodRequests {
    /// How long the API server keeps one watch open before meshtop relists or watches again.
    public static let watchSeconds = 300

    /// `GET` this to list the pods of `namespaces`.
    public static func list(_ namespaces: NamespaceSelection) -> String {
        podsPath(namespaces)
    }

    /// `GET` this to stream the changes after `resourceVersion` as newline-delimited watch
    /// events, with bookmarks so a quiet namespace's version still moves on.
    public static func watch(_ namespaces: NamespaceSelection, from resourceVersion: String) -> String {
        podsPath(namespaces) + "?watch=1&allowWatchBookmarks=true&timeoutSeconds=\(watchSeconds)"
            + "&resourceVersion=" + PodProxyPath.segment(resourceVersion)
    }

    /// `GET` this to list the namespaces (for `:ns`, and to tell a missing namespace from an
    /// empty one).
    public static let namespaces = "/api/v1/namespaces"

    private static func podsPath(_ namespaces: NamespaceSelection) -> String {
        switch namespaces {
        case .all: "/api/v1/pods"
        case .one(let namespace): "/api/v1/namespaces/\(PodProxyPath.segment(namespace))/pods"
        }
    }
}
