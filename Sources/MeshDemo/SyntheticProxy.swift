import MeshModel

/// One outbound peer of a simulated linkerd2-proxy: a workload it calls, and how that traffic behaves.
public struct SyntheticPeer: Sendable {
    /// The called workload; its name doubles as its Service and ServiceAccount name.
    public var workload: WorkloadRef
    /// The peer's pod names; traffic is split evenly. Empty means one pod named like the workload.
    public var pods: [String]
    /// Requests per second from this proxy to the whole peer.
    public var rps: Double
    /// Fraction of responses that succeed, 0…1; the rest are `500`s classified as failures.
    public var successRate: Double
    /// Median latency in milliseconds.
    public var latencyMs: Double
    /// Whether the peer is meshed, so the connection carries mTLS with a `server_id`.
    public var tls: Bool
    /// HTTP statuses of successful responses; each gets half the share of the one before it.
    public var statusCodes: [Int]

    /// A peer; `statusCodes` defaults to `[200]`.
    public init(
        workload: WorkloadRef, pods: [String], rps: Double, successRate: Double, latencyMs: Double,
        tls: Bool = true, statusCodes: [Int] = [200]
    ) {
        self.workload = workload
        self.pods = pods
        self.rps = rps
        self.successRate = successRate
        self.latencyMs = latencyMs
        self.tls = tls
        self.statusCodes = statusCodes
    }
}

/// A simulated linkerd2-proxy whose `/metrics` body is generated from rates and elapsed time.
///
/// Every counter is a rate times `elapsedSeconds`, rounded down, so the same inputs give the same
/// bytes, and a larger `elapsedSeconds` never makes a counter go down.
public struct SyntheticProxy: Sendable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var pod: String
    /// The pod's IP, the `target_ip` of its inbound series.
    public var podIP: String
    /// The workload that owns the pod.
    public var workload: WorkloadRef
    /// Requests per second arriving at the application port.
    public var inboundRPS: Double
    /// Fraction of inbound responses that succeed, 0…1.
    public var successRate: Double
    /// Median inbound latency in milliseconds.
    public var latencyMs: Double
    /// mTLS identities of the callers; inbound traffic is split evenly. Empty means one caller,
    /// the `default` ServiceAccount of the proxy's own namespace.
    public var inboundClients: [String]
    /// The workloads this proxy calls.
    public var outbound: [SyntheticPeer]
    /// Seconds since the proxy started; counters are rates times this.
    public var elapsedSeconds: Double
    /// The proxy's start time in seconds since the UNIX epoch (`process_start_time_seconds`).
    public var startTimeSeconds: Double

    /// A simulated proxy.
    public init(
        namespace: String, pod: String, podIP: String, workload: WorkloadRef,
        inboundRPS: Double, successRate: Double, latencyMs: Double,
        inboundClients: [String] = [], outbound: [SyntheticPeer],
        elapsedSeconds: Double, startTimeSeconds: Double = 1_767_225_600
    ) {
        self.namespace = namespace
        self.pod = pod
        self.podIP = podIP
        self.workload = workload
        self.inboundRPS = inboundRPS
        self.successRate = successRate
        self.latencyMs = latencyMs
        self.inboundClients = inboundClients
        self.outbound = outbound
        self.elapsedSeconds = elapsedSeconds
        self.startTimeSeconds = startTimeSeconds
    }

    /// The proxy's `/metrics` body: legacy 0.0.4 families, then the OpenMetrics tail ending in `# EOF`.
    public func metricsBody() -> [UInt8] {
        SyntheticRenderer.render(ProxyReport(self))
    }
}

// MARK: - What the proxy reports

/// Responses with one status code on one endpoint series.
struct StatusSeries {
    var code: Int
    var count: UInt64
    var sumMs: UInt64
    /// Cumulative counts, one per `LatencyShape.legacyBoundsMs`; the last (`+Inf`) equals `count`.
    var buckets: [UInt64]
}

/// One legacy endpoint label set (`request_total`, `response_latency_ms`, `response_total`).
struct EndpointSeries {
    var labels: [UInt8]
    var statuses: [StatusSeries]
}

/// One transport label set (`tcp_*`).
struct TransportSeries {
    var labels: [UInt8]
    var opened: UInt64
    var open: UInt64
    var read: UInt64
    var written: UInt64
}

/// One outbound route of the OpenMetrics `outbound_http_route_*` families.
struct RouteSeries {
    var labels: [UInt8]
    var statuses: [(code: Int, count: UInt64)]
    var count: UInt64
    var sumSeconds: Double
    /// Cumulative counts, one per `LatencyShape.routeBoundsSeconds`, then `+Inf`.
    var buckets: [UInt64]
}

