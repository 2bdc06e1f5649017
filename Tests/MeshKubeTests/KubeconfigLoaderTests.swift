import Foundation
import MeshKube
import XCTest

final class KubeconfigLoaderTests: XCTestCase {
    private let first = KubeconfigFixtures.path("first.yaml")
    private let second = KubeconfigFixtures.path("team/second.yaml")
    private let third = KubeconfigFixtures.path("third.yaml")

    private func load(_ kubeconfig: String?, explicit: String? = nil, home: String? = nil) throws -> Kubeconfig? {
        var environment: [String: String] = [:]
        environment["KUBECONFIG"] = kubeconfig
        environment["HOME"] = home
        return try KubeconfigLoader.load(explicitPath: explicit, environment: environment)
    }

    func testTwoFilesMergeFirstNameWins() throws {
        let config = try XCTUnwrap(load("\(first):\(second)"))
        XCTAssertEqual(config.files, [first, second])
        XCTAssertEqual(config.clusters["shared"]?.server, "https://first.example:6443")
        XCTAssertEqual(config.users["shared"]?.token, "first-token")
        XCTAssertEqual(config.contexts["dev"]?.cluster, "shared")
        XCTAssertEqual(config.contexts["staging"]?.namespace, "booksapp")
        XCTAssertEqual(config.clusters.keys.sorted(), ["only-first", "only-second", "shared"])
        XCTAssertEqual(config.currentContext, "dev")
    }

    func testOrderDecidesWhichFileWins() throws {
        let config = try XCTUnwrap(load("\(second):\(first)"))
        XCTAssertEqual(config.clusters["shared"]?.server, "https://second.example:6443")
        XCTAssertEqual(config.contexts["dev"]?.cluster, "only-second")
        XCTAssertEqual(config.currentContext, "staging")
        XCTAssertEqual(config.clusters["shared"]?.origin, KubeconfigOrigin(file: second, entry: "clusters[0]"))
    }

    func testThreeFilesMerge() throws {
        let config = try XCTUnwrap(load("\(third):\(first):\(second)"))
        XCTAssertEqual(config.clusters["only-first"]?.server, "https://third.example")
        XCTAssertEqual(config.clusters.keys.sorted(), ["only-first", "only-second", "only-third", "shared"])
        XCTAssertEqual(config.contexts.keys.sorted(), ["dev", "eks", "prod", "staging"])
        XCTAssertEqual(config.users.keys.sorted(), ["certs", "eks", "files", "shared"])
        // The third file's empty current-context doesn't count: the first one set wins.
        XCTAssertEqual(config.currentContext, "dev")
    }

    func testCurrentContextFromTheFirstFileThatSetsIt() throws {
        let quiet = KubeconfigFixtures.path("no-current.yaml")
        XCTAssertEqual(try load("\(quiet):\(third):\(second):\(first)")?.currentContext, "staging")
        XCTAssertNil(try load("\(quiet):\(third)")?.currentContext)
    }

    func testRelativePathsResolveAgainstEachFilesDirectory() throws {
        let config = try XCTUnwrap(load("\(first):\(second)"))
        let directory = KubeconfigFixtures.directory
        XCTAssertEqual(config.clusters["shared"]?.certificateAuthority, "\(directory)/certs/first-ca.crt")
        XCTAssertEqual(config.clusters["only-second"]?.certificateAuthority, "\(directory)/team/../certs/second-ca.crt")
        let files = try XCTUnwrap(config.users["files"])
        XCTAssertEqual(files.clientCertificate, "\(directory)/team/client.crt")
        XCTAssertEqual(files.clientKey, "/etc/keys/client.key")
        XCTAssertEqual(files.tokenFile, "\(directory)/team/./token")
        XCTAssertEqual(files.exec?.command, "\(directory)/team/./bin/login")
        XCTAssertEqual(config.users["eks"]?.exec?.command, "aws", "a command on PATH stays as it is")
    }

    func testMissingEmptyAndRepeatedEntriesOfKubeconfig() throws {
        let config = try XCTUnwrap(load("::/no/such/file:\(first)::\(first):\(second):\(second):"))
        XCTAssertEqual(config.files, [first, second])
        XCTAssertEqual(config.currentContext, "dev")
    }

    func testKubeconfigWithOnlyMissingFilesFindsNothingAndIgnoresHome() throws {
        XCTAssertNil(try load("/no/such/file:/nor/this", home: KubeconfigFixtures.directory))
    }

    func testHomeConfigWhenKubeconfigIsUnsetOrEmpty() throws {
        let files = KubeconfigFixtures.memory(["/home/me/.kube/config": "current-context: home"])
        for environment in [["HOME": "/home/me"], ["HOME": "/home/me", "KUBECONFIG": ""]] {
            let config = try KubeconfigLoader.load(explicitPath: nil, environment: environment, files: files)
            XCTAssertEqual(config?.files, ["/home/me/.kube/config"])
            XCTAssertEqual(config?.currentContext, "home")
        }
        XCTAssertNil(try KubeconfigLoader.load(explicitPath: nil, environment: [:], files: files))
    }

    func testExplicitKubeconfigIsTheOnlyFileRead() throws {
        let config = try XCTUnwrap(load(first, explicit: second))
        XCTAssertEqual(config.files, [second])
        XCTAssertEqual(config.currentContext, "staging")
    }

    func testExplicitKubeconfigMissingIsAnError() {
        XCTAssertEqual(KubeconfigFixtures.message { try self.load(self.first, explicit: "/no/such/file") as Any },
                       "/no/such/file: no such file (given with --kubeconfig)")
    }

    func testErrorsInAnyFileNameThatFile() {
        let files = KubeconfigFixtures.memory(["/a": "current-context: a", "/b": "users: {}"])
        XCTAssertEqual(KubeconfigFixtures.message {
            try KubeconfigLoader.load(explicitPath: nil, environment: ["KUBECONFIG": "/a:/b"], files: files) as Any
        }, "/b: users: expected a list, found a mapping")
    }

    func testSearchPath() {
        XCTAssertEqual(KubeconfigLoader.searchPath(explicitPath: "", environment: ["KUBECONFIG": "/a::/b:/a", "HOME": "/h"]),
                       .init(files: ["/a", "/b"], isExplicit: false))
        XCTAssertEqual(KubeconfigLoader.searchPath(explicitPath: "/x", environment: ["KUBECONFIG": "/a"]),
                       .init(files: ["/x"], isExplicit: true))
        XCTAssertEqual(KubeconfigLoader.searchPath(explicitPath: nil, environment: ["HOME": "/h/"]),
                       .init(files: ["/h/.kube/config"], isExplicit: false))
    }
}
