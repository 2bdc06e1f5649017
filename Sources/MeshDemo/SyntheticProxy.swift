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

/// A simulated linkerd2-proxy whose `/metrics` body is generated from fixed rates and elapsed time,
/// for parse benchmarks (`SyntheticExposition`); the demo mesh (`DemoMesh`) models changing traffic.
///
/// Every counter is a rate times `elapsedSeconds`, rounded down, so the same inputs give the same
/// bytes, and a larger `elapsedSeconds` never makes a counter go down. Latency is log-normal
/// around the median, with the 99th percentile at 3.2 × the median.
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

// MARK: - Building the report

extension ProxyReport {
    /// The report of a `SyntheticProxy`: the admin port, inbound traffic per client, then each peer.
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
        let statuses = SyntheticMix.statuses(rps: 0.2, mix: [(200, 1)], medianMs: 0.6, elapsed: t)
        endpoints.append(EndpointSeries(labels: ProxyLabels.inboundAdmin(), statuses: statuses))
        transports.append(ConnectionPool.series(
            labels: ProxyLabels.inboundAdmin(peerSrc: true), open: 1, requests: 0.2 * t, elapsed: t,
            reconnectRate: 0.2, peerSrc: true, requestBytes: 120, responseBytes: 2_400))
    }

    private mutating func addInbound(_ proxy: SyntheticProxy) {
        guard proxy.inboundRPS > 0 else { return }
        let clients = proxy.inboundClients.isEmpty
            ? [ProxyLabels.identity(serviceAccount: "default", namespace: proxy.namespace)] : proxy.inboundClients
        let rps = proxy.inboundRPS / Double(clients.count)
        let mix = SyntheticMix.mix(successRate: proxy.successRate, codes: [200])
        let t = proxy.elapsedSeconds
        for client in clients {
            let statuses = SyntheticMix.statuses(rps: rps, mix: mix, medianMs: proxy.latencyMs, elapsed: t)
            endpoints.append(EndpointSeries(
                labels: ProxyLabels.inbound(podIP: proxy.podIP, tls: .client(client)), statuses: statuses))
            transports.append(ConnectionPool.series(
                labels: ProxyLabels.inbound(podIP: proxy.podIP, tls: .client(client), peerSrc: true),
                open: ConnectionPool.open(rps: rps), requests: rps * t, elapsed: t, peerSrc: true))
        }
        transports.append(ConnectionPool.series(
            labels: ProxyLabels.inboundToApp(podIP: proxy.podIP), open: ConnectionPool.open(rps: proxy.inboundRPS),
            requests: proxy.inboundRPS * t, elapsed: t, peerSrc: false))
    }

    private mutating func addPeer(_ peer: SyntheticPeer, elapsed t: Double) {
        let pods = peer.pods.isEmpty ? [peer.workload.name] : peer.pods
        let rps = peer.rps / Double(pods.count)
        let mix = SyntheticMix.mix(successRate: peer.successRate, codes: peer.statusCodes)
        transports.append(ConnectionPool.series(
            labels: ProxyLabels.outboundFromApp(ip: ProxyLabels.serviceIP(peer.workload), port: 80),
            open: ConnectionPool.open(rps: peer.rps), requests: peer.rps * t, elapsed: t, peerSrc: true))
        for pod in pods {
            let target = ProxyLabels.Peer(
                workload: peer.workload, serviceAccount: peer.workload.name, pod: pod,
                podIP: ProxyLabels.podIP(pod, namespace: peer.workload.namespace), tls: peer.tls)
            let statuses = SyntheticMix.statuses(rps: rps, mix: mix, medianMs: peer.latencyMs, elapsed: t)
            endpoints.append(EndpointSeries(labels: ProxyLabels.outbound(target), statuses: statuses))
            transports.append(ConnectionPool.series(
                labels: ProxyLabels.outbound(target, peerDst: true), open: ConnectionPool.open(rps: rps),
                requests: rps * t, elapsed: t, peerSrc: false))
        }
        let latency = SyntheticMix.latency(medianMs: peer.latencyMs)
        routes.append(RouteSeries(labels: ProxyLabels.route(peer.workload), byCode: mix.map { entry in
            (code: entry.code, terms: [LatencyTerm(requests: peer.rps * entry.share * t, latency: latency)])
        }))
    }
}

// MARK: - Status mix

/// Fixed-rate traffic: a status mix and a latency shape around a median.
enum SyntheticMix {
    /// The latency around `medianMs`: log-normal, p99 at 3.2 × the median.
    static func latency(medianMs: Double) -> LatencyDistribution {
        LatencyDistribution(p50Ms: medianMs, p99Ms: medianMs * 3.2)
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
        let latency = latency(medianMs: medianMs)
        return mix.map { entry in
            StatusSeries(code: entry.code, terms: [LatencyTerm(requests: rps * entry.share * elapsed, latency: latency)])
        }
    }
}
