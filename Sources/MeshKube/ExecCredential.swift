import Foundation

/// The credentials an exec plugin printed (`ExecCredential.status`): a bearer token, a client
/// certificate with its key, or both, and when they stop being good.
public struct ExecCredential: Hashable, Sendable {
    /// `status.token`: a bearer token.
    public var token: String?
    /// `status.clientCertificateData`: a PEM client certificate.
    public var clientCertificateData: Data?
    /// `status.clientKeyData`: the PEM private key of the client certificate.
    public var clientKeyData: Data?
    /// `status.expirationTimestamp`: when to run the plugin again; `nil` for never (until the
    /// API server rejects the credentials).
    public var expirationTimestamp: Date?

    /// Creates credentials.
    public init(token: String? = nil, clientCertificateData: Data? = nil, clientKeyData: Data? = nil,
                expirationTimestamp: Date? = nil) {
        self.token = token
        self.clientCertificateData = clientCertificateData
        self.clientKeyData = clientKeyData
        self.expirationTimestamp = expirationTimestamp
    }

    /// The credentials in a plugin's stdout, which must be an `ExecCredential` of `apiVersion`.
    ///
    /// - Throws: the ``ExecCredentialError/Problem`` with stdout.
    public static func decode(_ stdout: Data, apiVersion: String) throws(ExecCredentialError.Problem) -> ExecCredential {
        let printed: Printed
        do {
            printed = try JSONDecoder().decode(Printed.self, from: stdout)
        } catch {
            throw .badJSON
        }
        guard printed.apiVersion == apiVersion else {
            throw .wrongAPIVersion(printed: printed.apiVersion, requested: apiVersion)
        }
        guard printed.kind == "ExecCredential" else { throw .wrongKind(printed.kind) }
        guard let status = printed.status else { throw .noCredentials("no status") }
        let token = status.token.flatMap { $0.isEmpty ? nil : $0 }
        let certificate = status.clientCertificateData.flatMap { $0.isEmpty ? nil : Data($0.utf8) }
        let key = status.clientKeyData.flatMap { $0.isEmpty ? nil : Data($0.utf8) }
        if (certificate == nil) != (key == nil) {
            throw .noCredentials(certificate == nil ? "status.clientKeyData without status.clientCertificateData"
                : "status.clientCertificateData without status.clientKeyData")
        }
        guard token != nil || certificate != nil else {
            throw .noCredentials("status has no token and no clientCertificateData with clientKeyData")
        }
        return ExecCredential(token: token, clientCertificateData: certificate, clientKeyData: key,
                              expirationTimestamp: try status.expirationTimestamp.map(rfc3339))
    }

    /// An RFC 3339 time, with or without fractional seconds.
    private static func rfc3339(_ text: String) throws(ExecCredentialError.Problem) -> Date {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [.withInternetDateTime,
                                                      [.withInternetDateTime, .withFractionalSeconds]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return date }
        }
        throw .badExpiration(text)
    }

    /// The fields of the JSON meshtop reads; any others are ignored, as client-go ignores them.
    private struct Printed: Decodable {
        struct Status: Decodable {
            var token: String?
            var clientCertificateData: String?
            var clientKeyData: String?
            var expirationTimestamp: String?
        }

        var apiVersion: String?
        var kind: String?
        var status: Status?
    }
}
