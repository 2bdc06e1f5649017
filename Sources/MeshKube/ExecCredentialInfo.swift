import Foundation

/// What `KUBERNETES_EXEC_INFO` tells a plugin: the `ExecCredential` version asked for, that no
/// one is at the terminal, and (with `provideClusterInfo`) which cluster the credentials are for.
struct ExecCredentialInfo: Encodable {
    /// `spec.cluster`, named as client-go names it.
    struct Cluster: Encodable {
        var server: String
        var tlsServerName: String?
        var insecureSkipTLSVerify: Bool
        var certificateAuthorityData: Data?
        var proxyURL: String?

        enum CodingKeys: String, CodingKey {
            case server
            case tlsServerName = "tls-server-name"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case certificateAuthorityData = "certificate-authority-data"
            case proxyURL = "proxy-url"
        }
    }

    struct Spec: Encodable {
        var cluster: Cluster?
        var interactive: Bool
    }

    var apiVersion: String
    var kind = "ExecCredential"
    var spec: Spec

    /// The info for `exec`, with `cluster` when the plugin asks for it. A `certificate-authority`
    /// file is read into `certificate-authority-data`, as client-go does; one that can't be read
    /// is left out here and reported by the connection that needs it.
    init(exec: KubeconfigExec, cluster: KubeconfigCluster) {
        apiVersion = exec.apiVersion
        spec = Spec(interactive: false)
        if exec.provideClusterInfo {
            spec.cluster = Cluster(
                server: cluster.server ?? "", tlsServerName: cluster.tlsServerName,
                insecureSkipTLSVerify: cluster.insecureSkipTLSVerify,
                certificateAuthorityData: cluster.certificateAuthorityData
                    ?? cluster.certificateAuthority.flatMap { FileManager.default.contents(atPath: $0) },
                proxyURL: cluster.proxyURL)
        }
    }

    /// The JSON text, keys sorted so that it is the same on every run.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, booleans and base64 data can't fail.
        guard let data = try? encoder.encode(self) else { fatalError("ExecCredentialInfo is not encodable") }
        return String(decoding: data, as: UTF8.self)
    }
}
