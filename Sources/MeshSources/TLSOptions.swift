/// How to reach an HTTPS server that isn't vouched for by the system's CAs, or that asks who
/// we are: what a kubeconfig's cluster and user entries say (`certificate-authority[-data]`,
/// `client-certificate[-data]`, `client-key[-data]`, `insecure-skip-tls-verify`,
/// `tls-server-name`).
public struct TLSOptions: Hashable, Sendable {
    /// A PEM file, or PEM bytes held in memory.
    public enum Source: Hashable, Sendable {
        case file(String)
        case pem([UInt8])
    }

    /// The CA bundle to verify the server with, instead of the system's.
    public var certificateAuthority: Source?
    /// The client certificate and its key, both or neither.
    public var clientCertificate: Source?
    public var clientKey: Source?
    /// Don't verify the server at all (the kubeconfig's `insecure-skip-tls-verify`).
    public var insecureSkipVerify: Bool
    /// The name to verify the server's certificate against (and send as SNI) instead of the
    /// URL's host; the connection still goes to the URL's host.
    public var serverName: String?

    /// Options of a cluster and user entry; the defaults mean the system's CAs and no client certificate.
    public init(certificateAuthority: Source? = nil, clientCertificate: Source? = nil, clientKey: Source? = nil,
                insecureSkipVerify: Bool = false, serverName: String? = nil) {
        self.certificateAuthority = certificateAuthority
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
    }
}
