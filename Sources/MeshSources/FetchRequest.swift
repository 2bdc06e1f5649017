import Foundation

/// One URL for ``HTTPFetcher`` to fetch: `http://`, `https://` or `file://`.
public struct FetchRequest: Hashable, Sendable {
    /// The URL, passed to libcurl unchanged.
    public var url: String
    /// Value of the `Accept` header (for example `application/json` for a proxy's `/env.json`),
    /// or `nil` for libcurl's default `*/*`.
    public var accept: String?
    /// Extra request header lines, each `Name: value` (a bearer token: `Authorization: Bearer …`).
    public var headers: [String]
    /// How to trust the server and present ourselves to it, for `https://`; nil for the system's CAs.
    public var tls: TLSOptions?
    /// The proxy to go through (a kubeconfig cluster's `proxy-url`: `http://`, `https://`,
    /// `socks5://`…); nil for what the environment says (`https_proxy`, `no_proxy`…), as
    /// kubectl does.
    public var proxy: String?
    /// Give up on this transfer after this many milliseconds instead of the fetcher's
    /// ``FetchLimits/totalTimeoutMs`` (a watch streams for minutes).
    public var timeoutMs: Int?
    /// The body of a `POST` (binary-safe); nil for a `GET`.
    public var body: [UInt8]?
    /// Response headers to hand back in ``FetchResult/headers`` (names, any case): a tap
    /// server's `linkerd-error`.
    public var keptHeaders: [String]

    /// Creates a request for `url`.
    public init(url: String, accept: String? = nil, headers: [String] = [], tls: TLSOptions? = nil, proxy: String? = nil,
                timeoutMs: Int? = nil, body: [UInt8]? = nil, keptHeaders: [String] = []) {
        self.url = url
        self.accept = accept
        self.headers = headers
        self.tls = tls
        self.proxy = proxy
        self.timeoutMs = timeoutMs
        self.body = body
        self.keptHeaders = keptHeaders
    }
}

/// Bounds on one ``HTTPFetcher``'s work, so that a slow or hostile target can't stall or bloat a scrape.
public struct FetchLimits: Hashable, Sendable {
    /// At most this many transfers (and connections) are in flight at once.
    public var maxConcurrent: Int
    /// Give up on a connection (DNS, TCP and TLS handshakes) after this many milliseconds.
    public var connectTimeoutMs: Int
    /// Give up on a whole transfer after this many milliseconds.
    public var totalTimeoutMs: Int
    /// Refuse (decoded) bodies larger than this many bytes.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults suit scraping a few hundred proxies.
    public init(maxConcurrent: Int = 64, connectTimeoutMs: Int = 2000, totalTimeoutMs: Int = 5000,
                maxBodyBytes: Int = 64 << 20) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.connectTimeoutMs = max(1, connectTimeoutMs)
        self.totalTimeoutMs = max(1, totalTimeoutMs)
        self.maxBodyBytes = max(0, maxBodyBytes)
    }
}

/// What became of one ``FetchRequest``.
public struct FetchResult: Sendable {
    /// The request this answers.
    public var request: FetchRequest
    /// The response body (decompressed if the server sent gzip; empty if it was streamed),
    /// or why there is none.
    public var result: Result<[UInt8], FetchError>
    /// Bytes of (decompressed) body received, streamed or not.
    public var bytes: Int
    /// The body of an HTTP error answer (``FetchError/httpStatus(_:)``), which says why: a
    /// Kubernetes `Status`, a proxy's message. Empty otherwise.
    public var errorBody: [UInt8]
    /// The values of the request's ``FetchRequest/keptHeaders`` the answer had, by the names
    /// the request gave.
    public var headers: [String: String]
    /// How long the transfer took, from handing it to libcurl to its completion.
    public var durationMs: Double
    /// Wall-clock time at which the transfer was started.
    public var startedAt: Date

    /// Creates a result; `bytes` defaults to the body's size.
    public init(request: FetchRequest, result: Result<[UInt8], FetchError>, bytes: Int? = nil, errorBody: [UInt8] = [],
                headers: [String: String] = [:], durationMs: Double, startedAt: Date) {
        self.request = request
        self.result = result
        self.bytes = bytes ?? ((try? result.get())?.count ?? 0)
        self.errorBody = errorBody
        self.headers = headers
        self.durationMs = durationMs
        self.startedAt = startedAt
    }

    /// The body, or `nil` if the fetch failed.
    public var body: [UInt8]? {
        if case .success(let bytes) = result { return bytes }
        return nil
    }

    /// The error, or `nil` if the fetch succeeded.
    public var error: FetchError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
