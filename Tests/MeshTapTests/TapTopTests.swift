import XCTest
@testable import MeshTap

/// The Top view's aggregation: `viz top`'s success rule and rows, plus a window and p95.
final class TapTopTests: XCTestCase {
    typealias S = TapSamples

    func testSuccessRuleIsLinkerdTops() {
        let cases: [(status: UInt32?, end: TapStreamEnd?, success: Bool)] = [
            (200, nil, true),
            (404, nil, true),
            (499, nil, true),
            (500, nil, false),
            (503, nil, false),
            (nil, nil, true),
            (200, .grpcStatus(0), true),      // OK
            (200, .grpcStatus(1), true),      // Canceled
            (200, .grpcStatus(2), false),     // Unknown
            (200, .grpcStatus(3), true),      // InvalidArgument
            (200, .grpcStatus(4), false),     // DeadlineExceeded
            (200, .grpcStatus(5), true),      // NotFound
            (200, .grpcStatus(7), true),      // PermissionDenied: a failure for the proxy, not for top
            (200, .grpcStatus(13), false),    // Internal
            (200, .grpcStatus(14), false),    // Unavailable
            (200, .grpcStatus(15), false),    // DataLoss
            (200, .grpcStatus(16), true),     // Unauthenticated
            (200, .grpcStatus(99), true),
            (200, .reset(errorCode: 0), false),
            (nil, .reset(errorCode: 8), false),
            (502, .grpcStatus(0), false),
        ]
        for c in cases {
            XCTAssertEqual(S.request(status: c.status, end: c.end).isSuccess, c.success, "\(String(describing: c.status)) \(String(describing: c.end))")
        }
    }

    func testRowsLikeVizTop() throws {
        var top = TapTop(naming: .pod)
        let latencies: [Int64] = [5, 2, 9, 4]
        for (index, ms) in latencies.enumerated() {
            top.record(S.request(status: index == 2 ? 500 : 200, latency: .milliseconds(ms), at: Int64(index)))
        }
        top.record(S.request(path: "/other", at: 4))
        let rows = top.rows(.sinceStart, atMs: 10)
        XCTAssertEqual(rows.count, 2)
        let row = rows[0]
        XCTAssertEqual(row.key, TapTopKey(source: TapPeer(namespace: "emojivoto", name: "web-5d4f-xk2p9"),
                                          destination: TapPeer(namespace: "emojivoto", name: "emoji-7c9b-2ffq"),
                                          method: "GET", path: "/api/list"))
        XCTAssertEqual(row.count, 4)
        XCTAssertEqual(row.successes, 3)
        XCTAssertEqual(row.successRate, 0.75)
        XCTAssertEqual(row.best, .milliseconds(2))
        XCTAssertEqual(row.worst, .milliseconds(9))
        XCTAssertEqual(row.last, .milliseconds(4))
        XCTAssertEqual(row.p95, .milliseconds(9))
        XCTAssertEqual(rows[1].key.path, "/other")
        XCTAssertEqual(top.requestCount, 5)
    }

    func testPeerNames() {
        let bare = TapEndpoint(address: TapAddress(ip: .v6(first: 0xFD00_0000_0000_0000, last: 7), port: 80))
        let job = TapEndpoint(address: bare.address, labels: ["pod": "migrate-x", "k8s_job": "migrate", "namespace": "d"])
        let cron = TapEndpoint(address: bare.address, labels: ["pod": "p", "cronjob": "nightly", "k8s_job": "nightly-1"])
        let replicaSet = TapEndpoint(address: bare.address, labels: ["replicaset": "web-5d4f", "deployment": "web"])
        let cases: [(endpoint: TapEndpoint, naming: TapPeerNaming, name: String)] = [
            (S.web, .pod, "web-5d4f-xk2p9"),
            (S.web, .workload, "deploy/web"),
            (bare, .pod, "fd00::7"),
            (bare, .workload, "fd00::7"),
            (job, .workload, "job/migrate"),
            (cron, .workload, "cj/nightly"),
            (replicaSet, .workload, "deploy/web"),
            (TapEndpoint(address: bare.address, labels: ["pod": "p"]), .workload, "p"),
        ]
        for c in cases { XCTAssertEqual(TapPeer(c.endpoint, naming: c.naming).name, c.name) }
        XCTAssertEqual(TapPeer(job, naming: .pod).namespace, "d")
    }

    func testWorkloadNamingFoldsPods() {
        var top = TapTop(naming: .workload)
        for pod in ["web-1", "web-2", "web-3"] {
            var source = S.web
            source.labels["pod"] = pod
            top.record(S.request(from: source))
        }
        XCTAssertEqual(top.rows(.sinceStart, atMs: 0).map(\.count), [3])
        XCTAssertEqual(top.rows(.sinceStart, atMs: 0).first?.key.source.name, "deploy/web")
    }

