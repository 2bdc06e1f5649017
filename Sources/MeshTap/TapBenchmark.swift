/// The tap pipeline's hot path for `meshtop bench`: frames cut, events decoded, requests paired.
public enum TapBenchmark {
    /// What one run went through.
    public struct Result: Hashable, Sendable {
        public var bytes: Int
        public var events: Int
        public var requests: Int
    }

    /// A framed tap stream of `requests` requests, three events each, four in flight at a time,
    /// labelled as Linkerd's tap server labels a busy mesh's events (a dozen labels an event).
    public static func sampleStream(requests: Int) -> [UInt8] {
        var stream: [UInt8] = []
        let inFlight = 4
        for first in stride(from: 0, to: requests, by: inFlight) {
            let batch = first..<min(first + inFlight, requests)
            for phase in 0..<3 {
                for index in batch { TapFrame.append(sampleEvent(index, phase: phase).serializedBytes(), to: &stream) }
            }
        }
        return stream
    }

    /// Decodes every event of `stream`, handed over in `chunkBytes` pieces as a socket would,
    /// and pairs them into requests.
    ///
    /// - Throws: ``TapStreamError`` when `stream` is not a whole tap stream.
    public static func decodeAndPair(_ stream: [UInt8], chunkBytes: Int = 16 << 10) throws(TapStreamError) -> Result {
        var decoder = TapEventDecoder()
        var pairing = TapPairing()
        var result = Result(bytes: stream.count, events: 0, requests: 0)
        var offset = 0
        while offset < stream.count {
            let end = min(offset + chunkBytes, stream.count)
            for event in try decoder.events(from: stream[offset..<end]) {
                result.events += 1
                if pairing.add(event, atMs: 0) != nil { result.requests += 1 }
            }
            offset = end
        }
        try decoder.finish()
        return result
    }

    private static func sampleEvent(_ index: Int, phase: Int) -> TapEvent {
        let client = index % 16
        let server = index % 5
        let id = TapStreamID(base: 0x5EED_0000 + UInt32(server), stream: UInt64(index))
        let source = TapEndpoint(
            address: TapAddress(ip: .v4(0x0A2A_0000 + UInt32(client)), port: 40_000 + UInt32(index % 20_000)),
            labels: ["tls": "true", "client_id": "web.emojivoto.serviceaccount.identity.linkerd.cluster.local",
                     "pod": "web-5d4f-\(client)", "deployment": "web", "namespace": "emojivoto",
                     "serviceaccount": "web"])
        let destination = TapEndpoint(
            address: TapAddress(ip: .v4(0x0A2A_0100 + UInt32(server)), port: 8080),
            labels: ["pod": "emoji-7c9b-\(server)", "deployment": "emoji", "namespace": "emojivoto",
                     "service": "emoji-svc", "serviceaccount": "emoji", "tls": "true",
                     "server_id": "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local"])
        let http: TapHTTPEvent
        switch phase {
        case 0:
            http = .requestInit(TapRequestInit(id: id, method: .post, scheme: .http,
                                               authority: "emoji-svc.emojivoto.svc.cluster.local:8080",
                                               path: "/emojivoto.v1.EmojiService/ListAll"))
        case 1:
            http = .responseInit(TapResponseInit(id: id, sinceRequestInit: .microseconds(800 + index % 900),
                                                 httpStatus: 200))
        default:
            http = .responseEnd(TapResponseEnd(id: id, sinceRequestInit: .microseconds(1_000 + index % 900),
                                               sinceResponseInit: .microseconds(200), responseBytes: 2_048,
                                               end: .grpcStatus(index % 50 == 0 ? 14 : 0)))
        }
        return TapEvent(source: source, destination: destination, direction: .outbound, http: http)
    }
}
