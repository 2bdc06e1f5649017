import Foundation

/// A `users[].user` entry of a kubeconfig: the credentials meshtop presents to the API server.
/// Relative file paths are already resolved against the directory of the file that held them.
/// Which of these may be combined is checked when the user is chosen (``KubeconfigSelection``),
/// so that a bad entry nobody uses doesn't stop meshtop, as it doesn't stop kubectl.
public struct KubeconfigUser: Hashable, Sendable {
    /// Where the entry was defined.
    public var origin: KubeconfigOrigin
    /// `client-certificate`: a PEM client certificate file.
    public var clientCertificate: String?
    /// `client-certificate-data`: a PEM client certificate, decoded from base64.
    public var clientCertificateData: Data?
    /// `client-key`: a PEM private key file for the client certificate.
    public var clientKey: String?
    /// `client-key-data`: a PEM private key, decoded from base64.
    public var clientKeyData: Data?
    /// `token`: a bearer token.
    public var token: String?
    /// `tokenFile`: a file holding a bearer token, to be read again when it changes.
    public var tokenFile: String?
    /// `exec`: a credential plugin that prints the credentials.
    public var exec: KubeconfigExec?
    /// Whether `username` or `password` is set: basic auth, which meshtop refuses.
    public var hasBasicAuth: Bool
    /// Whether `auth-provider` is set: the old in-tree plugins, which meshtop refuses.
    public var hasAuthProvider: Bool

    /// Creates a user entry.
    public init(origin: KubeconfigOrigin, clientCertificate: String? = nil, clientCertificateData: Data? = nil,
                clientKey: String? = nil, clientKeyData: Data? = nil, token: String? = nil,
                tokenFile: String? = nil, exec: KubeconfigExec? = nil, hasBasicAuth: Bool = false,
                hasAuthProvider: Bool = false) {
        self.origin = origin
        self.clientCertificate = clientCertificate
        self.clientCertificateData = clientCertificateData
        self.clientKey = clientKey
        self.clientKeyData = clientKeyData
        self.token = token
        self.tokenFile = tokenFile
        self.exec = exec
        self.hasBasicAuth = hasBasicAuth
        self.hasAuthProvider = hasAuthProvider
    }
}
