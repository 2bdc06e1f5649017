import XCTest
@testable import MeshTap

/// Tap events decoded from bytes written out from the wire format, not from our encoder.
final class TapEventDecodingTests: XCTestCase {
    /// `req id=7:0 proxy=out src=10.1.0.5:41322 dst=10.1.0.9:8080 tls=true :method=GET
    /// :authority=web:80 :path=/`, byte by byte.
    let requestInitBytes: [UInt8] = [
        0x0A, 0x0B,                                      // 1 source: TcpAddress, 11 bytes
        0x0A, 0x05, 0x0D, 0x05, 0x00, 0x01, 0x0A,        //   1 ip: IPAddress { 1 ipv4: fixed32 0x0A010005 }
        0x10, 0xEA, 0xC2, 0x02,                          //   2 port: 41322
        0x12, 0x0A,                                      // 2 destination, 10 bytes
        0x0A, 0x05, 0x0D, 0x09, 0x00, 0x01, 0x0A,        //   10.1.0.9
        0x10, 0x90, 0x3F,                                //   8080
        0x1A, 0x15,                                      // 3 http: Http, 21 bytes
        0x0A, 0x13,                                      //   1 request_init, 19 bytes
        0x0A, 0x02, 0x08, 0x07,                          //     1 id { 1 base: 7 }
        0x12, 0x02, 0x08, 0x00,                          //     2 method { 1 registered: GET }
        0x22, 0x06, 0x77, 0x65, 0x62, 0x3A, 0x38, 0x30,  //     4 authority: "web:80"
        0x2A, 0x01, 0x2F,                                //     5 path: "/"
        0x22, 0x0D,                                      // 4 destination_meta, 13 bytes
        0x0A, 0x0B, 0x0A, 0x03, 0x74, 0x6C, 0x73,        //   1 labels { key "tls"
        0x12, 0x04, 0x74, 0x72, 0x75, 0x65,              //     value "true" }
        0x30, 0x02,                                      // 6 proxy_direction: OUTBOUND
    ]

    let client = TapAddress(ip: .v4(0x0A01_0005), port: 41322)
    let server = TapAddress(ip: .v4(0x0A01_0009), port: 8080)

    func testRequestInitByteByByte() throws {
        let event = try TapEvent(serializedBytes: requestInitBytes)
        XCTAssertEqual(event, TapEvent(
            source: TapEndpoint(address: client), destination: TapEndpoint(address: server, labels: ["tls": "true"]),
            direction: .outbound,
            http: .requestInit(TapRequestInit(id: TapStreamID(base: 7, stream: 0), method: .get, authority: "web:80",
                                              path: "/"))))
        XCTAssertEqual(event.tls, "true")
        let request = Wire.message(1, Wire.message(1, Wire.varint(1, 7)) + Wire.message(2, Wire.varint(1, 0))
            + Wire.string(4, "web:80") + Wire.string(5, "/"))
        XCTAssertEqual(Wire.event(source: Wire.tcpAddress(ipv4: 0x0A01_0005, port: 41322),
                                  destination: Wire.tcpAddress(ipv4: 0x0A01_0009, port: 8080),
                                  destinationLabels: [("tls", "true")], direction: 2, http: request),
                       requestInitBytes, "the helpers write the bytes spelled out above")
    }

