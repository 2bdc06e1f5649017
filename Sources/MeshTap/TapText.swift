/// Tap events as `linkerd viz tap` prints them, one line each (`viz/cmd/tap.go`):
///
/// ```
/// req id=7:0 proxy=out src=10.1.0.5:41322 dst=10.1.0.9:8080 tls=true :method=GET :authority=web:80 :path=/
/// rsp id=7:0 proxy=out src=10.1.0.5:41322 dst=10.1.0.9:8080 tls=true :status=200 latency=1843µs
/// end id=7:0 proxy=out src=10.1.0.5:41322 dst=10.1.0.9:8080 tls=true duration=120µs response-length=512B
/// ```
///
/// Two differences, both fixes: latencies count whole seconds too (Linkerd's drops them,
/// linkerd2#9878), and an unregistered method shows as sent (Linkerd's shows `GET`). Every
/// string from the server is escaped (``StatTable/display(_:)``), so a line is one line and
/// steers no terminal.
public enum TapText {
    /// The line for `event`, without a newline.
    public static func line(_ event: TapEvent) -> String {
        let proxy: String
        switch event.direction {
        case .inbound: proxy = "in "
        case .outbound: proxy = "out"
        case .unknown: proxy = "???"
        }
        let flow = "proxy=\(proxy) src=\(event.source.address) dst=\(event.destination.address) "
            + "tls=\(show(event.tls ?? ""))"
        switch event.http {
        case let .requestInit(request)?:
            return "req id=\(request.id) \(flow) :method=\(show(request.method?.description ?? "")) "
                + ":authority=\(show(request.authority)) :path=\(show(request.path))"
        case let .responseInit(response)?:
            return "rsp id=\(response.id) \(flow) :status=\(response.httpStatus) "
                + "latency=\(microseconds(response.sinceRequestInit))µs"
        case let .responseEnd(end)?:
            let ending: String
            switch end.end {
            case let .grpcStatus(code)?: ending = "grpc-status=\(TapGRPCStatus.name(code)) "
            case let .reset(code)?: ending = "reset-error=\(code) "
            case nil: ending = ""
            }
            return "end id=\(end.id) \(flow) \(ending)duration=\(microseconds(end.sinceResponseInit))µs "
                + "response-length=\(end.responseBytes)B"
        case nil:
            return "unknown \(flow)"
        }
    }

    private static func microseconds(_ duration: Duration?) -> Int64 {
        duration?.microseconds ?? 0
    }
}
