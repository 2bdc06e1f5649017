import Foundation
import XCTest

/// `meshtop --kubeconfig`, as a user runs it, against the demo's own Kubernetes API server
/// (`meshtop demo --kube-api`): discovery, each kind of user, churn, and the messages of what
/// goes wrong.
final class KubeEndToEndTests: XCTestCase {
    private typealias DemoProcess = DemoEndToEndTests.DemoProcess
    private nonisolated(unsafe) static var steady: DemoProcess?

    override class func setUp() {
        steady = try? DemoProcess(["--topology", "emojivoto", "--scenario", "steady", "--window", "10s"], kubeAPI: true)
    }

    override class func tearDown() {
        _ = steady?.stop()
    }

    private func demo() throws -> DemoProcess {
        let demo = try XCTUnwrap(Self.steady, "the demo did not start")
        XCTAssertTrue(FileManager.default.fileExists(atPath: demo.kubeconfig.path), "the demo wrote no kubeconfig")
        return demo
    }

    /// `meshtop --kubeconfig … --once --json` with `arguments`, and its document (empty when it printed none).
    private func once(_ arguments: [String], window: String = "1s", demo: DemoProcess? = nil) throws
        -> (run: MeshtopProcess.Result, document: [String: Any]) {
        let demo = try demo ?? self.demo()
        let run = try MeshtopProcess.run(["--kubeconfig", demo.kubeconfig.path, "--once", "--json", "--window", window] + arguments)
        let document = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any] ?? [:]
        return (run, document)
    }

    private func targets(_ document: [String: Any]) -> [[String: Any]] {
        document["targets"] as? [[String: Any]] ?? []
    }

    func testEveryMeshedPodIsFoundAndItsGoldenMetricsMatchTheTruth() throws {
        let demo = try demo()
        let truth = try DemoEndToEndTests.document(Data(contentsOf: demo.truth))
        let (run, measured) = try once(["--ns", "emojivoto"], window: "10s")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(measured["source"] as? String, "kubernetes:meshtop-demo")
        XCTAssertEqual(measured["problems"] as? [String], [])
        let pods = { (doc: [String: Any]) in Set((doc["pods"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }) }
        XCTAssertEqual(pods(measured), pods(truth), "every meshed pod, scraped through the API server")
        XCTAssertTrue(targets(measured).allSatisfy { ($0["url"] as? String ?? "").contains("/proxy/metrics") })
        let window = try XCTUnwrap(measured["window_seconds"] as? Double)
        let rows = DemoEndToEndTests.rows
        for key in ["workloads", "edges"] {
            let expected = rows(truth, key), got = rows(measured, key)
            XCTAssertEqual(Set(got.keys), Set(expected.keys), key)
            for (name, want) in expected {
                guard let have = got[name] else { continue }
                DemoEndToEndTests.compare(have, want, window: window, context: "\(key) \(name)")
                if key == "workloads" { XCTAssertEqual(have["meshed"] as? String, want["meshed"] as? String, name) }
            }
        }
    }

    func testEachKindOfUserScrapesEveryPod() throws {
        for context in ["meshtop-demo", "demo-token", "demo-token-file", "demo-exec"] {
            let (run, document) = try once(["--context", context])
            XCTAssertEqual(run.status, 0, "\(context): \(run.stderr)")
            XCTAssertEqual(targets(document).count, 7, context)
            XCTAssertTrue(targets(document).allSatisfy { $0["ok"] as? Bool == true }, context)
        }
    }

    func testEachProblemSaysWhatAndWhatToDo() throws {
        let cases: [(arguments: [String], status: Int32, says: [String])] = [
            (["--context", "nope"], 2, [#"context "nope" not found"#, "demo-token-file"]),
            (["--context", "demo-exec-expired"], 3, [#"user "demo-exec-expired""#, "were rejected", "kubectl auth whoami"]),
            (["--context", "demo-forbidden"], 3, ["may not list pods",
                                                  "kubectl auth can-i list pods -n emojivoto --context demo-forbidden"]),
            (["--context", "demo-no-proxy"], 3, ["7 of 7 targets failed", "may not get pods/proxy",
                                                 "kubectl auth can-i get pods --subresource=proxy -n emojivoto"]),
            (["--ns", "nope"], 3, [#"namespace "nope" not found"#, "emojivoto"]),
            (["--ns", "default"], 3, ["no meshed pods in namespace default", "linkerd.io/inject=enabled"]),
        ]
        for (arguments, status, says) in cases {
            let (run, document) = try once(arguments)
            XCTAssertEqual(run.status, status, "\(arguments): \(run.stderr)")
            for text in says { XCTAssertTrue(run.stderr.contains(text), "\(arguments) should say \(text): \(run.stderr)") }
            if status == 3, arguments != ["--context", "demo-no-proxy"] {
                XCTAssertEqual((document["problems"] as? [String])?.count, 1, "\(arguments): the JSON says it too")
            }
        }
    }

    /// A kubeconfig that doesn't trust the server, and one whose server is down: each says so, and
    /// meshtop exits cleanly (libcurl and OpenSSL still working on the discovery thread when the
    /// process exits would crash it).
    func testAnUntrustedOrUnreachableServerIsNamed() throws {
        let demo = try demo()
        let original = try String(contentsOf: demo.kubeconfig, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let variants = [
            ("untrusted", lines.filter { !$0.contains("certificate-authority-data") }.joined(separator: "\n"),
             "certificate problem with the API server"),
            ("down", original.replacingOccurrences(of: #"https://127\.0\.0\.1:[0-9]+"#, with: "https://127.0.0.1:1",
                                                   options: .regularExpression),
             "cannot reach the API server https://127.0.0.1:1: connection refused"),
        ]
        for (name, text, says) in variants {
            let path = demo.folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try MeshtopProcess.run(["--kubeconfig", path, "--once", "--window", "1s"])
            XCTAssertEqual(run.status, 3, "\(name): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(says), "\(name): \(run.stderr)")
        }
    }

    /// The events scenario scales one workload up at 2:30 and down at 4:00: a run across either
    /// moment scrapes the pod that came, and leaves out the one that went.
    func testPodChurnDuringTheRunIsFollowed() throws {
        for (start, before, after) in [("2m26s", 7, 8), ("3m56s", 8, 7)] {
            let demo = try DemoProcess(["--topology", "emojivoto", "--scenario", "events", "--start-at", start], kubeAPI: true)
            defer { XCTAssertEqual(demo.stop(), 0) }
            let first = try once([], demo: demo)
            XCTAssertEqual(targets(first.document).count, before, "\(start): \(first.run.stderr)")
            let (run, document) = try once([], window: "8s", demo: demo)
            XCTAssertEqual(run.status, 0, "\(start): \(run.stderr)")
            XCTAssertEqual(targets(document).count, after, start)
            let meshed = (document["workloads"] as? [[String: Any]] ?? []).compactMap { ($0["meshed"] as? String)?.split(separator: "/").first }
            XCTAssertEqual(meshed.compactMap { Int($0) }.reduce(0, +), after, "\(start): MESHED follows the pods")
        }
    }
}
