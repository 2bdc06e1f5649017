import Foundation
import MeshKube
import XCTest

final class ExecCredentialPluginTests: XCTestCase {
    private var scripts: ExecCredentialScripts!
    private let v1 = "client.authentication.k8s.io/v1"
    private let v1beta1 = "client.authentication.k8s.io/v1beta1"

    override func setUpWithError() throws { scripts = try ExecCredentialScripts() }
    override func tearDown() { scripts = nil }

    private func run(_ exec: KubeconfigExec, _ plugin: ExecCredentialPlugin? = nil) throws -> ExecCredential {
        try (plugin ?? scripts.plugin()).run(user: "eks", exec: exec, cluster: scripts.cluster)
    }

    /// The message of running a plugin that prints `stdout`, or `nil` when it gives credentials.
    private func message(printing stdout: String, apiVersion: String? = nil) throws -> String? {
        try scripts.file("out.json", stdout)
        try scripts.write("print", #"cat "$D/out.json""#)
        let exec = ExecCredentialScripts.exec("print", apiVersion: apiVersion ?? v1)
        return KubeconfigFixtures.message { try self.run(exec) }
    }

    func testTokenFromACommandOnPATHWithArgsEnvAndExecInfo() throws {
        try scripts.write("get-token", #"""
            echo "$KUBERNETES_EXEC_INFO" > "$D/info"
            echo "$# $1 $2 $REGION" > "$D/args"
            cat > "$D/stdin"
            echo '{"apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential",'
            echo ' "status": {"token": "k8s-aws-v1.abc"}}'
            """#)
        var exec = ExecCredentialScripts.exec("get-token", args: ["--cluster-name", "prod east"])
        exec.env = [.init(name: "REGION", value: "eu-west-1")]
        XCTAssertEqual(try run(exec), ExecCredential(token: "k8s-aws-v1.abc"))
        XCTAssertEqual(scripts.read("info"), #"""
            {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","spec":{"interactive":false}}

            """#)
        XCTAssertEqual(scripts.read("args"), "2 --cluster-name prod east eu-west-1\n")
        XCTAssertEqual(scripts.read("stdin"), "", "stdin is empty, not meshtop's terminal")
    }

    func testClientCertificateFromAPathWithClusterInfo() throws {
        try scripts.file("ca.crt", "CA")
        try scripts.write("cert-plugin", #"""
            echo "$KUBERNETES_EXEC_INFO" > "$D/info"
            printf '%s\n' '{"apiVersion": "client.authentication.k8s.io/v1beta1", "kind": "ExecCredential",' \
              '"status": {"clientCertificateData": "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n",' \
              '"clientKeyData": "-----BEGIN PRIVATE KEY-----\nMIE\n-----END PRIVATE KEY-----\n",' \
              '"expirationTimestamp": "2030-05-01T12:00:00.25Z"}}'
            """#)
        var exec = ExecCredentialScripts.exec(scripts.directory + "/cert-plugin", apiVersion: v1beta1)
        exec.provideClusterInfo = true
        var cluster = scripts.cluster
        cluster.certificateAuthority = scripts.directory + "/ca.crt"
        cluster.tlsServerName = "kubernetes"
        let credential = try scripts.plugin().run(user: "kind", exec: exec, cluster: cluster)
        XCTAssertNil(credential.token)
        XCTAssertEqual(credential.clientCertificateData.map { String(decoding: $0, as: UTF8.self) },
                       "-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n")
        XCTAssertEqual(credential.clientKeyData.map { String(decoding: $0, as: UTF8.self) },
                       "-----BEGIN PRIVATE KEY-----\nMIE\n-----END PRIVATE KEY-----\n")
        XCTAssertEqual(credential.expirationTimestamp, Date(timeIntervalSince1970: 1_903_867_200.25))
        XCTAssertEqual(scripts.read("info"), #"{"apiVersion":"client.authentication.k8s.io/v1beta1","#
            + #""kind":"ExecCredential","spec":{"cluster":{"certificate-authority-data":"Q0E=","#
            + #""insecure-skip-tls-verify":false,"server":"https://127.0.0.1:6443","tls-server-name":"kubernetes"},"#
            + #""interactive":false}}"# + "\n")
    }

    func testExpirationTimestampWithOffsetAndWithoutFraction() throws {
        XCTAssertNil(try message(printing: ExecCredentialScripts.json(
            #"{"token": "t", "expirationTimestamp": "2030-05-01T14:00:00+02:00"}"#)))
        XCTAssertEqual(try run(ExecCredentialScripts.exec("print")).expirationTimestamp,
                       Date(timeIntervalSince1970: 1_903_867_200))
    }

    func testNotFound() throws {
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("aws")) },
                       #"user "eks", exec plugin "aws": not found on PATH or not executable"#)
        var exec = ExecCredentialScripts.exec("no-such-auth-plugin")
        exec.installHint = "Install no-such-auth-plugin with: gcloud components install no-such-auth-plugin\n"
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(exec) },
                       #"user "eks", exec plugin "no-such-auth-plugin": not found on PATH or not executable; "#
                        + "Install no-such-auth-plugin with: gcloud components install no-such-auth-plugin")
        try scripts.file("not-executable", "#!/bin/sh\n")
        let path = scripts.directory + "/not-executable"
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec(path)) },
                       #"user "eks", exec plugin "\#(path)": not found on PATH or not executable"#)
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("not-executable")) },
                       #"user "eks", exec plugin "not-executable": not found on PATH or not executable"#)
    }

    func testInteractiveAlwaysIsRefusedWithoutRunning() throws {
        try scripts.write("login", #"touch "$D/ran""#)
        var exec = ExecCredentialScripts.exec("login")
        exec.interactiveMode = "Always"
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(exec) },
                       #"user "eks", exec plugin "login": interactiveMode is Always, but meshtop never runs a "#
                        + "plugin in a terminal; log in with the plugin's own command first, "
                        + "or set interactiveMode to IfAvailable or Never")
        XCTAssertNil(scripts.read("ran"))
    }

    func testExitStatusWithFirstLinesOfStderr() throws {
        try scripts.write("fail", #"""
            echo '{"apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential", "status": {"token": "t"}}'
            printf '\nAn error occurred (ExpiredToken)\n  when calling GetCallerIdentity\nrun aws sso login\nmore\n' >&2
            exit 3
            """#)
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("fail")) },
                       #"user "eks", exec plugin "fail": exited with status 3: An error occurred (ExpiredToken); "#
                        + "when calling GetCallerIdentity; run aws sso login")
        try scripts.write("quiet", "exit 1")
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("quiet")) },
                       #"user "eks", exec plugin "quiet": exited with status 1"#)
        try scripts.write("crash", "echo segfault >&2\nkill -9 $$")
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("crash")) },
                       #"user "eks", exec plugin "crash": was killed by signal 9: segfault"#)
    }

    func testTimeoutKillsThePlugin() throws {
        try scripts.write("hang", "exec sleep 30")
        let plugin = scripts.plugin(timeout: .seconds(1))
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("hang"), plugin) },
                       #"user "eks", exec plugin "hang": gave no credentials within 1 s and was stopped; "#
                        + "check that it needs no input and can reach its identity provider")
    }

    func testOutputIsBounded() throws {
        let plugin = scripts.plugin(outputLimit: 100)
        try scripts.write("chatty", "echo '{}'\nhead -c 101 /dev/zero >&2")
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("chatty"), plugin) },
                       #"user "eks", exec plugin "chatty": printed more than 100 bytes; an ExecCredential is far smaller"#)
        try scripts.write("long", "head -c 100000 /dev/zero")
        XCTAssertEqual(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("long"), plugin) },
                       #"user "eks", exec plugin "long": printed more than 100 bytes; an ExecCredential is far smaller"#)
        try scripts.write("enough", "head -c 100 /dev/zero >&2\nexit 2")
        XCTAssertNotNil(KubeconfigFixtures.message { try self.run(ExecCredentialScripts.exec("enough"), plugin) }?
            .range(of: "exited with status 2"), "100 bytes is within the limit")
    }

    func testStdoutErrors() throws {
        let prefix = #"user "eks", exec plugin "print": "#
        let badJSON = prefix + "did not print an ExecCredential JSON object on stdout "
            + "(a plugin prints its messages on stderr)"
        XCTAssertEqual(try message(printing: ""), badJSON)
        XCTAssertEqual(try message(printing: "Opening browser...\n{}"), badJSON)
        XCTAssertEqual(try message(printing: #"{"apiVersion": 1}"#), badJSON)
        XCTAssertEqual(try message(printing: ExecCredentialScripts.json(#"{"token": "t"}"#), apiVersion: v1beta1),
                       prefix + #"printed apiVersion "client.authentication.k8s.io/v1", but the kubeconfig asks for "#
                        + #""client.authentication.k8s.io/v1beta1"; make exec.apiVersion match the plugin"#)
        XCTAssertEqual(try message(printing: #"{"kind": "ExecCredential"}"#),
                       prefix + #"printed no apiVersion, but the kubeconfig asks for "#
                        + #""client.authentication.k8s.io/v1"; make exec.apiVersion match the plugin"#)
        XCTAssertEqual(try message(printing: #"{"apiVersion": "\#(v1)", "kind": "Status"}"#),
                       prefix + #"printed kind "Status", not kind "ExecCredential""#)
        XCTAssertEqual(try message(printing: #"{"apiVersion": "\#(v1)"}"#),
                       prefix + #"printed no kind, not kind "ExecCredential""#)
        XCTAssertEqual(try message(printing: #"{"apiVersion": "\#(v1)", "kind": "ExecCredential"}"#),
                       prefix + "printed no credentials: no status")
        XCTAssertEqual(try message(printing: ExecCredentialScripts.json(#"{"token": ""}"#)),
                       prefix + "printed no credentials: status has no token and no clientCertificateData "
                        + "with clientKeyData")
        XCTAssertEqual(try message(printing: ExecCredentialScripts.json(#"{"clientCertificateData": "C"}"#)),
                       prefix + "printed no credentials: status.clientCertificateData without status.clientKeyData")
        XCTAssertEqual(try message(printing: ExecCredentialScripts.json(#"{"token": "t", "clientKeyData": "K"}"#)),
                       prefix + "printed no credentials: status.clientKeyData without status.clientCertificateData")
        XCTAssertEqual(try message(printing: ExecCredentialScripts.json(
            #"{"token": "t", "expirationTimestamp": "2030-05-01 12:00"}"#)),
                       prefix + #"printed status.expirationTimestamp "2030-05-01 12:00", which is not an RFC 3339 time"#)
    }
}
