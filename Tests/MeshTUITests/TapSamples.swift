import MeshTUI
import MeshTap

/// Tapped requests made by hand for the Tap and Top views: emojivoto's web calling voting
/// and emoji (some failing, some over gRPC, one reset), a plaintext caller, and a request
/// whose labels, path and headers carry terminal escapes, bidi overrides and invalid UTF-8.
enum TapSamples {
    /// 2023-11-14 22:13:20 UTC.
    static let startMs: Int64 = 1_700_000_000_000

    static func endpoint(_ ip: UInt32, port: UInt32 = 8080, _ labels: [String: String]) -> TapEndpoint {
        TapEndpoint(address: TapAddress(ip: .v4(0x0A01_0000 | ip), port: port), labels: labels)
    }

    static let web = endpoint(5, port: 41_322, ["namespace": "emojivoto", "deployment": "web", "pod": "web-5d4f-xk2p9",
                                                "tls": "true"])
    static let voting = endpoint(9, ["namespace": "emojivoto", "deployment": "voting", "pod": "voting-7c9b-q2x4z",
                                     "tls": "true"])
    static let emoji = endpoint(7, ["namespace": "emojivoto", "deployment": "emoji", "pod": "emoji-66c4-mmp2t",
                                    "tls": "true"])
    static let legacy = endpoint(30, port: 50_122, ["namespace": "legacy", "pod": "cron-28301", "tls": "no_identity"])
    /// A pod name that clears the screen, sets the clipboard (OSC 52) and reverses the line.
    static let hostile = endpoint(66, ["namespace": "default", "deployment": "bot\u{1B}[2J\u{1B}]52;c;aGk=\u{07}",
                                       "pod": "bot-\u{202E}gnp.exe", "tls": "true"])

    /// One complete request; `latencyMs` is the whole request's duration.
    static func request(_ source: TapEndpoint, _ destination: TapEndpoint, _ method: TapMethod = .get,
                        path: String, authority: String = "voting-svc.emojivoto:8080", status: UInt32? = 200,
                        end: TapStreamEnd? = nil, latencyMs: Int64, bytes: UInt64 = 512, atMs: Int64,
                        direction: TapDirection = .outbound, stream: UInt64 = 1, headers: [TapHeader] = [])
        -> TappedRequest {
        let id = TapStreamID(base: 7, stream: stream)
        let response = status.map {
            TapResponseInit(id: id, sinceRequestInit: .milliseconds(max(0, latencyMs - 1)), httpStatus: $0)
        }
        return TappedRequest(source: source, destination: destination, direction: direction,
                             request: TapRequestInit(id: id, method: method, scheme: .http, authority: authority,
                                                     path: path, headers: headers),
                             response: response,
                             end: TapResponseEnd(id: id, sinceRequestInit: .milliseconds(latencyMs),
                                                 sinceResponseInit: .milliseconds(1), responseBytes: bytes, end: end),
                             startedAtMs: atMs - latencyMs, endedAtMs: atMs)
    }

    /// Twelve requests over six seconds from `startMs`: successes, a 503, a 404, gRPC OK and
    /// Unavailable, a reset, a plaintext call, and the hostile one.
    static let requests: [TappedRequest] = [
        request(web, voting, .post, path: "/emojivoto.v1.VotingService/VoteDoughnut", end: .grpcStatus(0), latencyMs: 12,
                atMs: startMs + 100, stream: 1),
        request(web, emoji, path: "/api/list", authority: "emoji-svc.emojivoto:8080", latencyMs: 3, bytes: 2_048,
                atMs: startMs + 400, stream: 2),
        request(web, voting, .post, path: "/emojivoto.v1.VotingService/VotePoop", end: .grpcStatus(14), latencyMs: 48,
                atMs: startMs + 900, stream: 3),
        request(web, emoji, path: "/api/list", authority: "emoji-svc.emojivoto:8080", latencyMs: 5, bytes: 2_048,
                atMs: startMs + 1_300, stream: 4),
        request(web, voting, path: "/api/vote?choice=:doughnut:", status: 503, latencyMs: 230, bytes: 0,
                atMs: startMs + 2_000, stream: 5),
        request(legacy, web, path: "/healthz", authority: "web-svc.emojivoto:80", latencyMs: 1, bytes: 2,
                atMs: startMs + 2_500, direction: .inbound, stream: 6),
        request(web, emoji, path: "/api/emoji/unknown", authority: "emoji-svc.emojivoto:8080", status: 404,
                latencyMs: 2, bytes: 19, atMs: startMs + 3_100, stream: 7),
        request(web, voting, .post, path: "/emojivoto.v1.VotingService/VoteDoughnut", end: .grpcStatus(0), latencyMs: 15,
                atMs: startMs + 3_600, stream: 8),
        request(web, voting, .post, path: "/emojivoto.v1.VotingService/VoteDoughnut", status: nil,
                end: .reset(errorCode: 2), latencyMs: 1_502, bytes: 0, atMs: startMs + 4_200, stream: 9),
        request(web, emoji, path: "/api/list", authority: "emoji-svc.emojivoto:8080", latencyMs: 4, bytes: 2_048,
                atMs: startMs + 4_800, stream: 10),
        hostileRequest,
        request(web, emoji, path: "/api/list", authority: "emoji-svc.emojivoto:8080", latencyMs: 6, bytes: 2_048,
                atMs: startMs + 5_900, stream: 12),
    ]

    /// A request from the hostile pod whose path, authority and headers try to steer the terminal.
    static let hostileRequest = request(
        hostile, web, .other("PRO\u{1B}[31mPFIND"), path: "/x\u{1B}]52;c;cm0gLXJm\u{07}/\u{9B}1m/end",
        authority: "web\u{1B}[H", latencyMs: 9, atMs: startMs + 5_300, stream: 11,
        headers: [TapHeader(name: "x-evil\u{1B}[2J", value: .text("a\u{202E}b\u{85}c")),
                  TapHeader(name: "x-bytes", value: .binary([0x41, 0xFF, 0xFE, 0x1B, 0x5C, 0x42]))])

    /// A feed holding ``requests``, each added when it ended.
    static func feed(maxRps: Double? = 100) -> TapFeed {
        var feed = TapFeed()
        feed.maxRps = maxRps
        for request in requests { feed.add(request, atMs: request.endedAtMs) }
        return feed
    }

    /// Six seconds after the start: the last request has arrived.
    static let nowMs = startMs + 6_000
}