    func testEveryFieldOfTheThreeEvents() throws {
        let source = Wire.tcpAddress(ipv6: 0xFD00_0000_0000_0000, 0x0000_0000_0000_0001, port: 50_000)
        let destination = Wire.tcpAddress(ipv4: 0x0A2A_0007, port: 9090)
        let sourceLabels = [("tls", "true"), ("pod", "vote-bot-1"), ("namespace", "emojivoto")]
        let routeLabels = [("route", "GET /api/list")]
        let headers = Wire.message(6, Wire.message(1, Wire.string(1, "x-id") + Wire.string(2, "42"))
            + Wire.message(1, Wire.string(1, "x-bin") + Wire.message(3, [0xFF, 0x00, 0x1B])))
        let request = Wire.message(1, Wire.streamID(base: 0xDEAD_BEEF, stream: 1 << 40)
            + Wire.message(2, Wire.string(2, "PROPFIND")) + Wire.message(3, Wire.varint(1, 1))
            + Wire.string(4, "api.example.com") + Wire.string(5, "/api/list?page=2") + headers)
        let response = Wire.message(2, Wire.streamID(base: 1, stream: 2) + Wire.duration(2, seconds: 1, nanos: 500_000)
            + Wire.varint(3, 503))
        let grpcEnd = Wire.message(3, Wire.streamID(base: 1, stream: 2) + Wire.duration(2, seconds: 2, nanos: 0)
            + Wire.duration(3, seconds: 0, nanos: 999_000) + Wire.varint(4, 1 << 33)
            + Wire.message(5, Wire.varint(1, 14)) + Wire.message(6, Wire.message(1, Wire.string(1, "grpc-status")
                + Wire.string(2, "14"))))
        let resetEnd = Wire.message(3, Wire.streamID(base: 1, stream: 3) + Wire.message(5, Wire.varint(2, 8)))
        let plainEnd = Wire.message(3, Wire.streamID(base: 1, stream: 4) + Wire.varint(4, 12))

        func decode(_ http: [UInt8], direction: UInt64 = 1) throws -> TapEvent {
            try TapEvent(serializedBytes: Wire.event(source: source, destination: destination, sourceLabels: sourceLabels,
                                                     routeLabels: routeLabels, direction: direction, http: http))
        }
        let requestEvent = try decode(request)
        XCTAssertEqual(requestEvent.source.address.description, "[fd00::1]:50000")
        XCTAssertEqual(requestEvent.destination.address.description, "10.42.0.7:9090")
        XCTAssertEqual(requestEvent.source.labels, ["tls": "true", "pod": "vote-bot-1", "namespace": "emojivoto"])
        XCTAssertEqual(requestEvent.destination.labels, [:])
        XCTAssertEqual(requestEvent.routeLabels, ["route": "GET /api/list"])
        XCTAssertEqual(requestEvent.direction, .inbound)
        XCTAssertEqual(requestEvent.tls, "true")
        XCTAssertEqual(requestEvent.http, .requestInit(TapRequestInit(
            id: TapStreamID(base: 0xDEAD_BEEF, stream: 1 << 40), method: .other("PROPFIND"), scheme: .https,
            authority: "api.example.com", path: "/api/list?page=2",
            headers: [TapHeader(name: "x-id", value: .text("42")),
                      TapHeader(name: "x-bin", value: .binary([0xFF, 0x00, 0x1B]))])))

        XCTAssertEqual(try decode(response).http, .responseInit(TapResponseInit(
            id: TapStreamID(base: 1, stream: 2), sinceRequestInit: .seconds(1) + .microseconds(500), httpStatus: 503)))
        XCTAssertEqual(try decode(grpcEnd, direction: 2).http, .responseEnd(TapResponseEnd(
            id: TapStreamID(base: 1, stream: 2), sinceRequestInit: .seconds(2), sinceResponseInit: .microseconds(999),
            responseBytes: 1 << 33, end: .grpcStatus(14),
            trailers: [TapHeader(name: "grpc-status", value: .text("14"))])))
        XCTAssertEqual(try decode(resetEnd).http, .responseEnd(TapResponseEnd(
            id: TapStreamID(base: 1, stream: 3), sinceRequestInit: nil, sinceResponseInit: nil, responseBytes: 0,
            end: .reset(errorCode: 8))))
        XCTAssertEqual(try decode(plainEnd).http, .responseEnd(TapResponseEnd(
            id: TapStreamID(base: 1, stream: 4), sinceRequestInit: nil, sinceResponseInit: nil, responseBytes: 12)))
        XCTAssertEqual(try decode(grpcEnd, direction: 2).tls, nil, "outbound: the destination's tls label")
    }