/// Everything one `/metrics` body says, as series ready to be written.
struct ProxyReport {
    var endpoints: [EndpointSeries] = []
    var transports: [TransportSeries] = []
    var routes: [RouteSeries] = []
    var cpuSeconds = 0.0
    var residentBytes: UInt64 = 0
    var startTimeSeconds = 0.0

    init(_ proxy: SyntheticProxy) {
        let t = proxy.elapsedSeconds
        addAdmin(elapsed: t)
        addInbound(proxy)
        for peer in proxy.outbound { addPeer(peer, elapsed: t) }
        let totalRPS = proxy.outbound.reduce(proxy.inboundRPS) { $0 + $1.rps }
        let cpu = t * (0.0005 + 0.00002 * totalRPS)
        cpuSeconds = cpu > 0 ? cpu : 0
        residentBytes = 14_680_064 + 65_536 * UInt64(proxy.outbound.count)
        startTimeSeconds = proxy.startTimeSeconds
    }

    /// The admin port: Prometheus scrapes and kubelet probes, unauthenticated.
    private mutating func addAdmin(elapsed t: Double) {
        let statuses = SyntheticTraffic.statuses(rps: 0.2, mix: [(200, 1)], medianMs: 0.6, elapsed: t)
        endpoints.append(EndpointSeries(labels: ProxyLabels.inboundAdmin(), statuses: statuses))
        transports.append(SyntheticTraffic.connections(
            labels: ProxyLabels.inboundAdmin(peerSrc: true), rps: 0.2, reconnectRate: 0.2, peerSrc: true,
            requestBytes: 120, responseBytes: 2_400, elapsed: t))
    }

    private mutating func addInbound(_ proxy: SyntheticProxy) {
        guard proxy.inboundRPS > 0 else { return }
        let clients = proxy.inboundClients.isEmpty
            ? [ProxyLabels.identity(serviceAccount: "default", namespace: proxy.namespace)] : proxy.inboundClients
        let rps = proxy.inboundRPS / Double(clients.count)
        let mix = SyntheticTraffic.mix(successRate: proxy.successRate, codes: [200])
        let t = proxy.elapsedSeconds
        for client in clients {
            let statuses = SyntheticTraffic.statuses(rps: rps, mix: mix, medianMs: proxy.latencyMs, elapsed: t)
            endpoints.append(EndpointSeries(labels: ProxyLabels.inbound(proxy, client: client), statuses: statuses))
            transports.append(SyntheticTraffic.connections(
                labels: ProxyLabels.inbound(proxy, client: client, peerSrc: true), rps: rps, peerSrc: true, elapsed: t))
        }
        transports.append(SyntheticTraffic.connections(
            labels: ProxyLabels.inboundToApp(proxy), rps: proxy.inboundRPS, peerSrc: false, elapsed: t))
    }

    private mutating func addPeer(_ peer: SyntheticPeer, elapsed t: Double) {
        let pods = peer.pods.isEmpty ? [peer.workload.name] : peer.pods
        let rps = peer.rps / Double(pods.count)
        let mix = SyntheticTraffic.mix(successRate: peer.successRate, codes: peer.statusCodes)
        var all: [StatusSeries] = []
        transports.append(SyntheticTraffic.connections(
            labels: ProxyLabels.outboundFromApp(peer), rps: peer.rps, peerSrc: true, elapsed: t))
        for pod in pods {
            let statuses = SyntheticTraffic.statuses(rps: rps, mix: mix, medianMs: peer.latencyMs, elapsed: t)
            endpoints.append(EndpointSeries(labels: ProxyLabels.outbound(peer, pod: pod), statuses: statuses))
            transports.append(SyntheticTraffic.connections(
                labels: ProxyLabels.outbound(peer, pod: pod, peerDst: true), rps: rps, peerSrc: false, elapsed: t))
            all += statuses
        }
        routes.append(SyntheticTraffic.route(labels: ProxyLabels.route(peer), statuses: all, medianMs: peer.latencyMs))
    }
}

// MARK: - SyntheticTraffic model

/// Turns rates into counters: a fixed latency shape, a status mix, and connection churn.
enum SyntheticTraffic {
    /// `x` rounded down to a counter value; negative, NaN and absurd inputs count as zero.
    /// The millionth added keeps `83.333… × 86400` from landing on 7199999.
    static func amount(_ x: Double) -> UInt64 {
        x > 0 && x < 1e18 ? UInt64(x + 1e-6) : 0
    }

