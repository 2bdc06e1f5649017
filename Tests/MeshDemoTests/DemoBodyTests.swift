import MeshDemo
import MeshModel
import XCTest

/// Every body the demo mesh serves is a well-formed, self-consistent linkerd2-proxy body.
final class DemoBodyTests: XCTestCase {
    private static let times: [Double] = [0, 19.5, 45, 90.25, 130.5, 160, 200, 250, 275, 301, 3_600]

    func testBodiesParseWithZeroErrors() {
        for name in ["emojivoto", "booksapp", "synthetic:60"] {
            let mesh = DemoFixtures.mesh(name, .events)
            for t in Self.times {
                for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: t) {
                    let body = mesh.metricsBody(proxy.index, at: t)
                    let scanned = ScannedBody(body, labels: false)
                    XCTAssertEqual(scanned.errors.prefix(3), [], "\(name) \(proxy.pod) at \(t)")
                    XCTAssertGreaterThan(scanned.samples.count, 20)
                    XCTAssertTrue(String(decoding: body.suffix(7), as: UTF8.self) == "\n# EOF\n")
                }
            }
        }
    }

    func testBucketsAreCumulativeAndInfEqualsCount() {
        let mesh = DemoFixtures.mesh("emojivoto", .events)
        for t in Self.times {
            for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: t) {
                let body = ScannedBody(mesh.metricsBody(proxy.index, at: t))
                for family in ["response_latency_ms", "outbound_http_route_request_duration_seconds"] {
                    assertHistograms(body, family, "\(proxy.pod) at \(t)")
                }
            }
        }
    }

    func testRequestsEqualSumOfResponses() {
        let mesh = DemoFixtures.mesh("booksapp", .events)
        for t in Self.times {
            for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: t) {
                let body = ScannedBody(mesh.metricsBody(proxy.index, at: t))
                var responses: [String: Double] = [:]
                for s in body.values("response_total") {
                    var labels = s.labels
                    for key in ["status_code", "classification", "grpc_status", "error"] { labels[key] = nil }
                    responses[Self.key(labels), default: 0] += s.value
                }
                let requests = Dictionary(body.values("request_total").map { (Self.key($0.labels), $0.value) },
                                          uniquingKeysWith: +)
                XCTAssertEqual(requests, responses, "\(proxy.pod) at \(t)")
            }
        }
    }

    func testCountersNeverGoDownExceptAtTheRestart() {
        let mesh = DemoFixtures.mesh("emojivoto", .events)
        let restarted = DemoFixtures.proxy(mesh, pod: "emoji").index
        var last: [Int: [String: Double]] = [:]
        var lastStart: [Int: Double] = [:]
        var restarts = 0
        var t = 0.0
        while t <= 620 {
            for proxy in mesh.proxies {
                guard mesh.isRunning(proxy.index, at: t) else {
                    // A pod scaled away comes back as a new process.
                    (last[proxy.index], lastStart[proxy.index]) = (nil, nil)
                    continue
                }
                let body = ScannedBody(mesh.metricsBody(proxy.index, at: t), labels: false)
                let start = body.sum("process_start_time_seconds")
                let restartedNow = lastStart[proxy.index].map { $0 != start } ?? false
                lastStart[proxy.index] = start
                var now: [String: Double] = [:]
                for s in body.samples where !DemoFixtures.gauges.contains(s.name) {
                    now[s.series] = s.value
                    guard let before = last[proxy.index]?[s.series], s.value < before else { continue }
                    XCTAssertTrue(restartedNow, "\(s.series) went from \(before) to \(s.value) at \(t)")
                }
                if restartedNow {
                    restarts += 1
                    XCTAssertEqual(proxy.index, restarted, "only the scripted pod restarts (\(proxy.pod) at \(t))")
                    let requests = body.samples.filter { $0.name == "request_total" && $0.series.contains(#"direction="inbound""#) }
                    XCTAssertLessThan(requests.reduce(0) { $0 + $1.value }, 100, "counters start again near 0")
                }
                // A series that vanished (idle, or its pod gone) may come back from zero.
                last[proxy.index] = now
            }
            t += t.truncatingRemainder(dividingBy: 10) == 0 ? 2.5 : 7.5
        }
        XCTAssertEqual(restarts, 2, "at 2:10 and 7:10")
    }

    func testSameSeedSameBytesOtherSeedOtherMesh() {
        let a = DemoFixtures.mesh("synthetic:120", .events, seed: 3)
        let b = DemoFixtures.mesh("synthetic:120", .events, seed: 3)
        let c = DemoFixtures.mesh("synthetic:120", .events, seed: 4)
        XCTAssertEqual(a.proxies, b.proxies)
        XCTAssertEqual(a.events, b.events)
        for proxy in a.proxies.prefix(20) {
            XCTAssertEqual(a.metricsBody(proxy.index, at: 77.7), b.metricsBody(proxy.index, at: 77.7))
        }
        XCTAssertNotEqual(a.proxies.map(\.pod), c.proxies.map(\.pod))
        XCTAssertNotEqual(a.topology, c.topology)
    }

    func testEnvironmentNamesThePod() {
        let mesh = DemoFixtures.mesh("emojivoto")
        let web = DemoFixtures.proxy(mesh, pod: "web")
        let env = mesh.environment(web.index)
        XCTAssertEqual(env["_pod_name"], web.pod)
        XCTAssertEqual(env["_pod_ns"], "emojivoto")
        XCTAssertEqual(env["_pod_sa"], "web")
        XCTAssertEqual(env["_pod_ip"], web.podIP)
        XCTAssertEqual(env["_pod_nodeName"], web.node)
        XCTAssertEqual(env["LINKERD2_PROXY_IDENTITY_LOCAL_NAME"], "web.emojivoto.serviceaccount.identity.linkerd.cluster.local")
        XCTAssertEqual(Set(mesh.proxies.map(\.podIP)).count, mesh.proxies.count)
    }

    // MARK: - Helpers

    private func assertHistograms(_ body: ScannedBody, _ family: String, _ context: String) {
        var buckets: [String: [(le: Double, value: Double)]] = [:]
        for s in body.values(family + "_bucket") {
            var labels = s.labels
            let le = labels.removeValue(forKey: "le")!
            buckets[Self.key(labels), default: []].append((le == "+Inf" ? .infinity : Double(le)!, s.value))
        }
        let counts = Dictionary(body.values(family + "_count").map { (Self.key($0.labels), $0.value) },
                                uniquingKeysWith: +)
        XCTAssertEqual(Set(buckets.keys), Set(counts.keys), context)
        for (key, series) in buckets {
            let sorted = series.sorted { $0.le < $1.le }
            XCTAssertEqual(sorted.map(\.value), sorted.map(\.value).sorted(), "\(context): \(key) not cumulative")
            XCTAssertEqual(sorted.last?.le, .infinity)
            XCTAssertEqual(sorted.last?.value, counts[key], "\(context): +Inf != count for \(key)")
        }
    }

    private static func key(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
