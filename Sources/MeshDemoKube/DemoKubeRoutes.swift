import Foundation
import MeshDemo
import MeshModel

/// One request to the demo API server, as the routes need it.
struct DemoKubeRequest: Sendable {
    /// The HTTP method.
    var method: String
    /// The path as sent, without the query: `/api/v1/namespaces/emojivoto/pods`.
    var path: String
    /// The path's segments, percent-decoded: `["api", "v1", "namespaces", "emojivoto", "pods"]`.
    var segments: [String]
    /// The query's parameters, percent-decoded; the last of a repeated name wins.
    var query: [String: String]
    /// The `Accept` header.
    var accept: String?
    /// Whether the client takes gzip.
    var acceptsGzip: Bool
    /// Who sent it; `nil` when unauthenticated.
    var user: DemoKubeUser?
    /// The body: a tap request's `TapByResourceRequest`; empty for the others.
    var body: [UInt8]

    /// Parses a request target such as `/api/v1/pods?watch=1&resourceVersion=12`.
    init(method: String, target: String, accept: String?, acceptsGzip: Bool, user: DemoKubeUser?, body: [UInt8]) {
        let split = DemoRequest(target: target)
        self.method = method
        path = split.path
        segments = split.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        var query: [String: String] = [:]
        for pair in split.query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            query[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        self.query = query
        self.accept = accept
        self.acceptsGzip = acceptsGzip
        self.user = user
        self.body = body
    }

    /// Whether `?watch=1` or `?watch=true` asks for a watch.
    var isWatch: Bool { ["1", "true"].contains(query["watch"]?.lowercased() ?? "") }
}

/// What a request gets: a whole response, a watch or tap stream the server keeps open, or the
/// tap API's error answer (a `linkerd-error` header and a framed `ApiError` with this message).
enum DemoKubeAnswer: Sendable {
    case response(DemoResponse)
    case watch(DemoKubeWatchSpec)
    case tap(DemoKubeTapSpec)
    case tapError(String)
}

/// A pod watch to stream: which pods, from which version, how long, and whether with bookmarks.
struct DemoKubeWatchSpec: Sendable {
    /// The namespace watched; `nil` for all.
    var namespace: String?
    var selector: DemoKubeSelector
    /// The version to stream changes after; `nil` (or `0`) to begin with every current pod.
    var resourceVersion: Int?
    /// When the server ends the stream.
    var timeoutSeconds: Int
    /// Whether to send a `BOOKMARK` every ``DemoKubeWatchStream/bookmarkSeconds``.
    var bookmarks: Bool
}

/// The part of the Kubernetes API meshtop uses, over the demo cluster: discovery, namespaces,
/// pods (list, watch, get), the pod proxy to the simulated proxies' admin servers, and Linkerd's
/// tap API (``tap(_:user:)``). Requests are authenticated (401), then authorized as RBAC would
/// (403), then answered.
struct DemoKubeRoutes: Sendable {
    let cluster: DemoKubeCluster
    /// The traffic model the tap API reports from.
    let mesh: DemoMesh
    /// Seconds into the scenario: the moment the tap stream is at.
    let scenarioSeconds: @Sendable () -> Double
    /// Answers a simulated proxy's admin-port request, as the per-pod servers do.
    let proxy: DemoResponder
    /// The clock, for ages in tables.
    let now: @Sendable () -> Date

    /// The answer to `request`.
    func answer(_ request: DemoKubeRequest) -> DemoKubeAnswer {
        guard let user = request.user else { return .response(DemoKubeStatus.unauthorized) }
        if request.segments.starts(with: ["apis", DemoKubeRole.tapGroup]) { return tap(request, user: user) }
        guard request.method == "GET" else {
            return .response(DemoKubeStatus.methodNotAllowed)
        }
        if let document = DemoKubeDiscovery.document("/" + request.segments.joined(separator: "/")) {
            return .response(document)
        }
        let s = request.segments
        guard s.count >= 3, s[0] == "api", s[1] == "v1" else { return .response(DemoKubeStatus.noSuchPath) }
        switch (s.count, s[2]) {
        case (3, "pods"):
            return pods(request, user: user, namespace: nil)
        case (3, "namespaces"):
            return .response(authorize(user, "list", "namespaces", nil, nil) ?? namespaces(request))
        case (4, "namespaces"):
            return .response(authorize(user, "get", "namespaces", s[3], s[3]) ?? namespace(s[3], request))
        case (5, "namespaces") where s[4] == "pods":
            return pods(request, user: user, namespace: s[3])
        case (6, "namespaces") where s[4] == "pods":
            return .response(authorize(user, "get", "pods", s[3], s[5]) ?? pod(namespace: s[3], name: s[5]))
        case (7..., "namespaces") where s[4] == "pods" && s[6] == "proxy":
            let target = s[5].split(separator: ":", maxSplits: 1).map(String.init)
            let rest = "/" + s.dropFirst(7).joined(separator: "/")
            return .response(authorize(user, "get", "pods/proxy", s[3], target[0])
                ?? proxied(request, namespace: s[3], name: target[0], port: target.count > 1 ? target[1] : nil, path: rest))
        default:
            return .response(DemoKubeStatus.noSuchPath)
        }
    }