    func testSlidingWindow() throws {
        var top = TapTop(windowMs: 10_000)
        top.record(S.request(status: 500, latency: .milliseconds(100), at: 1_000))
        top.record(S.request(latency: .milliseconds(1), at: 5_000))
        top.record(S.request(latency: .milliseconds(3), at: 12_000))
        top.record(S.request(path: "/old", at: 1_500))

        let window = top.rows(.window, atMs: 12_000)
        XCTAssertEqual(window.map(\.count), [2], "the 1 s and 1.5 s requests left the window at 11 s and 11.5 s")
        XCTAssertEqual(window[0].successRate, 1)
        XCTAssertEqual(window[0].best, .milliseconds(1))
        XCTAssertEqual(window[0].worst, .milliseconds(3))
        XCTAssertEqual(window[0].last, .milliseconds(3))
        XCTAssertEqual(window[0].p95, .milliseconds(3))

        let total = top.rows(.sinceStart, atMs: 12_000)
        XCTAssertEqual(total.map(\.count), [3, 1])
        XCTAssertEqual(total[0].successes, 2)
        XCTAssertEqual(total[0].worst, .milliseconds(100))

        XCTAssertEqual(top.rows(.window, atMs: 30_000), [], "an idle window empties")
    }

    func testP95() throws {
        var top = TapTop()
        for ms in 1...100 { top.record(S.request(latency: .milliseconds(Int64(ms)), at: Int64(ms))) }
        let window = try XCTUnwrap(top.rows(.window, atMs: 100).first)
        XCTAssertEqual(window.p95, .milliseconds(95), "nearest rank, exact over the window")
        let total = try XCTUnwrap(top.rows(.sinceStart, atMs: 100).first?.p95)
        XCTAssertEqual(total.seconds, 0.095, accuracy: 0.095 * 0.016, "within 1.6% since the start")

        var exact = LatencyHistogram()
        for micros in [3, 17, 31, 32, 63] { exact.record(.microseconds(micros)) }
        XCTAssertEqual(exact.quantile(0.2), .microseconds(3))
        XCTAssertEqual(exact.quantile(1), .microseconds(63), "exact below 64 µs")
        XCTAssertNil(LatencyHistogram().quantile(0.95))
    }

    func testRequestsWithoutLatencyCountButHaveNone() {
        var top = TapTop()
        top.record(S.request(latency: nil))
        let row = top.rows(.sinceStart, atMs: 0)[0]
        XCTAssertEqual(row.count, 1)
        XCTAssertNil(row.best)
        XCTAssertNil(row.p95)
        XCTAssertNil(top.rows(.window, atMs: 0)[0].p95)
    }

    func testBounds() {
        var top = TapTop(windowMs: 1_000_000, maxRows: 2, maxWindowRequests: 3)
        for path in ["/a", "/b", "/c", "/a", "/d"] { top.record(S.request(path: path)) }
        XCTAssertEqual(top.rows(.sinceStart, atMs: 0).map(\.key.path), ["/a", "/b"])
        XCTAssertEqual(top.droppedRequests, 2)
        XCTAssertEqual(top.requestCount, 5)
        for _ in 0..<3 { top.record(S.request(path: "/b")) }
        XCTAssertEqual(top.rows(.window, atMs: 0).map(\.count), [3], "the window keeps the last 3")
        XCTAssertEqual(top.windowTruncated, 3)
    }

    func testSorting() {
        func row(_ path: String, count: Int, successes: Int, worst: Duration?) -> TapTopRow {
            TapTopRow(key: TapTopKey(source: TapPeer(namespace: "", name: "a"), destination: TapPeer(namespace: "", name: "b"),
                                     method: "GET", path: path),
                      count: count, successes: successes, best: worst, worst: worst, last: worst, p95: worst)
        }
        let rows = [row("/b", count: 5, successes: 5, worst: nil), row("/a", count: 5, successes: 1, worst: .seconds(2)),
                    row("/c", count: 9, successes: 9, worst: .milliseconds(1))]
        let cases: [(order: TapTopOrder, descending: Bool, paths: [String])] = [
            (.count, true, ["/c", "/a", "/b"]),
            (.count, false, ["/a", "/b", "/c"]),
            (.successRate, false, ["/a", "/b", "/c"]),
            (.worst, true, ["/a", "/c", "/b"]),
            (.worst, false, ["/c", "/a", "/b"]),
            (.path, false, ["/a", "/b", "/c"]),
            (.path, true, ["/c", "/b", "/a"]),
            (.method, true, ["/a", "/b", "/c"]),
        ]
        for c in cases {
            XCTAssertEqual(rows.sorted(by: c.order, descending: c.descending).map(\.key.path), c.paths, "\(c.order)")
        }
    }

    func testRecentRequestsRing() {
        var ring = TapRingBuffer<Int>(capacity: 3)
        XCTAssertEqual(Array(ring), [])
        for value in 1...5 { ring.append(value) }
        XCTAssertEqual(Array(ring), [3, 4, 5])
        XCTAssertEqual(ring.dropped, 2)
        ring.removeOldest { $0 < 5 }
        XCTAssertEqual(Array(ring), [5])
        ring.append(6)
        ring.append(7)
        XCTAssertEqual(Array(ring), [5, 6, 7])
        ring.append(8)
        XCTAssertEqual(Array(ring), [6, 7, 8])
        XCTAssertEqual(ring.dropped, 3)
        ring.removeOldest { _ in true }
        XCTAssertTrue(ring.isEmpty)
        ring.append(9)
        XCTAssertEqual(Array(ring), [9])
        XCTAssertEqual(ring.last, 9)
    }
}
