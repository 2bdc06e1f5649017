import Foundation
import XCTest

/// `meshtop tap` and `meshtop top` as a user runs them, against the demo's own Kubernetes API
/// server (`meshtop demo --kube-api`) and its tap endpoint: the stream's lines, the filters,
/// a refusal's message, and a `top` whose numbers agree with the demo's traffic model.
final class TapEndToEndTests: XCTestCase {
    private typealias DemoProcess = DemoEndToEndTests.DemoProcess
    private nonisolated(unsafe) static var steady: DemoProcess?

    override class func setUp() {
        steady = try? DemoProcess(["--topology", "emojivoto", "--scenario", "steady", "--window", "10s"], kubeAPI: true)
    }

    override class func tearDown() {
        _ = steady?.stop()
    }

    private func run(_ arguments: [String], context: String? = nil) throws -> MeshtopProcess.Result {
        let demo = try XCTUnwrap(Self.steady, "the demo did not start")
        return try MeshtopProcess.run(arguments + ["--kubeconfig", demo.kubeconfig.path] + (context.map { ["--context", $0] } ?? []))
    }

    func testTapPrintsOneLinePerRequestAsTextOrNDJSON() throws {
        let text = try run(["tap", "deploy/web", "-n", "emojivoto", "--max", "8"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 8, text.stdout)
        for line in lines {
            XCTAssertTrue(line.hasPrefix("req id="), String(line))
            for part in ["proxy=", "src=", "dst=", "tls=", ":method=", ":authority=", ":path=", ":status=", "latency=", "response-length="] {
                XCTAssertTrue(line.contains(part), "\(part) missing: \(line)")
            }
        }

        let json = try run(["tap", "deploy/web", "-n", "emojivoto", "--max", "6", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let objects = try json.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(objects.count, 6)
        for object in objects {
            let object = try XCTUnwrap(object)
            XCTAssertTrue(["INBOUND", "OUTBOUND"].contains(object["proxyDirection"] as? String ?? ""), "\(object)")
            for key in ["source", "destination", "requestInitEvent", "responseEndEvent"] { XCTAssertNotNil(object[key], key) }
            let side = object["proxyDirection"] as? String == "INBOUND" ? "destination" : "source"
            let meta = (object[side] as? [String: Any])?["metadata"] as? [String: Any]
            XCTAssertEqual(meta?["deployment"] as? String, "web", "the tapped side is web's: \(object)")
        }
    }

    func testFiltersNarrowTheStream() throws {
        let posts = try run(["tap", "deploy/web", "-n", "emojivoto", "--max", "5", "--method", "POST"])
        XCTAssertEqual(posts.status, 0, posts.stderr)
        let lines = posts.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines.allSatisfy { $0.contains(":method=POST") }, posts.stdout)

        let timed = try run(["tap", "deploy/web", "-n", "emojivoto", "--path", "/api/emoji", "--duration", "2s"])
        XCTAssertEqual(timed.status, 0, timed.stderr)
        let paths = timed.stdout.split(separator: "\n")
        XCTAssertFalse(paths.isEmpty, "web calls emoji 12 times a second")
        XCTAssertTrue(paths.allSatisfy { $0.contains(":path=/api/emoji/") }, timed.stdout)
    }

    func testARefusedTapSaysWhyAndExits3() throws {
        let forbidden = try run(["tap", "deploy/web", "-n", "emojivoto", "--max", "1"], context: "demo-forbidden")
        XCTAssertEqual(forbidden.status, 3, forbidden.stderr)
        XCTAssertTrue(forbidden.stderr.contains("tap.linkerd.io"), forbidden.stderr)
        XCTAssertTrue(forbidden.stderr.contains("kubectl auth can-i"), forbidden.stderr)
        XCTAssertTrue(forbidden.stdout.isEmpty)

        let nothing = try run(["tap", "deploy/nope", "-n", "emojivoto", "--max", "1"])
        XCTAssertEqual(nothing.status, 3, nothing.stderr)
        XCTAssertFalse(nothing.stderr.isEmpty)

        let usage = try run(["tap", "frobnicator/x", "-n", "emojivoto"])
        XCTAssertEqual(usage.status, 2, usage.stderr)
    }

    /// Ten seconds of web's traffic, unsampled (max-rps far above the demo's rates): each call's
    /// count is its rate times the time within Poisson error, and its success rate the model's.
    /// The p95 of web → emoji's busiest path (about 60 requests) is the model's log-normal p95
    /// (p50·e^(1.645σ), σ = ln(p99/p50)/2.326) within 50 %: about 2.8 standard deviations of a
    /// 95th percentile of 60 samples of that spread.
    func testTopAgreesWithTheDemosTrafficModel() throws {
        let seconds = 10.0
        let top = try run(["top", "deploy/web", "-n", "emojivoto", "--once", "--json", "--duration", "10s", "--max-rps", "10000"])
        XCTAssertEqual(top.status, 0, top.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [String: Any], top.stdout)
        XCTAssertEqual(document["schema"] as? String, "meshtop-top/v1")
        XCTAssertEqual(document["sampled"] as? Bool, true)
        let rows = try XCTUnwrap(document["rows"] as? [[String: Any]])
        func name(_ row: [String: Any], _ side: String) -> String { (row[side] as? [String: Any])?["name"] as? String ?? "" }
        // (caller, callee, rps, success, p50, p99) of the emojivoto topology.
        let calls: [(String, String, Double, Double, Double, Double)] = [
            ("deploy/vote-bot", "deploy/web", 4, 0.92, 9, 45), ("deploy/web", "deploy/emoji", 12, 1, 2, 9),
            ("deploy/web", "deploy/voting", 4.5, 0.99, 3, 15),
        ]
        for (src, dst, rps, success, p50, p99) in calls {
            let group = rows.filter { name($0, "source") == src && name($0, "destination") == dst }
            let count = group.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
            let expected = rps * seconds
            XCTAssertEqual(Double(count), expected, accuracy: 4 * expected.squareRoot() + 4, "\(src) → \(dst): \(rows)")
            let ok = group.reduce(0.0) { $0 + ($1["successRate"] as? Double ?? 0) * Double($1["count"] as? Int ?? 0) } / Double(max(1, count))
            XCTAssertEqual(ok, success, accuracy: 4 * (success * (1 - success) / expected).squareRoot() + 0.02, "\(src) → \(dst)")
            guard dst == "deploy/emoji" else { continue }
            let sigma = log(p99 / p50) / 2.326, p95 = p50 * exp(1.645 * sigma)
            let biggest = try XCTUnwrap(group.max { ($0["count"] as? Int ?? 0) < ($1["count"] as? Int ?? 0) })
            let measured = try XCTUnwrap((biggest["latencyMs"] as? [String: Any])?["p95"] as? Double)
            XCTAssertEqual(measured, p95, accuracy: p95 * 0.5, "p95 of \(src) → \(dst)")
        }
    }
}
