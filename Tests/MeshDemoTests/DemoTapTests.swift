@testable import MeshDemo
import MeshModel
import XCTest

/// The demo's tap stream follows its traffic model: the same rates, success ratios and
/// latencies as the metrics, seen by the proxies a target names, cut to `maxRps`.
final class DemoTapTests: XCTestCase {
    private static let emojivoto = DemoFixtures.mesh("emojivoto")
    private static let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")
    private static let emoji = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "emoji")

    func testRatesSuccessAndLatencyFollowTheModel() {
        let seconds = 300.0
        let seen = Self.emojivoto.tap(DemoTapTarget(namespace: "emojivoto", kind: "deployment", name: "web"),
                                      from: 0, to: seconds, maxRps: 10_000)
        // (caller, callee, rps, success, p50) as the topology sets them.
        let edges: [(String, String, Double, Double, Double)] = [
            ("vote-bot", "web", 4, 0.92, 9), ("loadgen", "web", 6, 0.98, 11), ("web", "emoji", 12, 1, 2),
            ("web", "voting", 4.5, 0.99, 3), ("api.example.com:443", "", 0.8, 0.995, 85),
        ]
        for (src, dst, rps, success, p50) in edges {
            let calls = seen.filter {
                dst.isEmpty ? $0.destination.workload.name == src : $0.source.workload.name == src && $0.destination.workload.name == dst
            }
            let expected = rps * seconds
            // Counts are a sum of per-slice draws: well within 4 standard deviations of a Poisson count.
            XCTAssertEqual(Double(calls.count), expected, accuracy: 4 * expected.squareRoot() + 1, "\(src) → \(dst)")
            let ok = Double(calls.filter { $0.status == 200 }.count) / Double(max(1, calls.count))
            XCTAssertEqual(ok, success, accuracy: 4 * (success * (1 - success) / expected).squareRoot() + 0.002, "\(src) → \(dst)")
            let latencies = calls.map(\.latencyMs).sorted()
            XCTAssertEqual(latencies[latencies.count / 2], p50, accuracy: p50 * 0.15, "median of \(src) → \(dst)")
        }
        XCTAssertTrue(seen.allSatisfy { $0.source.workload == Self.web || $0.destination.workload == Self.web },
                      "a tap of web sees only web's traffic")
        XCTAssertEqual(Set(seen.filter { $0.destination.workload == Self.web }.map(\.direction)), [.inbound])
        XCTAssertEqual(Set(seen.filter { $0.source.workload == Self.web }.map(\.direction)), [.outbound])
    }

    func testANamespaceTapSeesMeshedCallsFromBothEnds() {
        let seen = Self.emojivoto.tap(DemoTapTarget(namespace: "emojivoto"), from: 10, to: 20, maxRps: 10_000)
        let webToEmoji = seen.filter { $0.source.workload == Self.web && $0.destination.workload == Self.emoji }
        let outbound = webToEmoji.filter { $0.direction == .outbound }, inbound = webToEmoji.filter { $0.direction == .inbound }
        XCTAssertFalse(outbound.isEmpty)
        XCTAssertEqual(outbound.map(\.streamID), inbound.map(\.streamID), "each call once from each end")
        XCTAssertTrue(webToEmoji.allSatisfy(\.tls), "meshed to meshed is mTLS")
        XCTAssertTrue(seen.filter { $0.source.workload.name == "loadgen" }.allSatisfy { !$0.tls && $0.direction == .inbound },
                      "an unmeshed caller is plaintext, seen only by its callee")
        XCTAssertTrue(seen.filter { $0.destination.workload.kind == "authority" }.allSatisfy { $0.direction == .outbound && !$0.tls })
        XCTAssertEqual(seen.map(\.startMs), seen.map(\.startMs).sorted(), "in start order")
        XCTAssertTrue(seen.allSatisfy { $0.startMs >= 10_000 && $0.startMs < 20_000 })
    }

    func testMaxRpsCapsEachSecondAndPodsAndFiltersNarrow() {
        let mesh = Self.emojivoto
        let capped = mesh.tap(DemoTapTarget(namespace: "emojivoto"), from: 0, to: 30, maxRps: 5)
        let perSecond = Dictionary(grouping: capped) { $0.startMs / 1000 }.mapValues(\.count)
        XCTAssertEqual(perSecond.count, 30)
        XCTAssertTrue(perSecond.values.allSatisfy { $0 == 5 }, "\(perSecond)")

        let pod = mesh.proxies.first { $0.workload == Self.emoji }!.pod
        let onePod = mesh.tap(DemoTapTarget(namespace: "emojivoto", kind: "pod", name: pod), from: 0, to: 30, maxRps: 1000)
        XCTAssertFalse(onePod.isEmpty)
        XCTAssertTrue(onePod.allSatisfy { $0.destination.pod == pod && $0.direction == .inbound }, "emoji only answers")

        let posts = mesh.tap(DemoTapTarget(namespace: "emojivoto"), from: 0, to: 30, maxRps: 1000) { $0.method == "POST" }
        XCTAssertFalse(posts.isEmpty)
        XCTAssertTrue(posts.allSatisfy { $0.method == "POST" && $0.path.hasSuffix("/update") })
        XCTAssertTrue(mesh.tap(DemoTapTarget(namespace: "nope"), from: 0, to: 30, maxRps: 1000).isEmpty)
    }

    func testTheStreamIsDeterministicAndFollowsEvents() {
        let target = DemoTapTarget(namespace: "emojivoto")
        XCTAssertEqual(Self.emojivoto.tap(target, from: 5, to: 9, maxRps: 100), Self.emojivoto.tap(target, from: 5, to: 9, maxRps: 100))
        // The events scenario deploys a bad version of voting: its success ratio drops for a while.
        let events = DemoFixtures.mesh("emojivoto", .events)
        guard let deploy = events.events.first(where: { if case .deploy = $0.kind { true } else { false } }),
              case .deploy(let rolled, let factor) = deploy.kind, rolled.name == "voting" else {
            return XCTFail("no deploy of voting in \(events.events)")
        }
        let end = deploy.startSeconds + deploy.durationSeconds
        let during = events.tap(target, from: deploy.startSeconds, to: end, maxRps: 10_000).filter { request in
            request.destination.workload.name == "voting" && request.direction == .inbound
        }
        let ok = Double(during.filter { $0.status == 200 }.count) / Double(max(1, during.count))
        XCTAssertEqual(ok, 0.99 * factor, accuracy: 0.06, "voting fails as often as the bad version's metrics say")
    }

    func testPeersHaveTheMetricsAddressesAndTheUnmeshedPodsTheirOwn() {
        let mesh = Self.emojivoto
        let seen = mesh.tap(DemoTapTarget(namespace: "emojivoto"), from: 0, to: 30, maxRps: 10_000)
        let loadgen = mesh.unmeshedPods
        XCTAssertEqual(loadgen.map(\.workload.name), ["loadgen"])
        XCTAssertTrue(loadgen[0].name.hasPrefix("loadgen-") && loadgen[0].name.split(separator: "-").count == 3,
                      "named as a Deployment's pod: \(loadgen[0].name)")
        let unmeshedCalls = seen.filter { $0.source.workload.name == "loadgen" }
        XCTAssertFalse(unmeshedCalls.isEmpty)
        XCTAssertTrue(unmeshedCalls.allSatisfy { $0.source.ip == loadgen[0].ip && $0.source.pod == loadgen[0].name })
        let external = seen.filter { $0.destination.workload.kind == "authority" }
        XCTAssertFalse(external.isEmpty)
        XCTAssertTrue(external.allSatisfy {
            $0.destination.ip == ProxyLabels.externalIP("api.example.com") && $0.destination.port == 443
                && $0.authority == "api.example.com:443" && $0.destination.discoveryLabels.isEmpty
        }, "where the metrics' outbound series put the host")
        let toEmoji = seen.filter { $0.destination.workload == Self.emoji }
        XCTAssertTrue(toEmoji.allSatisfy { $0.authority == "emoji.emojivoto.svc.cluster.local:80" }, "the Service's port, as in the metrics")
        let emoji = toEmoji.first?.destination
        XCTAssertNotNil(emoji)
        XCTAssertEqual(emoji?.identity, "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local")
        XCTAssertEqual(emoji?.discoveryLabels["deployment"], "emoji")
        XCTAssertEqual(emoji?.discoveryLabels["pod"], emoji?.pod)
        XCTAssertEqual(emoji?.discoveryLabels["serviceaccount"], "emoji")
    }
}
