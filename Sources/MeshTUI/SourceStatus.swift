/// What the dashboard knows about its source beyond the metrics: the kubeconfig context and
/// cluster it reads, the contexts and namespaces one could switch to, and the problems a user
/// can act on (an unreachable API server, a 401, an RBAC refusal, a missing namespace).
///
/// The driver fills it in and hands it over in ``DashboardContext/status``; empty for static
/// targets and the demo. Every string in it may come from a cluster or a kubeconfig, so the
/// views show it only through `StatTable.display`.
public struct SourceStatus: Hashable, Sendable {
    /// The kubeconfig context in use; nil when the targets don't come from a kubeconfig.
    public var context: String?
    /// The cluster's name or its API server's URL.
    public var cluster: String?
    /// The kubeconfig's context names, for `:ctx`.
    public var contexts: [String]
    /// The cluster's namespaces, for `:ns`; nil when unknown, and then `:ns` lists the
    /// namespaces of the workloads in the current snapshot.
    public var namespaces: [String]?
    /// Which namespaces are watched, as a person says it: `emojivoto`, `all namespaces`.
    public var watching: String?
    /// One-line messages a user can act on, the most important first.
    public var problems: [String]

    /// A status with what is known; by default nothing.
    public init(context: String? = nil, cluster: String? = nil, contexts: [String] = [], namespaces: [String]? = nil,
                watching: String? = nil, problems: [String] = []) {
        self.context = context
        self.cluster = cluster
        self.contexts = contexts
        self.namespaces = namespaces
        self.watching = watching
        self.problems = problems
    }
}
