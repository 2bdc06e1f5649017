import Foundation
import XCTest
@testable import MeshTap

/// `linkerd viz tap`'s text lines and `-o json` objects, and nothing from the server steering a terminal.
final class TapOutputTests: XCTestCase {
    typealias S = TapSamples
    let flow = "proxy=out src=10.42.0.5:41322 dst=10.42.0.9:8080 tls=true"

    func testTextLines() {
        let inbound = TapEvent(source: TapEndpoint(address: S.web.address, labels: ["tls": "no_tls_from_remote"]),
                               destination: S.emoji, direction: .inbound,
                               http: S.requestInit(1).http)
        let cases: [(event: TapEvent, line: String)] = [
            (S.requestInit(1), "req id=7:1 \(flow) :method=GET :authority=emoji-svc:8080 :path=/api/list"),
            (S.requestInit(1, method: .other("PROPFIND")),
             "req id=7:1 \(flow) :method=PROPFIND :authority=emoji-svc:8080 :path=/api/list"),
            (S.responseInit(1), "rsp id=7:1 \(flow) :status=200 latency=3000µs"),
            (S.responseInit(1, status: 503, after: .milliseconds(1_500)), "rsp id=7:1 \(flow) :status=503 latency=1500000µs"),
            (S.responseEnd(1), "end id=7:1 \(flow) duration=1250µs response-length=512B"),
            (S.responseEnd(1, end: .grpcStatus(14)), "end id=7:1 \(flow) grpc-status=Unavailable duration=1250µs response-length=512B"),
            (S.responseEnd(1, end: .grpcStatus(0)), "end id=7:1 \(flow) grpc-status=OK duration=1250µs response-length=512B"),
            (S.responseEnd(1, end: .grpcStatus(42)), "end id=7:1 \(flow) grpc-status=Code(42) duration=1250µs response-length=512B"),
            (S.responseEnd(1, end: .reset(errorCode: 8)), "end id=7:1 \(flow) reset-error=8 duration=1250µs response-length=512B"),
            (inbound, "req id=7:1 proxy=in  src=10.42.0.5:41322 dst=10.42.0.9:8080 tls=no_tls_from_remote :method=GET "
                + ":authority=emoji-svc:8080 :path=/api/list"),
            (TapEvent(source: S.web, destination: S.emoji, direction: .unknown, http: nil),
             "unknown proxy=??? src=10.42.0.5:41322 dst=10.42.0.9:8080 tls="),
        ]
        for c in cases { XCTAssertEqual(TapText.line(c.event), c.line) }
    }

