import Foundation
import MeshDemoKube
import MeshKube
import MeshModel
import MeshSources
import XCTest

/// The written kubeconfig, read by meshtop's own loader and used through each context, and by
/// the real kubectl when it is installed.
final class DemoKubeconfigTests: XCTestCase {
    private func written(_ fixture: DemoKubeFixture) throws -> DemoKubeconfigFiles {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-kubeapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return try fixture.api.writeKubeconfig(to: directory.appendingPathComponent("kubeconfig").path)
    }

    func testFilesAreWrittenWithTheirModes() throws {
        let fixture = try DemoKubeFixture()
        let files = try written(fixture)
        func mode(_ path: String) throws -> Int {
            try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        XCTAssertEqual(try mode(files.kubeconfig), 0o600)
        XCTAssertEqual(try mode(files.tokenFile), 0o600)
        XCTAssertEqual(try mode(files.execPlugin), 0o755)
        XCTAssertEqual(try mode(files.expiredExecPlugin), 0o755)
        XCTAssertEqual(try String(contentsOfFile: files.certificateAuthority, encoding: .utf8), fixture.api.certificates.caPEM)
        let tokenFile = try String(contentsOfFile: files.tokenFile, encoding: .utf8)
        XCTAssertEqual(tokenFile, fixture.token("demo-token-file") + "\n")
    }

    func testEveryContextSelectsAndReachesTheServerAsItsUser() throws {
        let fixture = try DemoKubeFixture()
        let files = try written(fixture)
        let config = try XCTUnwrap(KubeconfigLoader.load(explicitPath: files.kubeconfig, environment: [:]))
        XCTAssertEqual(config.currentContext, "meshtop-demo")
        XCTAssertEqual(Set(config.contexts.keys), Set(DemoKubeconfig.contexts.map { $0.key }))
        let expected: [String: Int] = [
            "meshtop-demo": 200, "demo-token": 200, "demo-token-file": 200, "demo-exec": 200, "demo-forbidden": 403,
            "demo-no-proxy": 200,
        ]
        let credentials = ExecCredentialCache()
        for (context, user) in DemoKubeconfig.contexts {
            let selection = try config.select(context: context)
            XCTAssertEqual(selection.userName, user)
            XCTAssertEqual(selection.namespace, "emojivoto")
            XCTAssertEqual(selection.server, fixture.api.url)
            switch user {
            case "demo-cert": XCTAssertNotNil(selection.user.clientCertificateData)
            case "demo-token-file": XCTAssertEqual(selection.user.tokenFile, files.tokenFile)
            case "demo-exec", "demo-exec-expired": XCTAssertEqual(selection.user.exec?.interactiveMode, "Never")
            default: XCTAssertNotNil(selection.user.token, user)
            }
            guard let status = expected[context] else { continue }
            let endpoint = try selection.endpoint(credentials: credentials)
            let answer = fixture.fetch([endpoint.request(PodRequests.list(.one("emojivoto")))])[0]
            XCTAssertEqual(answer.status, status, "\(context): \(answer.text)")
        }
        // The expired plugin's token: meshtop either refuses the credential or the server says 401.
        let expired = try config.select(context: "demo-exec-expired")
        if let endpoint = try? expired.endpoint(credentials: credentials) {
            XCTAssertEqual(fixture.fetch([endpoint.request(PodRequests.namespaces)])[0].status, 401)
        }
    }

    func testRealKubectlListsEveryPodAndReportsRBAC() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin"
        guard let kubectl = path.split(separator: ":").map({ "\($0)/kubectl" }).first(where: FileManager.default.isExecutableFile)
        else { throw XCTSkip("kubectl is not on PATH (\(path)): the check against the real kubectl needs it") }
        let fixture = try DemoKubeFixture()
        let files = try written(fixture)
        let cache = (files.kubeconfig as NSString).deletingLastPathComponent + "/kube-cache"
        let common = ["--kubeconfig", files.kubeconfig, "--cache-dir", cache, "--request-timeout", "20s"]
        let listed = try run(kubectl, common + ["get", "pods", "-A"])
        XCTAssertEqual(listed.status, 0, listed.output)
        for proxy in fixture.mesh.proxies { XCTAssertTrue(listed.output.contains(proxy.pod), proxy.pod) }
        XCTAssertTrue(listed.output.contains("NAMESPACE"), listed.output)
        let denied = try run(kubectl, common + ["--context", "demo-forbidden", "get", "pods", "-A"])
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.output.contains(#"pods is forbidden: User "demo-forbidden" cannot list resource "pods""#), denied.output)
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()  // kubectl's --request-timeout bounds it
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
