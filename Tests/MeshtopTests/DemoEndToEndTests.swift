import Foundation
import XCTest

/// The demo mesh as ground truth: `meshtop demo --scenario steady` serves the proxies and writes
/// what they should show; `meshtop --once --json` over them must agree.
final class DemoEndToEndTests: XCTestCase {
    /// A running `meshtop demo`, stopped with SIGINT in `stop()`; with `kubeAPI`, it serves the
    /// Kubernetes API too, and its kubeconfig is at ``kubeconfig``.
    final class DemoProcess {
        let process = Process()
        let folder: URL

        init(_ arguments: [String], kubeAPI: Bool = false) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            process.executableURL = MeshtopProcess.binary
            process.arguments = ["demo"] + arguments + ["--write-targets", targets.path, "--write-truth", truth.path]
                + (kubeAPI ? ["--kube-api", "--kubeconfig-out", kubeconfig.path] : [])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let written = [truth] + (kubeAPI ? [kubeconfig] : [])
            for _ in 0..<400 where !written.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        var targets: URL { folder.appendingPathComponent("targets.json") }
        var truth: URL { folder.appendingPathComponent("truth.json") }
        var kubeconfig: URL { folder.appendingPathComponent("kubeconfig") }

        func stop() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
            return process.terminationStatus
        }
    }

    static func document(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Rows of a document's `workloads` or `edges`, keyed by their names.
    static func rows(_ doc: [String: Any], _ key: String) -> [String: [String: Any]] {
        var result: [String: [String: Any]] = [:]
        for row in doc[key] as? [[String: Any]] ?? [] {
            let name: (Any?) -> String = { ref in
                let r = ref as? [String: Any] ?? [:]
                return "\(r["namespace"] ?? "")/\(r["kind"] ?? "")/\(r["name"] ?? "")"
            }
            result[key == "edges" ? name(row["src"]) + " -> " + name(row["dst"]) : name(row)] = row
        }
        return result
    }

    func testOnceOverTheSteadyDemoMatchesTheTruth() throws {
        let window = 10.0
        let demo = try DemoProcess(["--topology", "emojivoto", "--scenario", "steady", "--window", "10s"])
        defer { XCTAssertEqual(demo.stop(), 0) }
        let truth = try Self.document(Data(contentsOf: demo.truth))
        let run = try MeshtopProcess.run(["--once", "--json", "--window", "10s", "--targets-file", demo.targets.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let measured = try Self.document(Data(run.stdout.utf8))
        let w = try XCTUnwrap(measured["window_seconds"] as? Double)
        XCTAssertEqual(w, window, accuracy: 0.5)
        for key in ["workloads", "edges"] {
            let expected = Self.rows(truth, key), got = Self.rows(measured, key)
            XCTAssertEqual(Set(got.keys), Set(expected.keys), key)
            for (name, want) in expected {
                guard let have = got[name] else { continue }
                Self.compare(have, want, window: w, context: "\(key) \(name)")
            }
        }
    }

    /// Every counter is a whole number (the rate's integral, rounded down), so one series'
    /// increase over the window is off by less than 1 request, and its timing by the few ms
    /// between meshtop stamping a round and the demo answering (under 0.1 s here). An aggregate
    /// sums at most `series` response series (emojivoto: 2 pods x 3 callers x 2 statuses = 12),
    /// so RPS may be off by (series + rps x 0.1) / window, and a success ratio by that over rps.
    /// Bucket counts carry the same error, so a quantile's rank may be off by `series` requests:
    /// only where the window holds at least 4 x that many requests beyond the quantile is it
    /// pinned to within 10 % (interpolation inside one bucket); elsewhere it must merely exist
    /// and keep p50 <= p95 <= p99.
    static func compare(_ have: [String: Any], _ want: [String: Any], window: Double, context: String) {
        let series = 12.0
        guard let rps = want["rps"] as? Double, let got = have["rps"] as? Double else {
            return XCTAssertTrue(have["rps"] is NSNull && want["rps"] is NSNull, "\(context): rps")
        }
        let rpsTolerance = (series + rps * 0.1) / window
        XCTAssertEqual(got, rps, accuracy: rpsTolerance, "\(context): rps")
        if let success = want["success"] as? Double, rps > 0 {
            XCTAssertEqual(have["success"] as? Double ?? -1, success, accuracy: rpsTolerance / rps + 0.002, "\(context): success")
        }
        let quantiles = [("latency_ms_p50", 0.5), ("latency_ms_p95", 0.95), ("latency_ms_p99", 0.99)]
        let measured = quantiles.compactMap { have[$0.0] as? Double }
        if want["latency_ms_p50"] is Double {
            XCTAssertEqual(measured.count, 3, "\(context): quantiles")
            XCTAssertEqual(measured, measured.sorted(), "\(context): p50 <= p95 <= p99")
        }
        for (key, q) in quantiles where rps * window * (1 - q) >= 4 * series {
            guard let expected = want[key] as? Double else { continue }
            XCTAssertEqual(have[key] as? Double ?? -1, expected, accuracy: 0.1 * expected, "\(context): \(key)")
        }
    }
}

/// The demo's bodies as Prometheus's own linter reads them.
final class DemoPromtoolTests: XCTestCase {
    func testEveryTopologyPassesPromtoolCheckMetrics() throws {
        guard let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { return XCTFail("promtool missing: install Debian's prometheus package") }
            throw XCTSkip("promtool not installed (make test installs Debian's prometheus package)")
        }
        for (topology, scenario) in [("emojivoto", "events"), ("booksapp", "steady"), ("synthetic:40", "steady")] {
            let demo = try DemoEndToEndTests.DemoProcess(["--topology", topology, "--scenario", scenario])
            defer { _ = demo.stop() }
            let targets = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: demo.targets)) as? [[String: Any]])
            for entry in targets.prefix(3) {
                let address = try XCTUnwrap((entry["targets"] as? [String])?.first)
                let body = try MeshtopProcess.run(["inspect", "http://\(address)/metrics"])
                XCTAssertEqual(body.status, 0, body.stderr)
                let raw = try MeshtopProcess.fetch("http://\(address)/metrics")
                let check = Process()
                check.executableURL = URL(fileURLWithPath: promtool)
                check.arguments = ["check", "metrics"]
                let input = Pipe(), output = Pipe()
                check.standardInput = input
                check.standardOutput = output
                check.standardError = output
                try check.run()
                input.fileHandleForWriting.write(raw)
                try input.fileHandleForWriting.close()
                let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                check.waitUntilExit()
                // 0 = clean, 3 = lint only ("response_latency_ms" has an abbreviated unit); 1 = parse error.
                XCTAssertTrue([0, 3].contains(check.terminationStatus), "\(topology) \(address): \(report)")
            }
        }
    }
}
