import Foundation
import MeshModel
import MeshSources

/// The API server as one round of requests reaches it: its URL, how to trust it, who we are
/// (the credentials as of the round's start), and the proxy on the way.
public struct KubeEndpoint: Hashable, Sendable {
    /// The server's URL, without a trailing `/`.
    public var server: String
    public var tls: TLSOptions
    /// `Authorization: Bearer …` when the user has a token.
    public var headers: [String]
    public var proxy: String?

    /// A `GET` of `path` (from `PodRequests` or `PodProxyPath`).
    public func request(_ path: String, accept: String? = "application/json") -> FetchRequest {
        request(url: server + path, accept: accept)
    }

    /// A `GET` of `url`, a URL on this server (a pod's metrics through its proxy).
    public func request(url: String, accept: String? = nil) -> FetchRequest {
        FetchRequest(url: url, accept: accept, headers: headers, tls: tls, proxy: proxy)
    }
}

extension KubeconfigSelection {
    /// The endpoint with the user's credentials as they are now: a `tokenFile` read again (it
    /// may have been rotated), an exec plugin's credential from `credentials` (run again once
    /// expired or invalidated after a 401).
    public func endpoint(credentials: ExecCredentialCache,
                         readFile: (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        throws -> KubeEndpoint {
        var server = cluster.server ?? ""
        while server.hasSuffix("/") { server.removeLast() }
        var tls = TLSOptions(certificateAuthority: Self.source(cluster.certificateAuthority, cluster.certificateAuthorityData),
                             clientCertificate: Self.source(user.clientCertificate, user.clientCertificateData),
                             clientKey: Self.source(user.clientKey, user.clientKeyData),
                             insecureSkipVerify: cluster.insecureSkipTLSVerify, serverName: cluster.tlsServerName)
        var token = user.token
        if let file = user.tokenFile {
            token = String(decoding: try readFile(file), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let exec = user.exec {
            let credential = try credentials.credential(user: userName, exec: exec, cluster: cluster)
            token = credential.token ?? token
            if let certificate = credential.clientCertificateData, let key = credential.clientKeyData {
                (tls.clientCertificate, tls.clientKey) = (.pem(Array(certificate)), .pem(Array(key)))
            }
        }
        if let token, token.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            // A line break in a header would let a token file write headers of its own.
            throw KubeconfigError("\(user.origin.file): \(user.origin.entry): the token of user \"\(StatTable.display(userName))\" "
                + "has control characters")
        }
        let headers = token.map { $0.isEmpty ? [] : ["Authorization: Bearer \($0)"] } ?? []
        return KubeEndpoint(server: server, tls: tls, headers: headers, proxy: cluster.proxyURL)
    }

    /// A PEM file, else PEM data, else nothing.
    private static func source(_ file: String?, _ data: Data?) -> TLSOptions.Source? {
        if let file { return .file(file) }
        return data.map { .pem(Array($0)) }
    }
}
