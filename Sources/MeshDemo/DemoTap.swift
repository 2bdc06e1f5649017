import MeshModel

/// What a tap of the demo watches: a namespace, or one workload or pod of it.
public struct DemoTapTarget: Sendable, Hashable {
    public var namespace: String
    /// `deployment`, `pod`, …; nil for the whole namespace.
    public var kind: String?
    public var name: String?

    /// A tap of `kind`/`name` in `namespace`, or of the whole namespace.
    public init(namespace: String, kind: String? = nil, name: String? = nil) {
        self.namespace = namespace
        self.kind = kind
        self.name = name
    }
}

/// One request of the demo's traffic model, as the tapped proxy that saw it reports it: a
/// request between two meshed pods is seen twice (outbound at the caller, inbound at the callee)
/// when both are tapped.
public struct DemoTapRequest: Sendable, Equatable {
    /// Which of the tapped proxy's sides saw it.
    public enum Direction: Sendable, Equatable {
        case inbound, outbound
    }

    /// One end of the request.
    public struct Peer: Sendable, Equatable {
        public var workload: WorkloadRef
        /// The pod, nil for a host outside the cluster.
        public var pod: String?
        public var ip: String
        public var port: Int
        /// The ServiceAccount of a meshed pod: its mTLS identity's first part.
        public var serviceAccount: String?

        /// The mTLS identity of a meshed pod: `SA.NS.serviceaccount.identity.linkerd.cluster.local`.
        public var identity: String? {
            serviceAccount.map { ProxyLabels.identity(serviceAccount: $0, namespace: workload.namespace) }
        }

        /// What Linkerd's Destination API tells a caller's proxy about this endpoint (the
        /// metrics' `dst_*` labels without the prefix): `pod`, `namespace`, the owner's label,
        /// `serviceaccount`, … for a meshed pod; nothing for a host outside the cluster.
        public var discoveryLabels: [String: String] {
            guard let pod, let serviceAccount else { return [:] }
            let peer = ProxyLabels.Peer(workload: workload, serviceAccount: serviceAccount, pod: pod, podIP: ip, tls: true)
            return Dictionary(ProxyLabels.destination(peer)) { first, _ in first }
        }
    }

    /// When the request started, in ms since the demo started.
    public var startMs: Int64
    public var direction: Direction
    public var source: Peer
    public var destination: Peer
    /// Unique per (source, destination) connection pair within a run.
    public var streamID: UInt64
    public var method: String
    public var authority: String
    public var path: String
    public var status: Int
    /// From request start to the response's headers, and to its end, in ms.
    public var responseInitMs: Double
    public var latencyMs: Double
    public var responseBytes: Int
    /// Whether the connection was mTLS (both ends meshed).
    public var tls: Bool
}

extension DemoMesh {
    /// The time slice the tap stream is drawn in: the model's rates hold within one.
    static let tapSliceMs: Int64 = 100

    /// The requests a tap of `target` sees from `t0` to `t1` (seconds since the demo started),
    /// in start order: the traffic model's own rates, success ratios and latency distributions
    /// at each moment (events included), cut to the first `maxRps` that `keep` accepts in each
    /// whole second, as the tap server's rate limit cuts them. Deterministic for a seed.
    public func tap(_ target: DemoTapTarget, from t0: Double, to t1: Double, maxRps: Double,
                    where keep: (DemoTapRequest) -> Bool = { _ in true }) -> [DemoTapRequest] {
        let (start, end) = (Self.milliseconds(t0), Self.milliseconds(t1))
        guard end > start else { return [] }
        var seen: [DemoTapRequest] = []
        var slice = start / Self.tapSliceMs
        while slice * Self.tapSliceMs < end {
            for e in graph.edges.indices {
                seen += requests(edge: e, slice: slice).filter {
                    $0.startMs >= start && $0.startMs < end && tapped($0, by: target) && keep($0)
                }
            }
            slice += 1
        }
        seen.sort { ($0.startMs, $0.streamID, $0.direction == .inbound ? 1 : 0) < ($1.startMs, $1.streamID, $1.direction == .inbound ? 1 : 0) }
        let limit = max(1, Int(maxRps.rounded(.down)))
        var perSecond: [Int64: Int] = [:]
        return seen.filter { request in
            let second = request.startMs / 1000
            perSecond[second, default: 0] += 1
            return perSecond[second]! <= limit
        }
    }

    /// Whether a tap of `target` sees `request`: its proxy is the source's (outbound) or the
    /// destination's (inbound), and that pod belongs to the target.
    private func tapped(_ request: DemoTapRequest, by target: DemoTapTarget) -> Bool {
        let peer = request.direction == .outbound ? request.source : request.destination
        guard peer.workload.namespace == target.namespace else { return false }
        guard let kind = target.kind, let name = target.name else { return true }
        if kind == "pod" { return peer.pod == name }
        return peer.workload.kind == kind && peer.workload.name == name
    }

