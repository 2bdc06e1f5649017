import Foundation
import MeshKube
import MeshSources
import XCTest

/// What one round of API requests carries, from each kind of cluster and user entry.
final class KubeEndpointTests: XCTestCase {
    private let origin = KubeconfigOrigin(file: "/k", entry: "users[0]")

    private func selection(_ user: KubeconfigUser, cluster: KubeconfigCluster? = nil) -> KubeconfigSelection {
        KubeconfigSelection(contextName: "dev", cluster: cluster ?? KubeconfigCluster(origin: origin, server: "https://k8s.example:6443/"),
                            user: user, userName: "jane", namespace: nil)
    }

    private func endpoint(_ selection: KubeconfigSelection, plugin: ExecCredentialPlugin = ExecCredentialPlugin(),
                          files: [String: String] = [:]) throws -> KubeEndpoint {
        try selection.endpoint(credentials: ExecCredentialCache(plugin: plugin)) { path in
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return Data(text.utf8)
        }
    }

    func testFilesDataAndTheClustersTLSSettings() throws {
        let cluster = KubeconfigCluster(origin: origin, server: "https://10.0.0.1:6443", certificateAuthorityData: Data("CA".utf8),
                                        insecureSkipTLSVerify: false, tlsServerName: "kubernetes", proxyURL: "socks5://127.0.0.1:1080")
        let user = KubeconfigUser(origin: origin, clientCertificate: "/certs/jane.crt", clientKeyData: Data("KEY".utf8))
        let e = try endpoint(selection(user, cluster: cluster))
        XCTAssertEqual(e.tls, TLSOptions(certificateAuthority: .pem(Array("CA".utf8)), clientCertificate: .file("/certs/jane.crt"),
                                         clientKey: .pem(Array("KEY".utf8)), serverName: "kubernetes"))
        XCTAssertEqual(e.proxy, "socks5://127.0.0.1:1080")
        XCTAssertEqual(e.headers, [])
        let request = e.request("/api/v1/pods")
        XCTAssertEqual(request.url, "https://10.0.0.1:6443/api/v1/pods")
        XCTAssertEqual(request.accept, "application/json")
        XCTAssertEqual(request.tls, e.tls)
    }

    func testATokenFileIsReadAgainEachRound() throws {
        let s = selection(KubeconfigUser(origin: origin, tokenFile: "/var/run/token"))
        XCTAssertEqual(try endpoint(s, files: ["/var/run/token": "first\n"]).headers, ["Authorization: Bearer first"])
        XCTAssertEqual(try endpoint(s, files: ["/var/run/token": "rotated"]).headers, ["Authorization: Bearer rotated"])
        XCTAssertThrowsError(try endpoint(s), "a token file that is gone")
        XCTAssertEqual(try endpoint(selection(KubeconfigUser(origin: origin, token: "static"))).request("/x").url,
                       "https://k8s.example:6443/x", "the server's trailing / is dropped")
    }

    func testAnExecPluginsTokenOrCertificate() throws {
        let scripts = try ExecCredentialScripts()
        try scripts.write("token-plugin", "echo '\(ExecCredentialScripts.json(#"{"token": "from-plugin"}"#))'")
        try scripts.write("cert-plugin", "echo '\(ExecCredentialScripts.json(#"{"clientCertificateData": "CERT", "clientKeyData": "KEY"}"#))'")
        let tokenUser = KubeconfigUser(origin: origin, exec: ExecCredentialScripts.exec("token-plugin"))
        XCTAssertEqual(try endpoint(selection(tokenUser), plugin: scripts.plugin()).headers, ["Authorization: Bearer from-plugin"])
        let certUser = KubeconfigUser(origin: origin, exec: ExecCredentialScripts.exec("cert-plugin"))
        let e = try endpoint(selection(certUser), plugin: scripts.plugin())
        XCTAssertEqual(e.tls.clientCertificate, .pem(Array("CERT".utf8)))
        XCTAssertEqual(e.tls.clientKey, .pem(Array("KEY".utf8)))
    }

    func testATokenThatWouldWriteHeadersIsRefused() {
        let s = selection(KubeconfigUser(origin: origin, tokenFile: "/t"))
        XCTAssertThrowsError(try endpoint(s, files: ["/t": "abc\r\nX-Evil: 1"])) { error in
            XCTAssertEqual("\(error)", "/k: users[0]: the token of user \"jane\" has control characters")
        }
    }
}
