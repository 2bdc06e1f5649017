import MeshDemo
import MeshTap

/// A tap to stream: what was asked, and the pods it taps.
struct DemoKubeTapSpec: Sendable {
    /// The decoded `TapByResourceRequest`: its filter and `maxRps` (0 already read as 100).
    var request: TapRequest
    /// The namespace of the tapped pods.
    var namespace: String
    /// The tapped pods' names: the target's meshed, running pods when the tap started.
    var pods: Set<String>
    /// When the server ends the stream, as it ends a watch.
    var maxSeconds: Int
}

extension DemoKubeRoutes {
    /// How long a tap streams at most: the API server's default watch timeout.
    static let tapMaxSeconds = 1_800

    /// A request under `/apis/tap.linkerd.io`, answered as the API server and Linkerd's tap server
    /// answer it: the API server authorizes `watch` on the URL's resource (403), the tap server
    /// routes its resource types (404), reads the body as a `TapByResourceRequest`, checks that it
    /// names the URL's resource and finds the pods to tap; those failures are its error answer
    /// (`linkerd-error` and a framed `ApiError`).
    func tap(_ request: DemoKubeRequest, user: DemoKubeUser) -> DemoKubeAnswer {
        guard let path = DemoKubeTapPath(request.segments) else { return .response(DemoKubeStatus.noSuchPath) }
        if let denied = authorize(user, "watch", path.authorizedResource, group: DemoKubeRole.tapGroup, path.namespace,
                                  path.authorizedName) {
            return .response(denied)
        }
        guard path.kind != nil else { return .response(DemoKubeStatus.noSuchPath) }
        guard request.method == "POST" else { return .response(DemoKubeStatus.methodNotAllowed) }
        let tap: TapRequest
        do {
            tap = try TapRequest(body: request.body)
        } catch {
            return .tapError(Self.message(for: error, path: request.path))
        }
        guard tap.apiPath == request.path else {
            return .tapError("tap request body did not match APIServer URL: \"\(tap.apiPath)\" != \"\(request.path)\"")
        }
        guard let selector = DemoKubeSelector(tap.labelSelector) else {
            return .tapError("invalid label selector \"\(tap.labelSelector)\": unable to parse requirement")
        }
        switch DemoKubeTapTarget.pods(of: tap.target, selector: selector, cluster: cluster, mesh: mesh) {
        case .failure(let missing):
            return .tapError(missing.message)
        case .success(let pods) where pods.isEmpty:
            return .tapError("no pods to tap for \(tap.target.kind.rawValue)/\(tap.target.name)\n")
        case .success(let pods):
            return .tap(DemoKubeTapSpec(request: tap, namespace: path.namespace, pods: Set(pods.map(\.name)),
                                        maxSeconds: Self.tapMaxSeconds))
        }
    }

    /// The tap server's words for a body it can't use. A body that isn't a `TapByResourceRequest`
    /// fails to decode; one without a tappable resource doesn't match the URL; a match other than
    /// one flat `all` is not implemented.
    private static func message(for error: TapRequestDecodingError, path: String) -> String {
        switch error {
        case .malformed:
            return "Error decoding Tap Request proto: HTTP error, status Code [400] (proto: cannot parse invalid wire-format data)"
        case .noTarget:
            return "tap request body did not match APIServer URL: \"/apis/tap.linkerd.io/v1alpha1/watch/namespaces//s//tap\" != \"\(path)\""
        case .unknownResourceType(let type):
            return "tap request body did not match APIServer URL: its resource type \"\(type)\" has no tap URL, the request's is \"\(path)\""
        case .unsupportedMatch(let what):
            return "unexpected match specified: \(what)"
        }
    }
}
