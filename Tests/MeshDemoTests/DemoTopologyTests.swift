import MeshDemo
import MeshModel
import XCTest

/// The named topologies, their errors, and the synthetic generator's bounds and speed.
final class DemoTopologyTests: XCTestCase {
    func testUnknownNamesAreClearErrors() {
        XCTAssertThrowsError(try DemoTopology.named("emojivote")) { error in
            XCTAssertEqual(error as? DemoTopologyError, .unknownName("emojivote"))
            XCTAssertTrue("\(error)".contains("use emojivoto, booksapp or synthetic:N"))
        }
        for bad in ["synthetic:0", "synthetic:2001", "synthetic:", "synthetic:ten", "synthetic:-5"] {
            XCTAssertThrowsError(try DemoTopology.named(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("from 1 to 2000"), "\(error)")
            }
        }
        XCTAssertThrowsError(try DemoScenario(name: "chaos")) { error in
            XCTAssertEqual("\(error)", "unknown demo scenario 'chaos': use steady or events")
        }
        XCTAssertEqual(try DemoScenario(name: "events"), .events)
        XCTAssertEqual(try DemoScenario(name: "steady"), .steady)
    }

    func testEmojivotoHasUnmeshedAndExternalPeersInSeveralNamespaces() throws {
        let topology = try DemoTopology.named("emojivoto")
        XCTAssertEqual(Set(topology.workloads.map(\.ref.namespace)), ["emojivoto", "ingress", ""])
        XCTAssertEqual(topology.workloads.filter { $0.membership == .unmeshed }.map(\.ref.name), ["loadgen"])
        XCTAssertEqual(topology.workloads.filter { $0.membership == .external }.map(\.ref.name), ["api.example.com:443"])
        let mesh = DemoMesh(topology: topology, scenario: .steady, seed: 1)
        let web = ScannedBody(mesh.metricsBody(DemoFixtures.proxy(mesh, pod: "web").index, at: 10))
        let plain = web.values("request_total", ["direction": "inbound", "tls": "no_identity", "target_port": "8080"])
        XCTAssertEqual(plain.count, 1)
        XCTAssertEqual(plain.first?.labels["no_tls_reason"], "no_tls_from_remote")
        XCTAssertNil(plain.first?.labels["client_id"])
        let external = try XCTUnwrap(web.values("request_total", ["authority": "api.example.com:443"]).first)
        XCTAssertEqual(external.labels["no_tls_reason"], "not_provided_by_service_discovery")
        XCTAssertFalse(external.labels.keys.contains { $0.hasPrefix("dst_") })
    }

    func testBooksappBooksToAuthorsFails() throws {
        let topology = try DemoTopology.named("booksapp")
        let edge = try XCTUnwrap(topology.edges.first { $0.src.name == "books" && $0.dst.name == "authors" })
        XCTAssertLessThan(edge.successRatio, 0.9)
        XCTAssertEqual(topology.workloads.map(\.pods), [1, 3, 1, 1])
    }

    func testSyntheticIsLayeredAndSpread() throws {
        let topology = try DemoTopology.named("synthetic:300", seed: 5)
        XCTAssertEqual(topology.workloads.reduce(0) { $0 + $1.pods }, 300)
        XCTAssertTrue(topology.workloads.allSatisfy { (1...4).contains($0.pods) })
        XCTAssertGreaterThan(Set(topology.workloads.map(\.ref.namespace)).count, 3)
        let fanOut = Dictionary(grouping: topology.edges, by: \.src).mapValues(\.count)
        XCTAssertTrue(fanOut.values.allSatisfy { (1...4).contains($0) })
        let callers = Set(topology.edges.map(\.src))
        XCTAssertGreaterThan(topology.edges.count, topology.workloads.count / 2)
        XCTAssertFalse(callers.isEmpty)
        XCTAssertEqual(try DemoTopology.named("synthetic:1").workloads.count, 1)
        XCTAssertEqual(try DemoTopology.named("synthetic:300", seed: 5), topology)
    }

    func testSynthetic2000HasBoundedBodiesAndRendersQuickly() throws {
        let mesh = DemoFixtures.mesh("synthetic:2000", .events, seed: 11)
        XCTAssertEqual(mesh.proxies.count, 2_001, "2,000 pods plus the scale-up's")
        XCTAssertEqual(DemoFixtures.mesh("synthetic:2000", seed: 11).proxies.count, 2_000)
        var largest = 0
        var total = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: 95) {
                let size = mesh.metricsBody(proxy.index, at: 95).count
                largest = max(largest, size)
                total += size
            }
        }
        print("synthetic:2000: all bodies in \(elapsed), largest \(largest) B, mean \(total / 2_000) B")
        XCTAssertLessThan(largest, 130_000)
        XCTAssertLessThan(elapsed, .seconds(20), "debug builds; release renders them in well under 1 s")
    }
}
