import Foundation
import MeshKube
import Synchronization
import XCTest

final class ExecCredentialCacheTests: XCTestCase {
    /// A clock the test moves by hand.
    private final class Clock: Sendable {
        let date = Mutex(Date(timeIntervalSince1970: 1_900_000_000))
        func advance(to seconds: Double) { date.withLock { $0 = Date(timeIntervalSince1970: seconds) } }
    }

    private var scripts: ExecCredentialScripts!
    private let clock = Clock()
    private var cache: ExecCredentialCache!

    override func setUpWithError() throws {
        scripts = try ExecCredentialScripts()
        // Prints token-N on its Nth run, expiring at 1_900_000_600 unless told otherwise.
        try scripts.write("counter", #"""
            echo run >> "$D/runs"
            n=$(wc -l < "$D/runs" | tr -d ' ')
            echo "{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\","
            echo " \"status\": {\"token\": \"token-$n\", \"expirationTimestamp\": \"${1:-2030-03-17T17:56:40Z}\"}}"
            """#)
        let clock = self.clock
        cache = ExecCredentialCache(plugin: scripts.plugin(), skew: .seconds(30),
                                    now: { clock.date.withLock { $0 } })
    }

    override func tearDown() { scripts = nil }

    private func token(_ exec: KubeconfigExec = ExecCredentialScripts.exec("counter"),
                       user: String = "eks") throws -> String? {
        try cache.credential(user: user, exec: exec, cluster: scripts.cluster).token
    }

    func testCachedUntilExpiryLessSkew() throws {
        XCTAssertEqual(try token(), "token-1")
        XCTAssertEqual(try token(), "token-1")
        clock.advance(to: 1_900_000_569)
        XCTAssertEqual(try token(), "token-1", "31 s before expiry is still good")
        clock.advance(to: 1_900_000_571)
        XCTAssertEqual(try token(), "token-2", "29 s before expiry is within the skew")
    }

    func testInvalidateRunsAgain() throws {
        XCTAssertEqual(try token(), "token-1")
        cache.invalidate(user: "someone-else")
        XCTAssertEqual(try token(), "token-1")
        cache.invalidate(user: "eks")
        XCTAssertEqual(try token(), "token-2")
        XCTAssertEqual(try token(), "token-2")
    }

    func testKeptPerUserAndPerPluginEntry() throws {
        XCTAssertEqual(try token(), "token-1")
        XCTAssertEqual(try token(user: "gke"), "token-2")
        XCTAssertEqual(try token(), "token-1")
        let changed = ExecCredentialScripts.exec("counter", args: ["2031-01-01T00:00:00Z"])
        XCTAssertEqual(try token(changed), "token-3", "a kubeconfig edited since runs the new entry")
    }

    func testWithoutExpiryKeptUntilInvalidated() throws {
        try scripts.write("forever", #"""
            echo run >> "$D/runs"
            echo '{"apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential", "status": {"token": "t"}}'
            """#)
        XCTAssertEqual(try token(ExecCredentialScripts.exec("forever")), "t")
        clock.advance(to: 4_000_000_000)
        XCTAssertEqual(try token(ExecCredentialScripts.exec("forever")), "t")
        XCTAssertEqual(scripts.read("runs"), "run\n")
        cache.invalidate(user: "eks")
        XCTAssertEqual(try token(ExecCredentialScripts.exec("forever")), "t")
        XCTAssertEqual(scripts.read("runs"), "run\nrun\n")
    }

    func testFailureIsNotCached() throws {
        try scripts.write("flaky", #"""
            echo run >> "$D/runs"
            [ -f "$D/ok" ] || { echo 'error: You must be logged in to the server' >&2; exit 1; }
            echo '{"apiVersion": "client.authentication.k8s.io/v1", "kind": "ExecCredential", "status": {"token": "t"}}'
            """#)
        let exec = ExecCredentialScripts.exec("flaky")
        XCTAssertEqual(KubeconfigFixtures.message { try self.token(exec) as Any },
                       #"user "eks", exec plugin "flaky": exited with status 1: "#
                        + "error: You must be logged in to the server")
        try scripts.file("ok", "")
        XCTAssertEqual(try token(exec), "t")
        XCTAssertEqual(scripts.read("runs"), "run\nrun\n")
    }
}