    /// The requests edge `e` makes in time slice `slice`, each once per meshed end that sees it.
    private func requests(edge e: Int, slice: Int64) -> [DemoTapRequest] {
        let at = slice * Self.tapSliceMs
        guard at >= 0 else { return [] }
        let phase = timeline.phase(at: at)
        let edge = graph.edges[e]
        let rps = edge.rps * (phase.rateFactor[e] ?? 1)
        let success = min(1, edge.success * (phase.successFactor[e] ?? 1))
        let latency = edge.latency[phase.spiked.contains(e) ? 1 : 0]
        let sources = runningPeers(edge.src, at: at), destinations = runningPeers(edge.dst, at: at)
        guard rps > 0, !sources.isEmpty, !destinations.isEmpty else { return [] }
        var draw = SplitMix64(seed: seed ^ (UInt64(e) &* 0x9E37_79B9) ^ (UInt64(slice) &* 0xC2B2_AE3D_27D4_EB4F))
        let count = Int((rps * Double(Self.tapSliceMs) / 1000 + draw.unit()).rounded(.down))
        var out: [DemoTapRequest] = []
        for i in 0..<count {
            let src = sources[draw.below(sources.count)], dst = destinations[draw.below(destinations.count)]
            let ok = draw.unit() < success
            let total = latency.quantile(draw.unit())
            let route = Self.route(to: graph.workloads[edge.dst], pick: draw.below(4))
            var request = DemoTapRequest(
                startMs: at + Int64(draw.below(Int(Self.tapSliceMs))), direction: .outbound,
                source: DemoTapRequest.Peer(workload: src.workload, pod: src.pod, ip: src.ip,
                                            port: 32_768 + draw.below(28_000), serviceAccount: src.serviceAccount),
                destination: dst, streamID: UInt64(slice) * 1_000 + UInt64(i) + 1, method: route.method,
                authority: Self.authority(of: graph.workloads[edge.dst]), path: route.path, status: ok ? 200 : 500,
                responseInitMs: total * 0.9, latencyMs: total, responseBytes: ok ? 180 + draw.below(900) : 42,
                tls: src.serviceAccount != nil && dst.serviceAccount != nil)
            if graph.isMeshed(edge.src) { out.append(request) }
            if graph.isMeshed(edge.dst) {
                request.direction = .inbound
                out.append(request)
            }
        }
        return out
    }

    /// The running pods of workload `w` at `t` (ms) as tap peers; pods without a proxy get
    /// names and addresses of their own; a host outside the cluster is one peer on port 443.
    private func runningPeers(_ w: Int, at t: Int64) -> [DemoTapRequest.Peer] {
        let workload = graph.workloads[w]
        switch workload.membership {
        case .meshed:
            let phase = timeline.phase(at: t)
            return graph.pods[w].filter { graph.isRunning($0, in: phase) }.map {
                DemoTapRequest.Peer(workload: workload.ref, pod: proxies[$0].pod, ip: proxies[$0].podIP, port: 8080,
                                    serviceAccount: proxies[$0].serviceAccount)
            }
        case .unmeshed:
            return unmeshedPods(of: w).map {
                DemoTapRequest.Peer(workload: workload.ref, pod: $0.name, ip: $0.ip, port: 8080, serviceAccount: nil)
            }
        case .external:
            // The address and port the metrics give the host (`ProxyLabels.outboundExternal`).
            let authority = workload.ref.name
            let port = Int(authority.split(separator: ":").last ?? "") ?? 443
            return [DemoTapRequest.Peer(workload: workload.ref, pod: nil,
                                        ip: ProxyLabels.externalIP(String(authority.prefix { $0 != ":" })), port: port,
                                        serviceAccount: nil)]
        }
    }

    /// `web.emojivoto.svc.cluster.local:80` (the Service's port, as in the metrics' `authority`),
    /// or an external host's own authority.
    private static func authority(of workload: DemoWorkload) -> String {
        workload.membership == .external
            ? workload.ref.name : "\(workload.ref.name).\(workload.ref.namespace).svc.cluster.local:80"
    }

    /// One of a workload's four routes: reads and a write, named after it.
    private static func route(to workload: DemoWorkload, pick: Int) -> (method: String, path: String) {
        let name = workload.membership == .external ? "v1" : workload.ref.name
        return [("GET", "/api/\(name)/list"), ("GET", "/api/\(name)/item"), ("GET", "/api/\(name)/list"),
                ("POST", "/api/\(name)/update")][pick]
    }
}

/// A pod of an unmeshed workload: no proxy, so the mesh knows it only by its name and address.
public struct DemoUnmeshedPod: Sendable, Hashable {
    /// The workload that owns it.
    public var workload: WorkloadRef
    /// Named as its controller names pods: `loadgen-<10-char hash>-<5 chars>` for a Deployment.
    public var name: String
    /// The pod's IP, where its calls come from.
    public var ip: String
    /// Its ServiceAccount (no identity: it has no proxy).
    public var serviceAccount: String
}

extension DemoMesh {
    /// Every pod of the topology's unmeshed workloads, in workload order: where tap sees their
    /// calls come from, and what the demo's API server lists (so that its tap server finds them
    /// by IP, as Linkerd's does).
    public var unmeshedPods: [DemoUnmeshedPod] {
        graph.workloads.indices.filter { graph.workloads[$0].membership == .unmeshed }.flatMap(unmeshedPods(of:))
    }

    /// The pods of unmeshed workload `w`: at least one, since it makes calls; IPs in 10.44.0.0/16,
    /// clear of the meshed pods' 10.42 and the Services' 10.43.
    func unmeshedPods(of w: Int) -> [DemoUnmeshedPod] {
        let workload = graph.workloads[w]
        var rng = SplitMix64(seed: seed ^ ProxyLabels.fnv1a("unmeshed/" + workload.ref.description))
        let hash = rng.token(10)
        return (0..<max(1, workload.pods)).map { i in
            let suffix = rng.token(5)
            let name: String
            switch workload.ref.kind {
            case "deployment": name = "\(workload.ref.name)-\(hash)-\(suffix)"
            case "statefulset": name = "\(workload.ref.name)-\(i)"
            default: name = "\(workload.ref.name)-\(suffix)"
            }
            return DemoUnmeshedPod(workload: workload.ref, name: name, ip: "10.44.\(w % 256).\(i % 250 + 2)",
                                   serviceAccount: workload.serviceAccount)
        }
    }
}
