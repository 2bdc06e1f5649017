extension TapText {
    /// One line for a whole request, `linkerd viz tap`'s three (req, rsp, end) joined:
    ///
    /// ```
    /// req id=7:0 proxy=out src=10.1.0.5:41322 dst=10.1.0.9:8080 tls=true :method=GET :authority=web:80 :path=/ :status=200 latency=1843µs duration=120µs response-length=512B
    /// ```
    ///
    /// `latency` is the response head's `since_request_init` (`-` without a head, as after a
    /// reset), `duration` the end's `since_response_init`, as Linkerd prints them.
    public static func line(_ request: TappedRequest) -> String {
        let proxy: String
        switch request.direction {
        case .inbound: proxy = "in "
        case .outbound: proxy = "out"
        case .unknown: proxy = "???"
        }
        let start = request.request
        var line = "req id=\(start.id) proxy=\(proxy) src=\(request.source.address) dst=\(request.destination.address) "
            + "tls=\(show(request.tls ?? "")) :method=\(show(start.method?.description ?? "")) "
            + ":authority=\(show(start.authority)) :path=\(show(start.path))"
        if let response = request.response {
            line += " :status=\(response.httpStatus) latency=\(response.sinceRequestInit?.microseconds ?? 0)µs"
        } else {
            line += " :status=- latency=-"
        }
        switch request.end.end {
        case let .grpcStatus(code)?: line += " grpc-status=\(TapGRPCStatus.name(code))"
        case let .reset(code)?: line += " reset-error=\(code)"
        case nil: break
        }
        return line + " duration=\(request.end.sinceResponseInit?.microseconds ?? 0)µs response-length=\(request.end.responseBytes)B"
    }
}
