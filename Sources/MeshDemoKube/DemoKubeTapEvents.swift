import MeshDemo
import MeshTap

/// One event of the tap stream and when it happens, in ms since the demo started.
struct DemoKubeTimedTapEvent {
    var atMs: Double
    var event: TapEvent
}

/// The three tap events of one request of the traffic model (request-init, response-init,
/// response-end), labelled as Linkerd labels them.
///
/// The tapped proxy gives the peer it talked to: on the source of an inbound request `tls`
/// (`true` with the caller's `client_id`, or `no_tls_from_remote`), on the destination of an
/// outbound one the Destination API's labels with `tls` (`true` with the `server_id`, or
/// `not_provided_by_service_discovery` for a host outside the mesh); its own side is `loopback`.
/// The tap server then adds, by IP, the source pod's labels, and for an inbound request the
/// destination pod's (`pod`, the owner's kind, `serviceaccount`, `namespace`, …): proxies don't
/// know their own.
enum DemoKubeTapEvents {
    /// The events of `request`, in time order; `base` is the tapping proxy's stream base, and
    /// `pods` the running pods by IP.
    static func events(of request: DemoTapRequest, base: UInt32, pods: [String: DemoKubePod]) -> [DemoKubeTimedTapEvent] {
        let id = TapStreamID(base: base, stream: request.streamID)
        let source = TapEndpoint(address: address(request.source), labels: sourceLabels(request, pods))
        let destination = TapEndpoint(address: address(request.destination), labels: destinationLabels(request, pods))
        let direction: TapDirection = request.direction == .inbound ? .inbound : .outbound
        func event(_ http: TapHTTPEvent) -> TapEvent {
            TapEvent(source: source, destination: destination, direction: direction, http: http)
        }
        let start = Double(request.startMs)
        return [
            DemoKubeTimedTapEvent(atMs: start, event: event(.requestInit(requestInit(request, id: id)))),
            DemoKubeTimedTapEvent(atMs: start + request.responseInitMs, event: event(.responseInit(TapResponseInit(
                id: id, sinceRequestInit: duration(request.responseInitMs), httpStatus: UInt32(request.status))))),
            DemoKubeTimedTapEvent(atMs: start + request.latencyMs, event: event(.responseEnd(TapResponseEnd(
                id: id, sinceRequestInit: duration(request.latencyMs),
                sinceResponseInit: duration(request.latencyMs - request.responseInitMs),
                responseBytes: UInt64(request.responseBytes))))),
        ]
    }

    /// The request's head as its proxy reports it (and as a tap's match filters see it).
    static func requestInit(_ request: DemoTapRequest, id: TapStreamID) -> TapRequestInit {
        TapRequestInit(id: id, method: TapMethod(request.method), scheme: .http, authority: request.authority,
                       path: request.path)
    }

    /// The proxy's labels of the source, and the source pod's.
    private static func sourceLabels(_ request: DemoTapRequest, _ pods: [String: DemoKubePod]) -> [String: String] {
        var labels: [String: String]
        switch request.direction {
        case .outbound:
            labels = ["tls": "loopback"]
        case .inbound:
            labels = request.tls ? ["tls": "true", "client_id": request.source.identity ?? ""] : ["tls": "no_tls_from_remote"]
        }
        labels.merge(podLabels(pods[request.source.ip])) { $1 }
        return labels
    }

    /// The proxy's labels of the destination, and for an inbound request the destination pod's.
    private static func destinationLabels(_ request: DemoTapRequest, _ pods: [String: DemoKubePod]) -> [String: String] {
        switch request.direction {
        case .outbound:
            var labels = request.destination.discoveryLabels
            if request.tls, let identity = request.destination.identity {
                labels["tls"] = "true"
                labels["server_id"] = identity
            } else {
                labels["tls"] = "not_provided_by_service_discovery"
            }
            return labels
        case .inbound:
            return ["tls": "loopback"].merging(podLabels(pods[request.destination.ip])) { $1 }
        }
    }

    /// What the tap server adds for a pod it finds by IP (`GetPodLabels`): `pod`, the owner's
    /// kind as label (`deployment`, `k8s_job`, …) naming it, `serviceaccount`, `namespace`,
    /// `control_plane_ns` when meshed, `pod_template_hash` when the pod has one.
    static func podLabels(_ pod: DemoKubePod?) -> [String: String] {
        guard let pod else { return [:] }
        let owner = DemoKubeOwner(pod)
        let (kind, name) = pod.workload.kind == "deployment" ? ("deployment", pod.workload.name)
            : (owner.kind.lowercased(), owner.name)
        let ownerLabel = kind == "job" ? "k8s_job" : kind
        var labels = ["pod": pod.name, ownerLabel: name, "serviceaccount": pod.serviceAccount, "namespace": pod.namespace]
        let podLabels = pod.labels
        if let controlPlane = podLabels["linkerd.io/control-plane-ns"] { labels["control_plane_ns"] = controlPlane }
        if let hash = podLabels["pod-template-hash"] { labels["pod_template_hash"] = hash }
        return labels
    }

    /// The peer's address; the demo's addresses are all dotted IPv4.
    private static func address(_ peer: DemoTapRequest.Peer) -> TapAddress {
        let octets = peer.ip.split(separator: ".").compactMap { UInt32($0) }
        let ip = octets.count == 4 ? octets.reduce(0) { $0 << 8 | $1 & 0xFF } : 0
        return TapAddress(ip: .v4(ip), port: UInt32(max(0, peer.port)))
    }

    /// `ms` to the microsecond.
    private static func duration(_ ms: Double) -> Duration {
        .microseconds(Int64((max(0, ms) * 1000).rounded()))
    }
}
