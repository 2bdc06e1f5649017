import Foundation
import MeshKube
import XCTest

final class KubeconfigSelectionTests: XCTestCase {
    private let base = """
        current-context: dev
        clusters:
        - {name: a, cluster: {server: "https://a:6443"}}
        - {name: b, cluster: {server: "https://b:6443"}}
        users:
        - {name: u, user: {token: t}}
        contexts:
        - {name: dev, context: {cluster: a, user: u, namespace: emojivoto}}
        - {name: staging, context: {cluster: b}}
        - {name: broken, context: {cluster: nope, user: u}}
        - {name: lost, context: {cluster: a, user: nobody}}
        - {name: bare, context: {user: u}}

        """

    private func merged() throws -> Kubeconfig {
        let files = KubeconfigFixtures.memory(["/a": base, "/b": "contexts: []"])
        return try XCTUnwrap(KubeconfigLoader.load(explicitPath: nil, environment: ["KUBECONFIG": "/a:/b"], files: files))
    }

    private func error(_ context: String?) -> String? {
        KubeconfigFixtures.message { try self.merged().select(context: context) }
    }

    func testCurrentContextSelected() throws {
        let selection = try merged().select(context: nil)
        XCTAssertEqual(selection.contextName, "dev")
        XCTAssertEqual(selection.server, "https://a:6443")
        XCTAssertEqual(selection.user.token, "t")
        XCTAssertEqual(selection.namespace, "emojivoto")
    }

    func testContextFlagOverridesCurrentContext() throws {
        let selection = try merged().select(context: "staging")
        XCTAssertEqual(selection.contextName, "staging")
        XCTAssertEqual(selection.server, "https://b:6443")
        XCTAssertEqual(selection.user, KubeconfigUser(origin: .init(file: "/a", entry: "contexts[1]")),
                       "a context without a user is anonymous")
        XCTAssertNil(selection.namespace)
        XCTAssertEqual(try merged().select(context: "").contextName, "dev", "an empty --context is no --context")
    }

    func testContextErrors() {
        XCTAssertEqual(error("prod"), "context \"prod\" not found in /a:/b (contexts: bare, broken, dev, lost, staging)")
        XCTAssertEqual(error("broken"), "/a: contexts[2].context.cluster: context \"broken\" names cluster \"nope\", "
            + "which is not in /a:/b (clusters: a, b)")
        XCTAssertEqual(error("lost"), "/a: contexts[3].context.user: context \"lost\" names user \"nobody\", "
            + "which is not in /a:/b (users: u)")
        XCTAssertEqual(error("bare"), "/a: contexts[4].context.cluster: context \"bare\" names no cluster")
    }

    func testNoCurrentContext() {
        let message = "no current-context in /k: pass --context NAME or run kubectl config use-context NAME"
        XCTAssertEqual(KubeconfigFixtures.message { try KubeconfigFixtures.select("clusters: []") }, message)
        XCTAssertEqual(KubeconfigFixtures.message { try KubeconfigFixtures.select("current-context: \"\"") }, message)
        XCTAssertEqual(KubeconfigFixtures.message { try KubeconfigFixtures.select("current-context: x") },
                       "context \"x\" not found in /k (no contexts)")
    }

    /// The file `/k` with cluster `c`, user `u` and a current context joining them.
    private func config(cluster: String, user: String) -> String {
        """
        current-context: x
        contexts: [{name: x, context: {cluster: c, user: u}}]
        clusters: [{name: c, cluster: {\(cluster)}}]
        users: [{name: u, user: {\(user)}}]
        """
    }

    private func selectionError(cluster: String = "server: s", user: String = "token: t") -> String? {
        KubeconfigFixtures.message { try KubeconfigFixtures.select(self.config(cluster: cluster, user: user)) }
    }

