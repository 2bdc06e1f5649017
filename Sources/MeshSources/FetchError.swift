import Foundation

/// Why a fetch failed, phrased so that a user can act on it.
public enum FetchError: Error, Equatable, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// Nothing listens at the address (TCP connection refused or unreachable).
    case refused
    /// The connection or the whole transfer took longer than its limit.
    case timeout
    /// The host name could not be resolved; carries the host.
    case dns(String)
    /// The server answered with this HTTP status, 400 or above.
    case httpStatus(Int)
    /// The body exceeded this many bytes, and the transfer was aborted.
    case bodyTooLarge(Int)
    /// TLS failed (handshake, certificate verification); carries libcurl's detail.
    case tls(String)
    /// Anything else, with a readable explanation.
    case other(String)

    /// A one-line explanation with a hint about what to do.
    public var description: String {
        switch self {
        case .refused:
            return "connection refused: nothing listens there (is the pod running, the port the proxy's "
                + "admin port 4191, and any port-forward still up?)"
        case .timeout:
            return "timed out: no complete response in time (the target may be overloaded, unreachable "
                + "or behind a firewall)"
        case .dns(let host):
            return "cannot resolve host \"\(host)\": check the name or use an IP address"
        case .httpStatus(let code):
            return Self.describeStatus(code)
        case .bodyTooLarge(let limit):
            return "response larger than the \(Self.formatBytes(limit)) limit: aborted "
                + "(raise --max-body-bytes if this target really exports that much)"
        case .tls(let detail):
            return "TLS error: \(detail) (certificates are verified; a proxy's admin port 4191 speaks "
                + "plain http://)"
        case .other(let message):
            return message
        }
    }

    /// Same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The explanation for an HTTP error status. 403 explains Linkerd's admin-port policy.
    static func describeStatus(_ code: Int) -> String {
        switch code {
        case 403:
            return "HTTP 403 Forbidden: the proxy's inbound policy denied this client. The admin port follows "
                + "the pod's default-inbound-policy (config.linkerd.io/default-inbound-policy): only "
                + "all-unauthenticated, the default, admits port-forwarded or out-of-cluster clients, and "
                + "`linkerd viz allow-scrapes` authorizes viz Prometheus alone. Relax the policy for the "
                + "admin port, or read the metrics from viz Prometheus instead"
        case 404:
            return "HTTP 404 Not Found: nothing at that path (a linkerd2-proxy serves /metrics and /env.json "
                + "on its admin port, 4191)"
        case 406:
            return "HTTP 406 Not Acceptable: the server can't produce the requested content type"
        case 401:
            return "HTTP 401 Unauthorized: the server wants credentials"
        case 407:
            return "HTTP 407 Proxy Authentication Required: an HTTP proxy in the way wants credentials"
        case 429:
            return "HTTP 429 Too Many Requests: scrape less often"
        case 500..<600:
            let reason = [500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
                          504: "Gateway Timeout"][code].map { " " + $0 } ?? ""
            return "HTTP \(code)\(reason): the server failed to answer"
        default:
            return "HTTP \(code): the server refused the request"
        }
    }

    /// `64 MiB`, `512 KiB`, `100 bytes`.
    static func formatBytes(_ n: Int) -> String {
        if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }
}
