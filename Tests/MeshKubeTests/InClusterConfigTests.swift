import Foundation
import MeshKube
import XCTest

final class InClusterConfigTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sa-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "eyJhbGciOi.token".write(toFile: directory + "/token", atomically: true, encoding: .utf8)
        try "linkerd-viz\n".write(toFile: directory + "/namespace", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: directory)
    }

    private let pod = ["KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443"]

    func testServiceAccountInAPod() throws {
        let selection = try XCTUnwrap(InClusterConfig.load(environment: pod, directory: directory))
        XCTAssertNil(selection.contextName)
        XCTAssertEqual(selection.server, "https://10.96.0.1:443")
        XCTAssertEqual(selection.cluster.certificateAuthority, directory + "/ca.crt")
        XCTAssertEqual(selection.user.tokenFile, directory + "/token")
        XCTAssertNil(selection.user.token, "the token stays in its file, to be read again when rotated")
        XCTAssertEqual(selection.namespace, "linkerd-viz")
    }

    func testIPv6HostIsBracketed() throws {
        let environment = ["KUBERNETES_SERVICE_HOST": "fd00:10:96::1", "KUBERNETES_SERVICE_PORT": "6443"]
        XCTAssertEqual(try InClusterConfig.load(environment: environment, directory: directory)?.server,
                       "https://[fd00:10:96::1]:6443")
    }

    func testNotInAPod() throws {
        XCTAssertNil(try InClusterConfig.load(environment: [:], directory: directory))
        XCTAssertNil(try InClusterConfig.load(environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1"], directory: directory))
        try FileManager.default.removeItem(atPath: directory + "/token")
        XCTAssertNil(try InClusterConfig.load(environment: pod, directory: directory))
    }

    func testMissingNamespaceFileLeavesItToTheDefault() throws {
        try FileManager.default.removeItem(atPath: directory + "/namespace")
        XCTAssertNil(try InClusterConfig.load(environment: pod, directory: directory)?.namespace)
    }

    func testUsedOnlyWithoutAKubeconfig() throws {
        let resolve = { (options: KubeconfigOptions, environment: [String: String]) in
            try options.resolve(environment: environment, serviceAccountDirectory: self.directory)
        }
        let inPod = try resolve(KubeconfigOptions(), pod)
        XCTAssertNil(inPod.selection.contextName)
        XCTAssertEqual(inPod.namespaces, .one("linkerd-viz"))
        XCTAssertEqual(try resolve(KubeconfigOptions(allNamespaces: true), pod).namespaces, .all)

        var withKubeconfig = pod
        withKubeconfig["KUBECONFIG"] = KubeconfigFixtures.path("first.yaml")
        let fromFile = try resolve(KubeconfigOptions(), withKubeconfig)
        XCTAssertEqual(fromFile.selection.contextName, "dev")
        XCTAssertEqual(fromFile.namespaces, .one("emojivoto"))
        XCTAssertEqual(try resolve(KubeconfigOptions(namespace: "web"), withKubeconfig).namespaces, .one("web"))

        XCTAssertEqual(KubeconfigFixtures.message { try resolve(KubeconfigOptions(context: "dev"), pod) },
                       "no kubeconfig (no KUBECONFIG or HOME) and not in a pod; pass --kubeconfig PATH")
        XCTAssertEqual(KubeconfigFixtures.message { try resolve(KubeconfigOptions(), ["HOME": "/nowhere"]) },
                       "no kubeconfig (looked in /nowhere/.kube/config) and not in a pod; pass --kubeconfig PATH")
    }
}
