import Foundation
import MeshModel
import MeshSources

/// The selected cluster as meshtop talks to it: each request made with the credentials of the
/// moment (``KubeEndpoint``), and each failure named in words a user can act on
/// (``KubeAPIProblem``).
public final class KubeClient: Sendable {
    /// The context, cluster and user in use.
    public let selection: KubeconfigSelection
    private let credentials: ExecCredentialCache

    /// A client of `selection`; `credentials` holds what exec plugins printed.
    public init(selection: KubeconfigSelection, credentials: ExecCredentialCache = ExecCredentialCache()) {
        self.selection = selection
        self.credentials = credentials
    }

    /// The endpoint as of now: a token file read again, an exec plugin's cached or fresh token.
    ///
    /// - Throws: ``KubeconfigError`` or ``ExecCredentialError`` when no credentials can be had.
    public func endpoint() throws -> KubeEndpoint {
        try selection.endpoint(credentials: credentials)
    }

    /// What a request is, for the message should it fail.
    public func describe(_ verb: KubeAPIProblem.Request.Verb, _ resource: KubeAPIProblem.Request.Resource,
                         namespace: String? = nil, name: String? = nil) -> KubeAPIProblem.Request {
        KubeAPIProblem.Request(verb: verb, resource: resource, namespace: namespace, name: name,
                               server: selection.server, context: selection.contextName,
                               user: selection.contextName == nil ? nil : selection.userName,
                               credentials: KubeAPIProblem.Credentials(selection.user))
    }

    /// The problem with `result`, or `nil` when it succeeded. A 401 to an exec plugin's token
    /// forgets that token, so that the next request runs the plugin again.
    public func problem(_ result: FetchResult, _ request: KubeAPIProblem.Request,
                        namespaces: [String] = []) -> KubeAPIProblem? {
        switch result.error {
        case nil:
            return nil
        case .httpStatus(let code)?:
            if code == 401, selection.user.exec != nil { credentials.invalidate(user: selection.userName) }
            return KubeAPIProblem.classify(request, code: code, body: Data(result.errorBody), namespaces: namespaces)
        case let error?:
            return .transport(request, Self.transport(error))
        }
    }

    /// A transport failure in ``KubeAPIProblem`` terms.
    static func transport(_ error: FetchError) -> KubeAPIProblem.Transport {
        switch error {
        case .refused: .refused
        case .timeout: .timeout
        case .dns(let host): .dns(host)
        case .tls(let detail): .tls(detail)
        case .httpStatus, .bodyTooLarge, .other: .other(error.description)
        }
    }
}
