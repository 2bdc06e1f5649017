@testable import MeshTap

/// Events and requests for the pairing, top and output tests.
enum TapSamples {
    static let web = TapEndpoint(address: TapAddress(ip: .v4(0x0A2A_0005), port: 41322),
                                 labels: ["pod": "web-5d4f-xk2p9", "deployment": "web", "namespace": "emojivoto",
                                          "tls": "true"])
    static let emoji = TapEndpoint(address: TapAddress(ip: .v4(0x0A2A_0009), port: 8080),
                                   labels: ["pod": "emoji-7c9b-2ffq", "deployment": "emoji", "namespace": "emojivoto",
                                            "tls": "true"])

    static func id(_ stream: UInt64, base: UInt32 = 7) -> TapStreamID { TapStreamID(base: base, stream: stream) }

    static func event(_ http: TapHTTPEvent, from source: TapEndpoint = web, to destination: TapEndpoint = emoji,
                      direction: TapDirection = .outbound) -> TapEvent {
        TapEvent(source: source, destination: destination, direction: direction, http: http)
    }

    static func requestInit(_ stream: UInt64, method: TapMethod = .get, path: String = "/api/list",
                            from source: TapEndpoint = web, to destination: TapEndpoint = emoji) -> TapEvent {
        event(.requestInit(TapRequestInit(id: id(stream), method: method, scheme: .http, authority: "emoji-svc:8080",
                                          path: path)), from: source, to: destination)
    }

    static func responseInit(_ stream: UInt64, status: UInt32 = 200, after latency: Duration = .milliseconds(3),
                             from source: TapEndpoint = web, to destination: TapEndpoint = emoji) -> TapEvent {
        event(.responseInit(TapResponseInit(id: id(stream), sinceRequestInit: latency, httpStatus: status)),
              from: source, to: destination)
    }

    static func responseEnd(_ stream: UInt64, after latency: Duration? = .milliseconds(5), end: TapStreamEnd? = nil,
                            bytes: UInt64 = 512, from source: TapEndpoint = web,
                            to destination: TapEndpoint = emoji) -> TapEvent {
        event(.responseEnd(TapResponseEnd(id: id(stream), sinceRequestInit: latency,
                                          sinceResponseInit: .microseconds(1_250), responseBytes: bytes, end: end)),
              from: source, to: destination)
    }

    /// A completed request, as pairing would hand it out.
    static func request(status: UInt32? = 200, end: TapStreamEnd? = nil, latency: Duration? = .milliseconds(5),
                        method: TapMethod = .get, path: String = "/api/list", from source: TapEndpoint = web,
                        to destination: TapEndpoint = emoji, at endedAtMs: Int64 = 0) -> TappedRequest {
        TappedRequest(source: source, destination: destination, direction: .outbound,
                      request: TapRequestInit(id: id(1), method: method, authority: "emoji-svc:8080", path: path),
                      response: status.map { TapResponseInit(id: id(1), sinceRequestInit: latency, httpStatus: $0) },
                      end: TapResponseEnd(id: id(1), sinceRequestInit: latency, sinceResponseInit: nil,
                                          responseBytes: 0, end: end),
                      startedAtMs: endedAtMs, endedAtMs: endedAtMs)
    }
}