    func testRegisteredMethodsAndSchemes() throws {
        let names = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "HEAD", "TRACE"]
        for (number, name) in names.enumerated() {
            let http = Wire.message(1, Wire.message(2, Wire.varint(1, UInt64(number))) + Wire.message(3, Wire.varint(1, 0)))
            let event = try TapEvent(serializedBytes: Wire.message(3, http))
            guard case let .requestInit(request)? = event.http else { return XCTFail("no request init") }
            XCTAssertEqual(request.method?.description, name)
            XCTAssertEqual(request.method, TapMethod(name))
            XCTAssertEqual(request.scheme, .http)
        }
        let missing = try TapEvent(serializedBytes: Wire.message(3, Wire.message(1, [])))
        XCTAssertEqual(missing.http, .requestInit(TapRequestInit(id: TapStreamID(base: 0, stream: 0), method: nil,
                                                                 authority: "", path: "")))
        XCTAssertEqual(missing.source.address.description, "0.0.0.0:0", "no address reads as Linkerd shows it")
    }

    func testUnknownFieldsAndEventsAreSkipped() throws {
        let unknown = Wire.varint(99, 5) + Wire.string(100, "future") + Wire.fixed64(101, 1) + Wire.fixed32(102, 2)
        let event = try TapEvent(serializedBytes: unknown + requestInitBytes + unknown)
        XCTAssertEqual(event.http?.streamID, TapStreamID(base: 7, stream: 0))
        let futureKind = try TapEvent(serializedBytes: Wire.message(3, Wire.message(9, [0x08, 0x01])))
        XCTAssertNil(futureKind.http)
    }

    func testMalformedMessages() {
        let cases: [[UInt8]] = [
            [0x0A, 0x20, 0x00],                   // a length past the end
            [0x0B],                               // wire type 3 (start group)
            [0x1A, 0x02, 0x0A, 0x05],             // a nested length past its parent
            Wire.message(3, Wire.message(1, Wire.message(4, [0xFF, 0xFE]))),  // authority not UTF-8
            [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // an 11-byte varint
        ]
        for bytes in cases {
            XCTAssertThrowsError(try TapEvent(serializedBytes: bytes), "\(bytes)") { error in
                guard case .malformedMessage(type: "linkerd2.tap.TapEvent", _)? = error as? TapStreamError else {
                    return XCTFail("\(error)")
                }
            }
        }
    }

    func testAStreamOfEventsInChunks() throws {
        let responseEnd = Wire.event(source: Wire.tcpAddress(ipv4: 0x0A01_0005, port: 41322),
                                     destination: Wire.tcpAddress(ipv4: 0x0A01_0009, port: 8080), direction: 2,
                                     http: Wire.message(3, Wire.streamID(base: 7, stream: 0) + Wire.varint(4, 5)))
        let stream = Wire.frame(requestInitBytes) + Wire.frame(responseEnd)
        var decoder = TapEventDecoder()
        var events: [TapEvent] = []
        for chunk in stride(from: 0, to: stream.count, by: 7).map({ stream[$0..<min($0 + 7, stream.count)] }) {
            events += try decoder.events(from: chunk)
        }
        XCTAssertNoThrow(try decoder.finish())
        XCTAssertEqual(events.map(\.http?.streamID), [TapStreamID(base: 7, stream: 0), TapStreamID(base: 7, stream: 0)])
        var cut = TapEventDecoder()
        _ = try cut.events(from: stream.dropLast(3))
        XCTAssertThrowsError(try cut.finish()) { error in
            XCTAssertEqual(error as? TapStreamError, .truncatedFrame(received: responseEnd.count + 1,
                                                                     expected: responseEnd.count + 4))
        }
    }

    func testAnErrorFrameEndsTheStream() throws {
        let message = "no pods to tap for deployment/web\n"
        var decoder = TapEventDecoder()
        XCTAssertThrowsError(try decoder.events(from: Wire.frame(requestInitBytes) + Wire.frame(Wire.string(1, message))))
        { error in
            XCTAssertEqual(error as? TapStreamError, .serverError(message))
        }
        XCTAssertEqual(TapErrorFrame.encode(message), Wire.frame(Wire.string(1, message)))
        XCTAssertEqual(TapStreamError.serverError("rpc \u{1B}[2J error").description,
                       "tap stream ended by the server: rpc \\x1b[2J error")
    }

    func testEncodingGivesBackTheSameEvent() throws {
        let event = try TapEvent(serializedBytes: requestInitBytes)
        XCTAssertEqual(try TapEvent(serializedBytes: event.serializedBytes()), event)
        let full = TapEvent(
            source: TapEndpoint(address: TapAddress(ip: .v6(first: 1, last: 2), port: 1), labels: ["a": "b"]),
            destination: TapEndpoint(address: server), routeLabels: ["route": "r"], direction: .inbound,
            http: .responseEnd(TapResponseEnd(id: TapStreamID(base: 1, stream: 2), sinceRequestInit: .milliseconds(1500),
                                              sinceResponseInit: .nanoseconds(7), responseBytes: 9, end: .reset(errorCode: 2),
                                              trailers: [TapHeader(name: "b", value: .binary([0xC3]))])))
        XCTAssertEqual(try TapEvent(serializedBytes: full.serializedBytes()), full)
    }

    func testAddressText() {
        let cases: [(ip: TapIP, text: String)] = [
            (.v4(0), "0.0.0.0"),
            (.v4(0xFFFF_FFFF), "255.255.255.255"),
            (.v4(0xC0A8_0001), "192.168.0.1"),
            (.v6(first: 0, last: 0), "::"),
            (.v6(first: 0, last: 1), "::1"),
            (.v6(first: 0xFF01_0000_0000_0000, last: 1), "ff01::1"),
            (.v6(first: 0x2001_0DB8_0000_0000, last: 0x0000_0000_0001_0000), "2001:db8::1:0"),
            (.v6(first: 0x2001_0DB8_0000_0001, last: 0x0000_0000_0000_0001), "2001:db8:0:1::1"),
            (.v6(first: 0x2001_0DB8_0000_0000, last: 0x0001_0000_0000_0001), "2001:db8::1:0:0:1"),
            (.v6(first: 0x2001_0DB8_0001_0001, last: 0x0001_0001_0001_0001), "2001:db8:1:1:1:1:1:1"),
            (.v6(first: 0x2001_0DB8_0000_0001, last: 0x0001_0001_0001_0001), "2001:db8:0:1:1:1:1:1"),
            (.v6(first: 0x2001_0000_0001_0000, last: 0x0001_0000_0000_0001), "2001:0:1:0:1::1"),
            (.v6(first: 0, last: 0x0000_FFFF_0A01_0203), "::ffff:10.1.2.3"),
        ]
        for c in cases { XCTAssertEqual(c.ip.description, c.text) }
        XCTAssertEqual(TapAddress(ip: .v6(first: 0, last: 1), port: 80).description, "[::1]:80")
    }
}
