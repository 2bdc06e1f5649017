import Foundation

/// A `clusters[].cluster` entry of a kubeconfig: where the API server is and how to trust it.
/// Relative file paths are already resolved against the directory of the file that held them.
public struct KubeconfigCluster: Hashable, Sendable {
    /// Where the entry was defined.
    public var origin: KubeconfigOrigin
    /// `server`: the API server's URL, e.g. `https://127.0.0.1:6443`.
    public var server: String?
    /// `certificate-authority`: a PEM file of CA certificates.
    public var certificateAuthority: String?
    /// `certificate-authority-data`: PEM CA certificates, decoded from base64.
    public var certificateAuthorityData: Data?
    /// `insecure-skip-tls-verify`: don't check the server's certificate.
    public var insecureSkipTLSVerify: Bool
    /// `tls-server-name`: the name to check the server's certificate against, instead of the
    /// server URL's host.
    public var tlsServerName: String?
    /// `proxy-url`: an `http`, `https` or `socks5` proxy for every request to this cluster.
    public var proxyURL: String?

    /// Creates a cluster entry.
    public init(origin: KubeconfigOrigin, server: String? = nil, certificateAuthority: String? = nil,
                certificateAuthorityData: Data? = nil, insecureSkipTLSVerify: Bool = false,
                tlsServerName: String? = nil, proxyURL: String? = nil) {
        self.origin = origin
        self.server = server
        self.certificateAuthority = certificateAuthority
        self.certificateAuthorityData = certificateAuthorityData
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.proxyURL = proxyURL
    }
}