    func testChosenClusterAndUserChecked() {
        let cases: [(cluster: String, user: String, message: String)] = [
            ("tls-server-name: a", "token: t", "/k: clusters[0].cluster.server: cluster \"c\" has no server"),
            ("server: s, certificate-authority: ca, certificate-authority-data: Y2E=", "token: t",
             "/k: clusters[0].cluster: certificate-authority and certificate-authority-data are both set; keep one"),
            ("server: s, insecure-skip-tls-verify: true, certificate-authority: ca", "token: t",
             "/k: clusters[0].cluster: insecure-skip-tls-verify is set together with a certificate authority; keep one"),
            ("server: s", "username: admin, password: secret",
             "/k: users[0].user: basic auth (username, password) is not supported; "
                + "use a token, a client certificate or an exec plugin"),
            ("server: s", "auth-provider: {name: gcp}",
             "/k: users[0].user.auth-provider: not supported (kubectl dropped it too); "
                + "use an exec plugin such as kubelogin or gke-gcloud-auth-plugin"),
            ("server: s", "client-certificate: c, client-certificate-data: Yw==, client-key: k",
             "/k: users[0].user: client-certificate and client-certificate-data are both set; keep one"),
            ("server: s", "client-certificate: c, client-key: k, client-key-data: aw==",
             "/k: users[0].user: client-key and client-key-data are both set; keep one"),
            ("server: s", "client-certificate: c",
             "/k: users[0].user: a client certificate needs client-key or client-key-data"),
            ("server: s", "client-key-data: aw==",
             "/k: users[0].user: a client key needs client-certificate or client-certificate-data"),
            ("server: s", "exec: {command: x}",
             "/k: users[0].user.exec.apiVersion: missing (use client.authentication.k8s.io/v1 "
                + "or client.authentication.k8s.io/v1beta1)"),
            ("server: s", "exec: {command: x, apiVersion: client.authentication.k8s.io/v1alpha1}",
             "/k: users[0].user.exec.apiVersion: \"client.authentication.k8s.io/v1alpha1\" is not supported "
                + "(use client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1)"),
            ("server: s", "exec: {command: x, apiVersion: client.authentication.k8s.io/v1}",
             "/k: users[0].user.exec.interactiveMode: required by client.authentication.k8s.io/v1 "
                + "(one of Never, IfAvailable, Always)"),
            ("server: s", "exec: {command: x, apiVersion: client.authentication.k8s.io/v1, interactiveMode: Often}",
             "/k: users[0].user.exec.interactiveMode: \"Often\" is not one of Never, IfAvailable, Always"),
        ]
        for (cluster, user, message) in cases {
            XCTAssertEqual(selectionError(cluster: cluster, user: user), message, "\(cluster) / \(user)")
        }
    }

    func testUnchosenEntriesAreNotChecked() throws {
        let files = KubeconfigFixtures.memory(["/a": base, "/b": "users: [{name: basic, user: {username: admin}}]"])
        let config = try XCTUnwrap(KubeconfigLoader.load(explicitPath: nil, environment: ["KUBECONFIG": "/a:/b"],
                                                        files: files))
        XCTAssertEqual(try config.select(context: nil).contextName, "dev", "the basic-auth user is never chosen")
    }

    func testExecInteractiveModeDefaultsForV1beta1() throws {
        let beta = try KubeconfigFixtures.select(config(
            cluster: "server: s", user: "exec: {command: x, apiVersion: client.authentication.k8s.io/v1beta1}"))
        XCTAssertEqual(beta.user.exec?.interactiveMode, "IfAvailable")
        let v1 = try KubeconfigFixtures.select(config(
            cluster: "server: s",
            user: "exec: {command: x, apiVersion: client.authentication.k8s.io/v1, interactiveMode: Never}"))
        XCTAssertEqual(v1.user.exec?.interactiveMode, "Never")
    }

    func testFixtureContextsSelectable() throws {
        let paths = ["first.yaml", "team/second.yaml", "third.yaml"].map(KubeconfigFixtures.path)
        let config = try XCTUnwrap(KubeconfigLoader.load(explicitPath: nil,
                                                        environment: ["KUBECONFIG": paths.joined(separator: ":")]))
        XCTAssertEqual(try config.select(context: "eks").user.exec?.command, "aws")
        XCTAssertEqual(try config.select(context: "staging").namespace, "booksapp")
        XCTAssertEqual(try config.select(context: "prod").user.clientKeyData, Data("key".utf8))
    }
}
