import XCTest
@testable import MeshTap

/// Pairing request-init, response-init and response-end into requests, as `viz top` does, bounded.
final class TapPairingTests: XCTestCase {
    typealias S = TapSamples

    func testThreeEventsMakeOneRequest() throws {
        var pairing = TapPairing()
        XCTAssertNil(pairing.add(S.requestInit(1), atMs: 1_000))
        XCTAssertNil(pairing.add(S.responseInit(1, status: 201), atMs: 1_003))
        let request = try XCTUnwrap(pairing.add(S.responseEnd(1, bytes: 77), atMs: 1_005))
        XCTAssertEqual(request.source, S.web)
        XCTAssertEqual(request.destination, S.emoji)
        XCTAssertEqual(request.direction, .outbound)
        XCTAssertEqual(request.request.path, "/api/list")
        XCTAssertEqual(request.response?.httpStatus, 201)
        XCTAssertEqual(request.end.responseBytes, 77)
        XCTAssertEqual(request.latency, .milliseconds(5))
        XCTAssertEqual(request.tls, "true")
        XCTAssertEqual([request.startedAtMs, request.endedAtMs], [1_000, 1_005])
        XCTAssertEqual(pairing.openCount, 0)
        XCTAssertEqual(pairing.counts.completed, 1)
    }

    func testInterleavedStreamsPairByAddressesAndID() throws {
        let other = TapEndpoint(address: TapAddress(ip: .v4(0x0A2A_0006), port: 41322), labels: ["pod": "vote-bot"])
        let events: [TapEvent] = [
            S.requestInit(1, path: "/a"), S.requestInit(2, path: "/b"), S.requestInit(1, path: "/c", from: other),
            S.responseInit(2, status: 500), S.responseInit(1, status: 200, from: other), S.responseInit(1, status: 404),
            S.responseEnd(1, from: other), S.responseEnd(2), S.responseEnd(1),
        ]
        var pairing = TapPairing()
        let requests = events.enumerated().compactMap { pairing.add($1, atMs: Int64($0)) }
        XCTAssertEqual(requests.map(\.request.path), ["/c", "/b", "/a"])
        XCTAssertEqual(requests.map(\.response?.httpStatus), [200, 500, 404])
        XCTAssertEqual(requests.map(\.source), [other, S.web, S.web])
        XCTAssertEqual(pairing.counts, TapPairingCounts(completed: 3))
    }

    func testTheSameStreamNumberOfAnotherProxyIsAnotherRequest() {
        var pairing = TapPairing()
        _ = pairing.add(S.requestInit(1), atMs: 0)
        let otherProxy = S.event(.responseEnd(TapResponseEnd(id: S.id(1, base: 8), sinceRequestInit: nil,
                                                             sinceResponseInit: nil, responseBytes: 0)))
        XCTAssertNil(pairing.add(otherProxy, atMs: 1))
        XCTAssertEqual(pairing.counts.unknownStream, 1)
        XCTAssertEqual(pairing.openCount, 1)
    }

    func testUnknownIDsAreCountedNotPaired() {
        var pairing = TapPairing()
        XCTAssertNil(pairing.add(S.responseInit(9), atMs: 0))
        XCTAssertNil(pairing.add(S.responseEnd(9), atMs: 0))
        _ = pairing.add(S.requestInit(1), atMs: 0)
        XCTAssertNotNil(pairing.add(S.responseEnd(1), atMs: 1))
        XCTAssertNil(pairing.add(S.responseInit(1), atMs: 2), "a response after the end belongs to no open request")
        XCTAssertNil(pairing.add(S.responseEnd(1), atMs: 3))
        XCTAssertNil(pairing.add(TapEvent(source: S.web, destination: S.emoji, direction: .unknown, http: nil), atMs: 4))
        XCTAssertEqual(pairing.counts, TapPairingCounts(completed: 1, unknownStream: 4, unknownEvents: 1))
    }

