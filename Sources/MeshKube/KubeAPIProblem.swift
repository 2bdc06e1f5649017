import Foundation

/// What went wrong with one request to the Kubernetes API, classified so that the header and
/// `--once` can say what happened and what to do about it (``description``).
public enum KubeAPIProblem: Error, Hashable, Sendable {
    /// No HTTP answer: the API server is unreachable, or TLS failed (certificate problems).
    case transport(Request, Transport)
    /// 401: the API server rejected the user's credentials.
    case unauthorized(Request)
    /// 403 from the API server: RBAC lets the user not do this.
    case forbidden(Request)
    /// 403 through `pods/proxy` that is not the API server's: the linkerd2-proxy's inbound
    /// policy denied the request on its admin port.
    case adminPortDenied(Request)
    /// 404 on a namespace: it does not exist; `existing` lists those that do, when known.
    case namespaceNotFound(Request, name: String, existing: [String])
    /// 404 from the API server on `pods/proxy`: the pod is gone.
    case podGone(Request)
    /// 5xx from the API server on `pods/proxy`: it could not reach the pod.
    case podUnreachable(Request, PodAPIStatus)
    /// An answer through `pods/proxy` that the pod's port gave, not the API server, and not a 403.
    case proxied(Request, code: Int)
    /// 5xx from the API server itself.
    case serverError(Request, PodAPIStatus)
    /// Any other status of 400 or above.
    case rejected(Request, PodAPIStatus)
    /// The pods were listed, but none is meshed: `namespace` is `nil` for all namespaces.
    case noMeshedPods(namespace: String?, context: String?)

    /// The problem with an HTTP answer, or `nil` when `code` is below 400.
    ///
    /// - Parameters:
    ///   - request: what was asked.
    ///   - code: the HTTP status.
    ///   - body: the response body: a Kubernetes `Status` when the API server answered itself;
    ///     through `pods/proxy`, anything else is taken for the pod's own answer.
    ///   - namespaces: the namespaces that exist, when known, to list with a missing one.
    public static func classify(_ request: Request, code: Int, body: Data, namespaces: [String] = []) -> KubeAPIProblem? {
        guard code >= 400 else { return nil }
        let status = try? JSONDecoder().decode(PodAPIStatus.self, from: body)
        let fromServer = status?.kind == "Status"
        if request.resource == .podsProxy && !fromServer {
            return code == 403 ? .adminPortDenied(request) : .proxied(request, code: code)
        }
        let answer = PodAPIStatus(code: code, reason: fromServer ? status?.reason : nil,
                                  message: fromServer ? status?.message : nil)
        switch code {
        case 401:
            return .unauthorized(request)
        case 403:
            return .forbidden(request)
        case 404 where status?.details?.kind == "namespaces" || request.resource == .namespaces:
            let name = status?.details?.name ?? request.name ?? request.namespace ?? ""
            return .namespaceNotFound(request, name: name, existing: namespaces)
        case 404 where request.resource == .podsProxy:
            return .podGone(request)
        case 500...:
            return request.resource == .podsProxy ? .podUnreachable(request, answer) : .serverError(request, answer)
        default:
            return .rejected(request, answer)
        }
    }
}
