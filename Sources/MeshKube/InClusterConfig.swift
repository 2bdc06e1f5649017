import Foundation

/// The pod's own service account, as client-go's `InClusterConfig` finds it: the API server from
/// `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT`, and the token, CA and namespace
/// mounted in the service account directory.
public enum InClusterConfig {
    /// Where Kubernetes mounts the service account.
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The service account's selection, or `nil` when not in a pod (a variable is unset or the
    /// token file is missing). The token is left in its file, to be read again as it is rotated.
    ///
    /// - Throws: ``KubeconfigError`` when a file there can't be read.
    public static func load(environment: [String: String], directory: String = serviceAccountDirectory,
                            files: KubeconfigFiles = .system) throws(KubeconfigError) -> KubeconfigSelection? {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else { return nil }
        let tokenFile = KubeconfigParser.resolve("token", in: directory)
        guard try files.read(tokenFile) != nil else { return nil }
        let namespace = try files.text(KubeconfigParser.resolve("namespace", in: directory))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let origin = KubeconfigOrigin(file: directory, entry: "in-cluster")
        let server = "https://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        let cluster = KubeconfigCluster(origin: origin, server: server,
                                        certificateAuthority: KubeconfigParser.resolve("ca.crt", in: directory))
        return KubeconfigSelection(contextName: nil, cluster: cluster,
                                   user: KubeconfigUser(origin: origin, tokenFile: tokenFile), userName: "serviceaccount",
                                   namespace: namespace)
    }
}