    func testAResetWithoutAResponseHeadStillCompletes() throws {
        var pairing = TapPairing()
        _ = pairing.add(S.requestInit(1), atMs: 0)
        let request = try XCTUnwrap(pairing.add(S.responseEnd(1, end: .reset(errorCode: 2)), atMs: 1))
        XCTAssertNil(request.response)
        XCTAssertFalse(request.isSuccess)
    }

    func testARepeatedStartReplacesTheOpenRequest() throws {
        var pairing = TapPairing()
        _ = pairing.add(S.requestInit(1, path: "/old"), atMs: 0)
        _ = pairing.add(S.requestInit(1, path: "/new"), atMs: 1)
        XCTAssertEqual(pairing.openCount, 1)
        XCTAssertEqual(try XCTUnwrap(pairing.add(S.responseEnd(1), atMs: 2)).request.path, "/new")
        XCTAssertEqual(pairing.counts.replaced, 1)
        XCTAssertEqual(pairing.counts.expired, 0)
    }

    func testRequestsWithoutAnEndExpire() throws {
        var pairing = TapPairing(expireAfterMs: 1_000)
        _ = pairing.add(S.requestInit(1), atMs: 0)
        _ = pairing.add(S.requestInit(2), atMs: 500)
        pairing.expire(atMs: 999)
        XCTAssertEqual(pairing.openCount, 2)
        pairing.expire(atMs: 1_000)
        XCTAssertEqual(pairing.openCount, 1)
        XCTAssertNil(pairing.add(S.responseEnd(1), atMs: 1_001), "expired: its end is unknown")
        XCTAssertNil(pairing.add(S.responseInit(2), atMs: 1_499))
        XCTAssertNotNil(pairing.add(S.responseEnd(2), atMs: 1_499))
        XCTAssertEqual(pairing.counts, TapPairingCounts(completed: 1, unknownStream: 1, expired: 1))
        _ = pairing.add(S.requestInit(3), atMs: 2_000)
        XCTAssertNil(pairing.add(S.responseEnd(3), atMs: 3_000), "adding expires too")
        XCTAssertEqual(pairing.counts.expired, 2)
    }

    func testOpenRequestsAreBounded() throws {
        var pairing = TapPairing(maxOpen: 3)
        for stream in 1...5 { _ = pairing.add(S.requestInit(UInt64(stream)), atMs: Int64(stream)) }
        XCTAssertEqual(pairing.openCount, 3)
        XCTAssertEqual(pairing.counts.evicted, 2)
        XCTAssertNil(pairing.add(S.responseEnd(1), atMs: 6), "the oldest went first")
        XCTAssertNil(pairing.add(S.responseEnd(2), atMs: 6))
        for stream in 3...5 { XCTAssertNotNil(pairing.add(S.responseEnd(UInt64(stream)), atMs: 7)) }
        XCTAssertEqual(pairing.counts, TapPairingCounts(completed: 3, unknownStream: 2, evicted: 2))
    }

    func testALongRunStaysBounded() {
        var pairing = TapPairing(maxOpen: 100, expireAfterMs: 20)
        var completed = 0
        for stream in 0..<200_000 {
            let now = Int64(stream / 10)
            _ = pairing.add(S.requestInit(UInt64(stream)), atMs: now)
            if stream % 3 != 0, pairing.add(S.responseEnd(UInt64(stream)), atMs: now) != nil { completed += 1 }
            XCTAssertLessThanOrEqual(pairing.openCount, 100)
        }
        XCTAssertEqual(completed, 133_333)
        let counts = pairing.counts
        XCTAssertEqual(counts.completed, completed)
        XCTAssertEqual(counts.completed + counts.expired + counts.evicted + pairing.openCount, 200_000)
        XCTAssertEqual(counts.evicted, 0, "one request in three stays open: 20 ms × 10 a ms / 3 < 100")
    }
}
