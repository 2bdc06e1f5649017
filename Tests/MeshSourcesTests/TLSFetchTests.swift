import Foundation
import XCTest
@testable import MeshSources

/// A kubeconfig's ways of trusting an API server and presenting a user, through the real
/// libcurl path against a real HTTPS server that asks for a client certificate.
final class TLSFetchTests: XCTestCase {
    private var server: TLSTestServer!

    override func setUpWithError() throws {
        if let missing = TLSTestServer.missing { throw XCTSkip(missing) }
        server = try TLSTestServer()
    }

    override func tearDown() {
        server?.stop()
    }

    private func fetch(_ tls: TLSOptions, headers: [String] = []) -> FetchResult {
        HTTPFetcher().fetchAll([FetchRequest(url: "https://127.0.0.1:\(server.port)/whoami", headers: headers, tls: tls)])[0]
    }

    private func pem(_ name: String) throws -> TLSOptions.Source {
        .pem(Array(try Data(contentsOf: URL(fileURLWithPath: server.file(name)))))
    }

    func testFilesOrInlineDataWithTheServerName() throws {
        let files = TLSOptions(certificateAuthority: .file(server.file("ca.crt")), clientCertificate: .file(server.file("client.crt")),
                               clientKey: .file(server.file("client.key")), serverName: "kubernetes.test")
        XCTAssertEqual(fetch(files, headers: ["Authorization: Bearer t0k3n"]).body.map { String(decoding: $0, as: UTF8.self) },
                       "meshtop-user Bearer t0k3n")
        let inline = TLSOptions(certificateAuthority: try pem("ca.crt"), clientCertificate: try pem("client.crt"),
                                clientKey: try pem("client.key"), serverName: "kubernetes.test")
        XCTAssertEqual(fetch(inline).body.map { String(decoding: $0, as: UTF8.self) }, "meshtop-user None")
    }

    func testTheServerIsVerified() throws {
        var tls = TLSOptions(certificateAuthority: .file(server.file("ca.crt")), clientCertificate: .file(server.file("client.crt")),
                             clientKey: .file(server.file("client.key")))
        XCTAssertNotNil(fetch(tls).error, "its certificate names kubernetes.test, not 127.0.0.1")
        tls.certificateAuthority = nil
        tls.serverName = "kubernetes.test"
        XCTAssertNotNil(fetch(tls).error, "not a CA the system knows")
        tls.insecureSkipVerify = true
        XCTAssertNil(fetch(tls).error, "insecure-skip-tls-verify")
    }

    func testWithoutAClientCertificateTheServerRefuses() throws {
        let tls = TLSOptions(certificateAuthority: .file(server.file("ca.crt")), serverName: "kubernetes.test")
        XCTAssertNotNil(fetch(tls).error)
    }
}