    func testJSONLines() {
        let metadata = #"{"ip":"10.42.0.5","port":41322,"metadata":{"deployment":"web","namespace":"emojivoto","pod":"web-5d4f-xk2p9","tls":"true"}}"#
        let destination = #"{"ip":"10.42.0.9","port":8080,"metadata":{"deployment":"emoji","namespace":"emojivoto","pod":"emoji-7c9b-2ffq","tls":"true"}}"#
        let head = #"{"source":\#(metadata),"destination":\#(destination),"routeMeta":null,"proxyDirection":"OUTBOUND","#
        let cases: [(event: TapEvent, json: String)] = [
            (S.requestInit(1), head + #""requestInitEvent":{"id":{"base":7,"stream":1},"method":"GET","scheme":"HTTP","authority":"emoji-svc:8080","path":"/api/list","headers":null}}"#),
            (S.responseInit(1, after: .seconds(2) + .nanoseconds(5)), head + #""responseInitEvent":{"id":{"base":7,"stream":1},"sinceRequestInit":{"seconds":2,"nanos":5},"httpStatus":200,"headers":null}}"#),
            (S.responseEnd(1, after: nil, end: .reset(errorCode: 8)), head + #""responseEndEvent":{"id":{"base":7,"stream":1},"sinceRequestInit":null,"sinceResponseInit":{"nanos":1250000},"responseBytes":512,"trailers":null,"grpcStatusCode":0,"resetErrorCode":8}}"#),
            (S.responseEnd(1, after: .zero, end: .grpcStatus(14)), head + #""responseEndEvent":{"id":{"base":7,"stream":1},"sinceRequestInit":{},"sinceResponseInit":{"nanos":1250000},"responseBytes":512,"trailers":null,"grpcStatusCode":14}}"#),
        ]
        for c in cases { XCTAssertEqual(TapJSON.line(c.event), c.json) }
    }

    /// The two objects of Linkerd's `tap_busy_output_json.golden` (synthetic values), rebuilt as
    /// events: the same keys and values once parsed.
    func testLinkerdsGoldenObjects() throws {
        let golden = [
            #"{"source":{"ip":"0.0.0.1","port":0,"metadata":null},"destination":{"ip":"ff01::1","port":0,"metadata":{"pod":"my-pod","tls":"true"}},"routeMeta":null,"proxyDirection":"OUTBOUND","requestInitEvent":{"id":{"base":1,"stream":0},"method":"GET","scheme":"HTTPS","authority":"localhost","path":"/some/path","headers":[{"name":"header-name-1","valueStr":"header-value-str-1"},{"name":"header-name-2","valueBin":"aGVhZGVyLXZhbHVlLWJpbi0y"}]}}"#,
            #"{"source":{"ip":"0.0.0.1","port":0,"metadata":null},"destination":{"ip":"ff01::1","port":0,"metadata":null},"routeMeta":null,"proxyDirection":"OUTBOUND","responseEndEvent":{"id":{"base":1,"stream":0},"sinceRequestInit":{"seconds":10},"sinceResponseInit":{"seconds":100},"responseBytes":1337,"trailers":[{"name":"trailer-name","valueBin":"aGVhZGVyLXZhbHVlLWJpbg=="}],"grpcStatusCode":666}}"#,
        ]
        let source = TapEndpoint(address: TapAddress(ip: .v4(1), port: 0))
        let destination = TapAddress(ip: .v6(first: 0xFF01_0000_0000_0000, last: 1), port: 0)
        let id = TapStreamID(base: 1, stream: 0)
        let events = [
            TapEvent(source: source, destination: TapEndpoint(address: destination, labels: ["pod": "my-pod", "tls": "true"]),
                     direction: .outbound,
                     http: .requestInit(TapRequestInit(
                        id: id, method: .get, scheme: .https, authority: "localhost", path: "/some/path",
                        headers: [TapHeader(name: "header-name-1", value: .text("header-value-str-1")),
                                  TapHeader(name: "header-name-2", value: .binary(Array("header-value-bin-2".utf8)))]))),
            TapEvent(source: source, destination: TapEndpoint(address: destination), direction: .outbound,
                     http: .responseEnd(TapResponseEnd(
                        id: id, sinceRequestInit: .seconds(10), sinceResponseInit: .seconds(100), responseBytes: 1337,
                        end: .grpcStatus(666),
                        trailers: [TapHeader(name: "trailer-name", value: .binary(Array("header-value-bin".utf8)))]))),
        ]
        for (event, expected) in zip(events, golden) {
            let ours = try JSONSerialization.jsonObject(with: Data(TapJSON.line(event).utf8)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
            XCTAssertEqual(ours, theirs)
        }
    }

    func testHostileStringsAreEscaped() throws {
        let osc52 = "\u{1B}]52;c;ZXZpbA==\u{07}"
        let csi = "\u{1B}[2J"
        let c1 = "\u{9B}31m"
        let hostile = "a\(osc52)b\(csi)c\(c1)d\u{202E}e\nf\u{0}"
        let source = TapEndpoint(address: S.web.address, labels: ["tls": hostile, "pod": hostile, hostile: "k"])
        let request = TapEvent(
            source: source, destination: S.emoji, routeLabels: ["route": hostile], direction: .inbound,
            http: .requestInit(TapRequestInit(
                id: S.id(1), method: .other(hostile), scheme: .other(hostile), authority: hostile, path: "/\(hostile)",
                headers: [TapHeader(name: hostile, value: .text(hostile)),
                          TapHeader(name: "x-bin", value: .binary([0xFF, 0x1B, 0x9B]))])))

        let text = TapText.line(request)
        let escaped = #"a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\x9b31md\u{202e}e\x0af\x00"#
        XCTAssertEqual(text, "req id=7:1 proxy=in  src=10.42.0.5:41322 dst=10.42.0.9:8080 tls=\(escaped) "
            + ":method=\(escaped) :authority=\(escaped) :path=/\(escaped)")

        let json = TapJSON.line(request)
        for line in [text, json] {
            XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, line)
        }
        // JSONWriter escapes C0, DEL and C1, and the bidi override a terminal would obey.
        XCTAssertTrue(json.contains(#""path":"/a\u001b]52;c;ZXZpbA==\u0007b\u001b[2Jc\u009b31md\u202ee\nf\u0000""#), json)
        XCTAssertFalse(json.unicodeScalars.contains("\u{202E}"), json)
        XCTAssertTrue(json.contains(#"{"name":"x-bin","valueBin":"/xub"}"#), json)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let initEvent = try XCTUnwrap(parsed["requestInitEvent"] as? [String: Any])
        XCTAssertEqual(initEvent["authority"] as? String, hostile, "escaped, not lost")
        XCTAssertEqual(initEvent["method"] as? String, hostile)
        let metadata = try XCTUnwrap((parsed["source"] as? [String: Any])?["metadata"] as? [String: String])
        XCTAssertEqual(metadata[hostile], "k")
        XCTAssertEqual((parsed["routeMeta"] as? [String: String])?["route"], hostile)
    }
}
