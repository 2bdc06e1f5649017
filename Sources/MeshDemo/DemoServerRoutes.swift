import MeshModel

/// What a simulated proxy is asked: one HTTP request to its admin port.
public struct DemoRequest: Sendable, Equatable {
    /// The HTTP method, such as `GET`.
    public var method: String
    /// The path without the query, such as `/metrics`.
    public var path: String
    /// The raw query after `?`, without it; empty when there is none.
    public var query: String
    /// The `Accept` header, or `nil` when the request has none.
    public var accept: String?
    /// Whether the `Accept-Encoding` header mentions `gzip`, which is the real proxy's test.
    public var acceptsGzip: Bool

    /// A request; `method` defaults to `GET`.
    public init(method: String = "GET", path: String, query: String = "", accept: String? = nil, acceptsGzip: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.accept = accept
        self.acceptsGzip = acceptsGzip
    }

    /// Splits a request target such as `/env.json?_pod_name&_pod_ns` into path and query.
    public init(method: String = "GET", target: String, accept: String? = nil, acceptsGzip: Bool = false) {
        if let mark = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<mark]), query: String(target[target.index(after: mark)...]),
                      accept: accept, acceptsGzip: acceptsGzip)
        } else {
            self.init(method: method, path: target, accept: accept, acceptsGzip: acceptsGzip)
        }
    }
}

/// What a simulated proxy answers.
public struct DemoResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type` header.
    public var contentType: String
    /// The body, before any content encoding.
    public var body: [UInt8]
    /// Whether the server gzips this body when the request accepts gzip. The real proxy does so for
    /// `/metrics` only, so ``DemoAdminRoutes`` clears it for the other routes.
    public var compressible: Bool

    /// A response; `compressible` defaults to `true`, so a hand-made `/metrics` answer is gzipped
    /// when asked without further thought.
    public init(status: Int, contentType: String = "text/plain", body: [UInt8], compressible: Bool = true) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.compressible = compressible
    }

    /// A plain-text response that is never gzipped, for the short admin answers (`ready\n`, errors).
    public static func text(_ status: Int, _ text: String) -> DemoResponse {
        DemoResponse(status: status, body: Array(text.utf8), compressible: false)
    }
}

/// Answers requests for simulated proxies: `(proxy index, request) -> response`.
///
/// It is called on event-loop threads, so it must be `Sendable` and fast (well under a millisecond
/// or two): every connection on that loop waits while it runs.
public typealias DemoResponder = @Sendable (_ proxy: Int, _ request: DemoRequest) -> DemoResponse

/// The routing of linkerd2-proxy's admin server (port 4191), without sockets, so it can be tested alone.
///
/// Routes: `GET /metrics` (text/plain, gzip-able), `/ready`, `/live`, `/env.json`. Everything else,
/// including the localhost-only `/shutdown`, `/proxy-log-level` and `/logs.json`, is 404: the demo
/// mesh never needs them, and a scraper must cope with 404 anyway.
public enum DemoAdminRoutes {
    /// Answers `request`; `metrics` and `environment` are only called for the routes that need them.
    ///
    /// - `/metrics`: 200 `text/plain` with `metrics()`, marked compressible.
    /// - `/ready`, `/live`: 200 `ready\n` / `live\n`.
    /// - `/env.json`: 200 `application/json` object of `environment()` with sorted keys; with a query
    ///   such as `_pod_name&_pod_ns`, only those keys (absent ones are left out). 406 when an
    ///   `Accept` header allows neither `application/json` nor `*/*`; no header at all is allowed.
    /// - a known path with a method other than `GET`: 405; any other path: 404.
    public static func answer(
        _ request: DemoRequest, metrics: () -> [UInt8], environment: () -> [String: String]
    ) -> DemoResponse {
        let known = ["/metrics", "/ready", "/live", "/env.json"]
        guard known.contains(request.path) else { return .text(404, "not found\n") }
        guard request.method == "GET" else { return .text(405, "method not allowed\n") }
        switch request.path {
        case "/metrics":
            return DemoResponse(status: 200, contentType: "text/plain", body: metrics(), compressible: true)
        case "/ready":
            return .text(200, "ready\n")
        case "/live":
            return .text(200, "live\n")
        default:
            guard acceptsJSON(request.accept) else { return .text(406, "env.json requires application/json\n") }
            let env = environment()
            let keys = requestedKeys(request.query)
            let selected = keys.isEmpty ? env : env.filter { keys.contains($0.key) }
            return DemoResponse(status: 200, contentType: "application/json", body: Array(jsonObject(selected).utf8),
                                compressible: false)
        }
    }

    /// Whether an `Accept` header lets the proxy answer JSON: absent, or mentioning
    /// `application/json` or `*/*` (the proxy does a substring test, not full content negotiation).
    static func acceptsJSON(_ accept: String?) -> Bool {
        guard let accept else { return true }
        return accept.contains("application/json") || accept.contains("*/*")
    }

    /// The keys a query such as `_pod_name&_pod_ns` asks for; `key=value` pairs count by key.
    static func requestedKeys(_ query: String) -> Set<String> {
        var keys = Set<String>()
        for part in query.split(separator: "&") {
            let key = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            if !key.isEmpty { keys.insert(String(key)) }
        }
        return keys
    }

    /// A compact JSON object with keys sorted, so bodies are deterministic and testable.
    public static func jsonObject(_ object: [String: String]) -> String {
        var w = JSONWriter()
        w.beginObject()
        for key in object.keys.sorted() { w.field(key, object[key]) }
        w.endObject()
        return w.text
    }
}