    /// The 403 for `user` doing `verb` on `resource` of API `group`, or `nil` when its role allows it.
    func authorize(_ user: DemoKubeUser, _ verb: String, _ resource: String, group: String = "", _ namespace: String?,
                   _ name: String?) -> DemoResponse? {
        user.role.allows(verb, resource, group: group) ? nil
            : DemoKubeStatus.forbidden(user: user.name, verb: verb, resource: resource, group: group, namespace: namespace,
                                       name: name)
    }

    private func namespaces(_ request: DemoKubeRequest) -> DemoResponse {
        let version = cluster.resourceVersion
        if DemoKubeTable.isWanted(request.accept) {
            return json(DemoKubeTable.namespaces(cluster.namespaces, resourceVersion: version, now: now()))
        }
        var w = JSONWriter()
        w.beginObject()
        DemoKubeJSON.header(&w, kind: "NamespaceList", apiVersion: "v1", resourceVersion: version)
        w.key("items")
        w.beginArray()
        for namespace in cluster.namespaces { namespace.write(&w) }
        w.endArray()
        w.endObject()
        return json(w.text)
    }

    private func namespace(_ name: String, _ request: DemoKubeRequest) -> DemoResponse {
        guard let namespace = cluster.namespaces.first(where: { $0.name == name }) else {
            return DemoKubeStatus.notFound(kind: "namespaces", name: name)
        }
        if DemoKubeTable.isWanted(request.accept) {
            return json(DemoKubeTable.namespaces([namespace], resourceVersion: cluster.resourceVersion, now: now()))
        }
        return json(namespace.json())
    }

    /// A pod list or watch; a namespace that doesn't exist has no pods, as on a real server.
    private func pods(_ request: DemoKubeRequest, user: DemoKubeUser, namespace: String?) -> DemoKubeAnswer {
        let watch = request.isWatch
        if let denied = authorize(user, watch ? "watch" : "list", "pods", namespace, nil) { return .response(denied) }
        guard let selector = DemoKubeSelector(request.query["labelSelector"] ?? "") else {
            return .response(DemoKubeStatus.response(code: 400, reason: "BadRequest",
                                                     message: "unable to parse requirement: set-based selectors are not supported"))
        }
        if watch {
            let version = request.query["resourceVersion"].flatMap { $0.isEmpty ? nil : $0 }
            guard version.map({ Int($0) != nil }) ?? true else {
                return .response(DemoKubeStatus.response(code: 400, reason: "BadRequest",
                                                         message: "resourceVersion: Invalid value: \"\(version ?? "")\": must be an integer"))
            }
            return .watch(DemoKubeWatchSpec(
                namespace: namespace, selector: selector, resourceVersion: version.flatMap(Int.init).flatMap { $0 == 0 ? nil : $0 },
                timeoutSeconds: request.query["timeoutSeconds"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 1_800,
                bookmarks: request.query["allowWatchBookmarks"] == "true"))
        }
        let (version, pods) = cluster.list(namespace: namespace, selector: selector)
        if DemoKubeTable.isWanted(request.accept) {
            return .response(json(DemoKubeTable.pods(pods, resourceVersion: version, now: now())))
        }
        var text = #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"\#(version)"},"items":["#
        text.reserveCapacity(pods.count * 2_600)
        for (i, stored) in pods.enumerated() {
            if i > 0 { text += "," }
            text += stored.json
        }
        text += "]}"
        return .response(json(text))
    }

    private func pod(namespace: String, name: String) -> DemoResponse {
        guard let stored = cluster.pod(namespace: namespace, name: name) else {
            return DemoKubeStatus.notFound(kind: "pods", name: name)
        }
        return json(stored.json)
    }

    /// The pod proxy: the proxy's admin port (4191) answers as the proxy itself would; any other
    /// port of a running pod refuses, and a stopped pod can't be reached, as the real API server
    /// reports it (503).
    private func proxied(_ request: DemoKubeRequest, namespace: String, name: String, port: String?,
                         path: String) -> DemoResponse {
        guard let stored = cluster.pod(namespace: namespace, name: name) else {
            guard let known = cluster.proxyPods[namespace + "/" + name] else {
                return DemoKubeStatus.notFound(kind: "pods", name: name)
            }
            return unreachable(ip: known.podIP, port: port ?? "80")
        }
        guard let index = stored.pod.proxy, port == "4191" || port == "linkerd-admin" else {
            return unreachable(ip: stored.pod.podIP, port: port ?? "80")
        }
        let query = request.query.map { $0.value.isEmpty ? $0.key : "\($0.key)=\($0.value)" }.joined(separator: "&")
        return proxy(index, DemoRequest(method: request.method, path: path, query: query, accept: request.accept,
                                        acceptsGzip: request.acceptsGzip))
    }

    private func unreachable(ip: String, port: String) -> DemoResponse {
        DemoKubeStatus.response(code: 503, reason: "ServiceUnavailable",
                                message: "error trying to reach service: dial tcp \(ip):\(port): connect: connection refused")
    }

    /// A JSON answer; like the real server, gzipped when the client takes it and it's large.
    private func json(_ text: String) -> DemoResponse {
        let body = Array(text.utf8)
        return DemoResponse(status: 200, contentType: "application/json", body: body, compressible: body.count > 128 << 10)
    }
}
