import Foundation
import MeshKube
import XCTest

final class KubeconfigParserTests: XCTestCase {
    private func parse(_ text: String) throws -> Kubeconfig { try KubeconfigParser.parse(text: text, file: "/k") }

    private func error(_ text: String) -> String? { KubeconfigFixtures.message { try self.parse(text) } }

    func testExecUserParsed() throws {
        let config = try KubeconfigLoader.load(explicitPath: KubeconfigFixtures.path("first.yaml"), environment: [:])
        let exec = try XCTUnwrap(config?.users["eks"]?.exec)
        XCTAssertEqual(exec, KubeconfigExec(
            apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws",
            args: ["eks", "get-token", "--cluster-name", "prod"], env: [.init(name: "AWS_PROFILE", value: "prod")],
            interactiveMode: nil, provideClusterInfo: true, installHint: "install the aws CLI"))
    }

    func testTokenUsersAndClusterFieldsParsed() throws {
        let config = try parse("""
            clusters:
            - name: c
              cluster: {server: "https://[fd00::1]:6443", insecure-skip-tls-verify: true, tls-server-name: api,
                        proxy-url: "http://proxy:3128"}
            users:
            - name: t
              user: {token: abc.def}
            - name: f
              user: {tokenFile: /var/token}
            - name: empty
            """)
        XCTAssertEqual(config.clusters["c"], KubeconfigCluster(
            origin: .init(file: "/k", entry: "clusters[0]"), server: "https://[fd00::1]:6443",
            insecureSkipTLSVerify: true, tlsServerName: "api", proxyURL: "http://proxy:3128"))
        XCTAssertEqual(config.users["t"]?.token, "abc.def")
        XCTAssertEqual(config.users["f"]?.tokenFile, "/var/token")
        XCTAssertEqual(config.users["empty"], KubeconfigUser(origin: .init(file: "/k", entry: "users[2]")))
    }

    func testDataFieldsDecodedFromBase64() throws {
        let config = try KubeconfigLoader.load(explicitPath: KubeconfigFixtures.path("third.yaml"), environment: [:])
        XCTAssertEqual(config?.users["certs"]?.clientCertificateData, Data("cert".utf8))
        XCTAssertEqual(config?.users["certs"]?.clientKeyData, Data("key".utf8))
        XCTAssertEqual(config?.clusters["only-third"]?.certificateAuthorityData,
                       Data("-----BEGIN CERTIFICATE-----\n".utf8))
    }

    func testEmptyFileIsAnEmptyKubeconfig() throws {
        XCTAssertEqual(try parse("# nothing yet\n"), Kubeconfig(files: ["/k"]))
    }

    func testErrorsNameFileAndField() {
        let cases: [(String, String)] = [
            ("users:\n- name: a\n- name: b\n- name: c\n  user:\n    client-certificate-data: not*base64\n",
             "/k: users[2].user.client-certificate-data: not valid base64"),
            ("clusters:\n- name: a\n  cluster: {certificate-authority-data: [x]}\n",
             "/k: clusters[0].cluster.certificate-authority-data: expected a string, found a list"),
            ("clusters:\n- name: a\n  cluster: {insecure-skip-tls-verify: sometimes}\n",
             "/k: clusters[0].cluster.insecure-skip-tls-verify: expected true or false"),
            ("contexts:\n- context: {cluster: a}\n", "/k: contexts[0]: no name"),
            ("contexts:\n- name: a\n- name: b\n- name: a\n",
             "/k: contexts[2]: context \"a\" is already defined at contexts[0]"),
            ("users:\n- name: a\n  user:\n    exec: {apiVersion: v1}\n", "/k: users[0].user.exec: no command"),
            ("users:\n- name: a\n  user:\n    exec: {command: x, env: [{value: y}]}\n",
             "/k: users[0].user.exec.env[0]: no name"),
            ("users:\n- name: a\n  user:\n    exec: {command: x, args: [[y]]}\n",
             "/k: users[0].user.exec.args[0]: expected a string, found a list"),
            ("- just a list\n", "/k: expected a mapping, found a list"),
            ("current-context: [a]\n", "/k: current-context: expected a string, found a list"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(error(text), message, text)
        }
    }

    func testSyntaxErrorsNameFileAndLine() throws {
        let message = try XCTUnwrap(error("clusters:\n- name: a\n  cluster: {server: x\n"))
        XCTAssertTrue(message.hasPrefix("/k: line 4, column 1: not valid YAML: "), message)
        XCTAssertEqual(error("current-context: a\ncurrent-context: b\n"), "/k: line 1: duplicate key current-context")
    }
}
