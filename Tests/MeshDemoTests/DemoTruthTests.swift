import MeshDemo
import MeshModel
import XCTest

/// `DemoMesh.truth` says what the steady bodies encode, and meshtop's own math agrees.
final class DemoTruthTests: XCTestCase {
    private static let emojivoto = DemoFixtures.mesh("emojivoto")

    func testEmojivotoTruthIsTheTopologyArithmetic() throws {
        let truth = Self.emojivoto.truth(windowSeconds: 30)
        XCTAssertEqual(truth.generatedAtMs, 0)
        XCTAssertEqual(truth.windowSeconds, 30)
        XCTAssertEqual(truth.targets, [])
        XCTAssertEqual(truth.workloads.map(\.workload.name), ["emoji", "vote-bot", "voting", "web"])
        let web = try XCTUnwrap(truth.workloads.first { $0.workload.name == "web" })
        XCTAssertEqual(web.meshedPods, 2)
        XCTAssertEqual(web.totalPods, 2)
        XCTAssertEqual(web.metrics.rps!, 4 + 6, accuracy: 1e-9, "vote-bot -> web plus loadgen -> web")
        XCTAssertEqual(web.metrics.success!, (4 * 0.92 + 6 * 0.98) / 10, accuracy: 1e-9)
        let p50 = try XCTUnwrap(web.metrics.latencyP50)
        XCTAssertTrue((9...11).contains(p50), "the median of two medians 9 and 11 ms: \(p50)")
        let voteBot = try XCTUnwrap(truth.workloads.first { $0.workload.name == "vote-bot" })
        XCTAssertEqual(voteBot.metrics, GoldenMetrics(), "nobody calls vote-bot: no data")
        XCTAssertEqual(truth.pods.count, 7)
        XCTAssertEqual(truth.pods.filter { $0.workload.name == "web" }.map { $0.metrics.rps! }, [5, 5])
    }

    func testEmojivotoEdgesAreKeyedAsMeshtopKeysThem() throws {
        let truth = Self.emojivoto.truth(windowSeconds: 60)
        let names = truth.edges.map { "\($0.src.name)->\($0.dst.kind)/\($0.dst.name)" }
        XCTAssertEqual(names, ["vote-bot->deployment/web", "web->authority/api.example.com:443",
                               "web->deployment/emoji", "web->deployment/voting"],
                       "loadgen is unmeshed: it has no outbound series, so no edge")
        let api = try XCTUnwrap(truth.edges.first { $0.dst.kind == "authority" })
        XCTAssertEqual(api.dst.namespace, "")
        XCTAssertFalse(api.mtls)
        XCTAssertEqual(api.noTLSReason, "not_provided_by_service_discovery")
        XCTAssertEqual(api.serverID, "")
        let emoji = try XCTUnwrap(truth.edges.first { $0.dst.name == "emoji" })
        XCTAssertTrue(emoji.mtls)
        XCTAssertEqual(emoji.serverID, "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local")
        XCTAssertEqual(emoji.metrics.rps, 12)
        XCTAssertEqual(emoji.metrics.success, 1)
        XCTAssertEqual(emoji.metrics.latencyP50!, 2, accuracy: 0.01, "log-normal median 2 ms, on the le=2 bound")
        XCTAssertTrue((8...10).contains(emoji.metrics.latencyP99!), "p99 9 ms, interpolated in (5, 10]: \(emoji.metrics.latencyP99!)")
        XCTAssertEqual(emoji.metrics.tcpOpenConnections, 4, "2 web pods x 2 emoji pods, one connection each")
        XCTAssertEqual(emoji.metrics.tcpReadBytesRate!, 12 * 1_100, accuracy: 1e-6)
    }

    func testMeshtopMeasuresTheTruth() {
        for name in ["emojivoto", "booksapp", "synthetic:40"] {
            let mesh = DemoFixtures.mesh(name)
            let truth = mesh.truth(windowSeconds: 600)
            let seen = DemoFixtures.meshtop(mesh, from: 1_000, to: 1_600, step: 10)
            XCTAssertEqual(seen.workloads.map(\.workload), truth.workloads.map(\.workload), name)
            XCTAssertEqual(seen.edges.map(\.src), truth.edges.map(\.src), name)
            XCTAssertEqual(seen.edges.map(\.dst), truth.edges.map(\.dst), name)
            XCTAssertEqual(seen.pods.map(\.pod), truth.pods.map(\.pod), name)
            for (got, want) in zip(seen.workloads, truth.workloads) {
                XCTAssertEqual(got.meshedPods, want.meshedPods)
                assertClose(got.metrics, want.metrics, window: 600, "\(name) \(want.workload)")
            }
            for (got, want) in zip(seen.edges, truth.edges) {
                XCTAssertEqual(got.mtls, want.mtls)
                XCTAssertEqual(got.noTLSReason, want.noTLSReason)
                XCTAssertEqual(got.serverID, want.serverID)
                assertClose(got.metrics, want.metrics, window: 600, "\(name) \(want.src) -> \(want.dst)")
            }
            for (got, want) in zip(seen.pods, truth.pods) {
                assertClose(got.metrics, want.metrics, window: 600, "\(name) \(want.pod)")
            }
        }
    }

    /// Close enough for counters that are floored per series: rates and ratios within 1 %, pools
    /// exact, quantiles within 8 % where the window holds enough requests beyond the quantile
    /// (each series' bucket increase may be one off, which moves a thin tail a lot).
    private func assertClose(_ got: GoldenMetrics, _ want: GoldenMetrics, window: Double, _ context: String) {
        func close(_ a: Double?, _ b: Double?, _ tolerance: Double, _ what: String) {
            guard let a, let b else { return XCTAssertEqual(a == nil, b == nil, "\(context) \(what): \(String(describing: a)) vs \(String(describing: b))") }
            XCTAssertEqual(a, b, accuracy: tolerance * max(1, abs(b)), "\(context) \(what)")
        }
        close(got.rps, want.rps, 0.01, "rps")
        close(got.success, want.success, 0.01, "success")
        let requests = (want.rps ?? 0) * window
        close(got.latencyP50, want.latencyP50, 0.08, "p50")
        if requests >= 1_000 { close(got.latencyP95, want.latencyP95, 0.08, "p95") }
        if requests >= 5_000 { close(got.latencyP99, want.latencyP99, 0.08, "p99") }
        close(got.tcpOpenConnections, want.tcpOpenConnections, 0, "tcp connections")
        close(got.tcpReadBytesRate, want.tcpReadBytesRate, 0.01, "tcp read")
        close(got.tcpWriteBytesRate, want.tcpWriteBytesRate, 0.01, "tcp write")
    }
}