    /// Status codes and their share of responses: the success codes (deduplicated, each half the
    /// share of the one before), then the failures as `500`, merged if `codes` already lists it.
    static func mix(successRate: Double, codes: [Int]) -> [(code: Int, share: Double)] {
        let success = successRate.isNaN ? 1 : min(1, max(0, successRate))
        var seen = Set<Int>()
        let unique = codes.filter { seen.insert($0).inserted }
        var mix: [(code: Int, share: Double)] = []
        var weight = 1.0
        for code in unique.isEmpty ? [200] : unique {
            mix.append((code: code, share: weight))
            weight /= 2
        }
        let total = mix.reduce(0) { $0 + $1.share }
        for i in mix.indices { mix[i].share *= success / total }
        guard success < 1 else { return mix }
        if let i = mix.firstIndex(where: { $0.code == 500 }) {
            mix[i].share += 1 - success
        } else {
            mix.append((code: 500, share: 1 - success))
        }
        return mix
    }

    /// One `StatusSeries` per status of `mix`, for `rps` requests per second over `elapsed` seconds.
    static func statuses(
        rps: Double, mix: [(code: Int, share: Double)], medianMs: Double, elapsed: Double
    ) -> [StatusSeries] {
        let shape = LatencyShape(medianMs: medianMs)
        return mix.map { entry in
            let requests = rps * entry.share * elapsed
            let count = amount(requests)
            let buckets = shape.legacyFractions.map { amount(Double(count) * $0) } + [count]
            return StatusSeries(
                code: entry.code, count: count, sumMs: amount(requests * shape.meanMs), buckets: buckets)
        }
    }

    /// A pooled connection set: `1 + rps/100` stay open, and one is replaced every `1/reconnectRate` s.
    /// On `peer="src"` the proxy reads requests and writes responses; on `peer="dst"` the reverse.
    static func connections(
        labels: [UInt8], rps: Double, reconnectRate: Double = 0.002, peerSrc: Bool,
        requestBytes: Double = 350, responseBytes: Double = 1_100, elapsed: Double
    ) -> TransportSeries {
        let open = 1 + amount(rps / 100)
        let requests = amount(rps * elapsed * requestBytes)
        let responses = amount(rps * elapsed * responseBytes)
        return TransportSeries(
            labels: labels, opened: open + amount(reconnectRate * elapsed), open: open,
            read: peerSrc ? requests : responses, written: peerSrc ? responses : requests)
    }

    /// The route-level view of one peer: every pod's statuses summed, on the coarse buckets.
    static func route(labels: [UInt8], statuses: [StatusSeries], medianMs: Double) -> RouteSeries {
        var byCode: [(code: Int, count: UInt64)] = []
        for status in statuses {
            if let i = byCode.firstIndex(where: { $0.code == status.code }) {
                byCode[i].count += status.count
            } else {
                byCode.append((code: status.code, count: status.count))
            }
        }
        let count = statuses.reduce(0) { $0 + $1.count }
        let sumMs = statuses.reduce(0) { $0 + $1.sumMs }
        let fractions = LatencyShape(medianMs: medianMs).routeFractions
        return RouteSeries(
            labels: labels, statuses: byCode, count: count, sumSeconds: Double(sumMs) / 1000,
            buckets: fractions.map { amount(Double(count) * $0) } + [count])
    }
}

// MARK: - Label sets

/// The label sets linkerd2-proxy writes, in its order, as bytes without the braces.
enum ProxyLabels {
    private static let defaultServer = #"srv_group="",srv_kind="default",srv_name="all-unauthenticated""#
    private static let defaultRoute = #"route_group="",route_kind="default",route_name="default","#
        + #"authz_group="",authz_kind="default",authz_name="all-unauthenticated""#

    /// `<sa>.<ns>.serviceaccount.identity.linkerd.cluster.local`
    static func identity(serviceAccount: String, namespace: String) -> String {
        "\(serviceAccount).\(namespace).serviceaccount.identity.linkerd.cluster.local"
    }

