/// The command line's Kubernetes options, and what they select: the kubeconfig by kubectl's
/// rules (``KubeconfigLoader``), else the pod's service account (``InClusterConfig``).
public struct KubeconfigOptions: Hashable, Sendable {
    /// `--kubeconfig PATH`.
    public var kubeconfig: String?
    /// `--context NAME`.
    public var context: String?
    /// `--ns NAME` / `-n NAME`.
    public var namespace: String?
    /// `-A` / `--all-namespaces`.
    public var allNamespaces: Bool

    /// Creates options.
    public init(kubeconfig: String? = nil, context: String? = nil, namespace: String? = nil, allNamespaces: Bool = false) {
        self.kubeconfig = kubeconfig
        self.context = context
        self.namespace = namespace
        self.allNamespaces = allNamespaces
    }

    /// The cluster and user to talk to, the namespaces to watch, and the kubeconfig they come
    /// from (`nil` in a pod), whose other contexts a user may switch to. The service account is
    /// used only when no kubeconfig file exists and no `--context` was asked for.
    ///
    /// - Throws: ``KubeconfigError`` when the kubeconfig or context is wrong, or there is neither a
    ///   kubeconfig nor a service account.
    public func resolve(environment: [String: String], files: KubeconfigFiles = .system,
                        serviceAccountDirectory: String = InClusterConfig.serviceAccountDirectory)
        throws(KubeconfigError) -> (selection: KubeconfigSelection, namespaces: NamespaceSelection, config: Kubeconfig?) {
        let selection: KubeconfigSelection
        let config = try KubeconfigLoader.load(explicitPath: kubeconfig, environment: environment, files: files)
        if let config {
            selection = try config.select(context: context)
        } else if context?.isEmpty ?? true, let inCluster = try InClusterConfig.load(environment: environment,
                                                            directory: serviceAccountDirectory, files: files) {
            selection = inCluster
        } else {
            let searched = KubeconfigLoader.searchPath(explicitPath: kubeconfig, environment: environment).files
            let looked = searched.isEmpty ? "no KUBECONFIG or HOME" : "looked in \(searched.joined(separator: ":"))"
            throw KubeconfigError("no kubeconfig (\(looked)) and not in a pod; pass --kubeconfig PATH")
        }
        let namespaces = NamespaceSelection.choose(explicit: namespace, allNamespaces: allNamespaces,
                                                   contextNamespace: selection.namespace)
        return (selection, namespaces, config)
    }
}
