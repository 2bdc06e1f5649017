/// The checks kubectl makes on the chosen cluster and user before using them (client-go's
/// `ConfirmUsable`), plus meshtop's own refusals. Entries nobody chose are never checked.
extension KubeconfigCluster {
    /// Throws unless the cluster has a server and a consistent way to trust it.
    mutating func check(name: String) throws(KubeconfigError) {
        guard let server, !server.isEmpty else {
            throw origin.error("cluster.server", "cluster \"\(name)\" has no server")
        }
        if certificateAuthority != nil, certificateAuthorityData != nil {
            throw origin.error("cluster", "certificate-authority and certificate-authority-data are both set; keep one")
        }
        if insecureSkipTLSVerify, certificateAuthority != nil || certificateAuthorityData != nil {
            throw origin.error("cluster", "insecure-skip-tls-verify is set together with a certificate authority; "
                + "keep one")
        }
    }
}

extension KubeconfigUser {
    /// The `ExecCredential` versions meshtop speaks.
    static let execVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
    /// The values of `exec.interactiveMode`.
    static let interactiveModes = ["Never", "IfAvailable", "Always"]

    /// Throws when the user asks for something meshtop can't do or is inconsistent; fills in the
    /// `exec` plugin's default `interactiveMode`.
    mutating func check(name: String) throws(KubeconfigError) {
        if hasBasicAuth {
            throw origin.error("user", "basic auth (username, password) is not supported; "
                + "use a token, a client certificate or an exec plugin")
        }
        if hasAuthProvider {
            throw origin.error("user.auth-provider", "not supported (kubectl dropped it too); "
                + "use an exec plugin such as kubelogin or gke-gcloud-auth-plugin")
        }
        if clientCertificate != nil, clientCertificateData != nil {
            throw origin.error("user", "client-certificate and client-certificate-data are both set; keep one")
        }
        if clientKey != nil, clientKeyData != nil {
            throw origin.error("user", "client-key and client-key-data are both set; keep one")
        }
        let hasCertificate = clientCertificate != nil || clientCertificateData != nil
        if hasCertificate != (clientKey != nil || clientKeyData != nil) {
            throw origin.error("user", hasCertificate ? "a client certificate needs client-key or client-key-data"
                : "a client key needs client-certificate or client-certificate-data")
        }
        if var exec {
            try checkExec(&exec)
            self.exec = exec
        }
    }

    /// Throws unless `exec` speaks a supported version with a valid `interactiveMode`, which it
    /// sets to `IfAvailable` when `v1beta1` leaves it out.
    private func checkExec(_ exec: inout KubeconfigExec) throws(KubeconfigError) {
        guard Self.execVersions.contains(exec.apiVersion) else {
            let given = exec.apiVersion.isEmpty ? "missing" : "\"\(exec.apiVersion)\" is not supported"
            throw origin.error("user.exec.apiVersion", "\(given) (use \(Self.execVersions.joined(separator: " or ")))")
        }
        let modes = Self.interactiveModes.joined(separator: ", ")
        guard let mode = exec.interactiveMode else {
            guard exec.apiVersion == Self.execVersions[0] else {
                exec.interactiveMode = "IfAvailable"
                return
            }
            throw origin.error("user.exec.interactiveMode", "required by \(exec.apiVersion) (one of \(modes))")
        }
        guard Self.interactiveModes.contains(mode) else {
            throw origin.error("user.exec.interactiveMode", "\"\(mode)\" is not one of \(modes)")
        }
    }
}