    /// The admin port, `0.0.0.0:4191`, reached without TLS; `peerSrc` gives the transport form.
    static func inboundAdmin(peerSrc: Bool = false) -> [UInt8] {
        let target = #"target_addr="0.0.0.0:4191",target_ip="0.0.0.0",target_port="4191","#
            + #"tls="no_identity",no_tls_reason="no_tls_from_remote","# + defaultServer + #",srv_port="4191""#
        return Array((peerSrc ? #"direction="inbound",peer="src","# + target
            : #"direction="inbound","# + target + "," + defaultRoute).utf8)
    }

    /// Meshed traffic from `client` to the application port; `peerSrc` gives the transport form.
    static func inbound(_ proxy: SyntheticProxy, client: String, peerSrc: Bool = false) -> [UInt8] {
        let ip = escaped(proxy.podIP)
        var text = peerSrc ? #"direction="inbound",peer="src","# : #"direction="inbound","#
        text += #"target_addr="\#(ip):8080",target_ip="\#(ip)",target_port="8080",tls="true","#
        text += #"client_id="\#(escaped(client))","# + defaultServer + #",srv_port="8080""#
        if !peerSrc { text += "," + defaultRoute }
        return Array(text.utf8)
    }

    /// The inbound proxy's plaintext connections to its own application.
    static func inboundToApp(_ proxy: SyntheticProxy) -> [UInt8] {
        let ip = escaped(proxy.podIP)
        return Array((#"direction="inbound",peer="dst",target_addr="\#(ip):8080",target_ip="\#(ip)","#
            + #"target_port="8080",tls="no_identity",no_tls_reason="loopback""#).utf8)
    }

    /// The application's plaintext connections to the outbound proxy, addressed to the Service IP.
    static func outboundFromApp(_ peer: SyntheticPeer) -> [UInt8] {
        let ip = serviceIP(peer.workload)
        return Array((#"direction="outbound",peer="src",target_addr="\#(ip):80",target_ip="\#(ip)","#
            + #"target_port="80",tls="no_identity",no_tls_reason="loopback""#).utf8)
    }

    /// Endpoint labels of one peer pod; `peerDst` gives the transport form (no `authority`).
    static func outbound(_ peer: SyntheticPeer, pod: String, peerDst: Bool = false) -> [UInt8] {
        let w = peer.workload
        let ip = podIP(pod, namespace: w.namespace)
        var text = peerDst ? #"direction="outbound",peer="dst","#
            : #"direction="outbound",authority="\#(escaped(w.name)).\#(escaped(w.namespace)).svc.cluster.local:80","#
        text += #"target_addr="\#(ip):8080",target_ip="\#(ip)",target_port="8080","#
        text += peer.tls
            ? #"tls="true",server_id="\#(escaped(identity(serviceAccount: w.name, namespace: w.namespace)))""#
            : #"tls="no_identity",no_tls_reason="not_provided_by_service_discovery""#
        for (key, value) in destination(w, pod: pod) { text += #",dst_\#(key)="\#(escaped(value))""# }
        return Array(text.utf8)
    }

    /// Destination API metric labels of a pod, sorted by key as the proxy's `BTreeMap` is.
    static func destination(_ w: WorkloadRef, pod: String) -> [(String, String)] {
        var labels = [
            ("control_plane_ns", "linkerd"), ("namespace", w.namespace), ("pod", pod),
            ("service", w.name), ("serviceaccount", w.name), ("zone", ""), ("zone_locality", "unknown"),
        ]
        if let owner = WorkloadRef.labelKinds.first(where: { $0.kind == w.kind && $0.label != "job" }) {
            labels.append((owner.label, w.name))
        }
        let parts = pod.split(separator: "-")
        if w.kind == "deployment", parts.count >= 3, pod.hasPrefix(w.name + "-") {
            labels.append(("pod_template_hash", String(parts[parts.count - 2])))
        }
        return labels.sorted { $0.0 < $1.0 }
    }

    /// The default HTTP route of the peer's Service, as the policy router labels it.
    static func route(_ peer: SyntheticPeer) -> [UInt8] {
        let w = peer.workload
        return Array((#"parent_group="core",parent_kind="Service",parent_namespace="\#(escaped(w.namespace))","#
            + #"parent_name="\#(escaped(w.name))",parent_port="80",parent_section_name="",route_group="","#
            + #"route_kind="default",route_namespace="",route_name="http",hostname="""#).utf8)
    }

    /// A stable pod IP in 10.42.0.0/16 derived from the pod's name.
    static func podIP(_ pod: String, namespace: String) -> String {
        let h = fnv1a(namespace + "/" + pod)
        return "10.42.\(h >> 8 & 0xff).\(h % 253 + 1)"
    }

    /// A stable ClusterIP in 10.43.0.0/16 derived from the Service's name.
    static func serviceIP(_ w: WorkloadRef) -> String {
        let h = fnv1a(w.namespace + "/" + w.name)
        return "10.43.\(h >> 8 & 0xff).\(h % 253 + 1)"
    }

    /// `value` escaped for a label: backslash, double quote and newline.
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else { return value }
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
