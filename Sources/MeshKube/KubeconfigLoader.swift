/// Finds and reads the kubeconfig by kubectl's loading rules (client-go's `clientcmd`):
///
/// 1. `--kubeconfig PATH`: only that file, which must exist;
/// 2. else `KUBECONFIG`, a `:`-separated list: empty entries and missing files are skipped, a file
///    listed twice is read once, and the files are merged with ``Kubeconfig/merging(_:)``
///    (the first to define a name or a `current-context` wins);
/// 3. else `$HOME/.kube/config`, if it exists.
public enum KubeconfigLoader {
    /// Where the kubeconfig is looked for, in order, and whether the first must exist.
    public struct SearchPath: Hashable, Sendable {
        /// The files, in order.
        public var files: [String]
        /// Whether the files were named with `--kubeconfig`, so a missing one is an error.
        public var isExplicit: Bool

        /// Creates a search path.
        public init(files: [String], isExplicit: Bool) {
            self.files = files
            self.isExplicit = isExplicit
        }
    }

    /// The files to read for `--kubeconfig explicitPath` (`nil` or empty when not given) in this
    /// environment.
    public static func searchPath(explicitPath: String?, environment: [String: String]) -> SearchPath {
        if let explicitPath, !explicitPath.isEmpty {
            return SearchPath(files: [explicitPath], isExplicit: true)
        }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var files: [String] = []
            for entry in list.split(separator: ":").map(String.init) where !files.contains(entry) {
                files.append(entry)
            }
            return SearchPath(files: files, isExplicit: false)
        }
        guard let home = environment["HOME"], !home.isEmpty else { return SearchPath(files: [], isExplicit: false) }
        return SearchPath(files: [KubeconfigParser.resolve(".kube/config", in: home)], isExplicit: false)
    }

    /// The merged kubeconfig found by the rules above, or `nil` when no file of the search path
    /// exists (meshtop may then be in a pod; see ``InClusterConfig``).
    ///
    /// - Throws: ``KubeconfigError`` when `--kubeconfig` names a missing file, or a file found is
    ///   unreadable or wrong.
    public static func load(explicitPath: String?, environment: [String: String],
                            files: KubeconfigFiles = .system) throws(KubeconfigError) -> Kubeconfig? {
        let search = searchPath(explicitPath: explicitPath, environment: environment)
        var merged: Kubeconfig?
        for path in search.files {
            guard let text = try files.text(path) else {
                if search.isExplicit { throw KubeconfigError("\(path): no such file (given with --kubeconfig)") }
                continue
            }
            let config = try KubeconfigParser.parse(text: text, file: path)
            merged = merged.map { $0.merging(config) } ?? config
        }
        return merged
    }
}
