import MeshModel

extension DemoMesh {
    /// Everything `proxy` reports at `t` (ms): each planned series counted, labelled and turned
    /// into counters. Series that don't exist yet (or any more) and statuses never seen are left out.
    func report(_ proxy: Int, at t: Int64) -> ProxyReport {
        let plan = plan(proxy)
        let me = proxies[proxy]
        var report = ProxyReport()
        if let tally = tally(plan.admin, owner: proxy, at: t) {
            report.add(endpoint: ProxyLabels.inboundAdmin(), transport: ProxyLabels.inboundAdmin(peerSrc: true),
                       statuses: statuses(plan.admin, tally), tally: tally, open: 1, peerSrc: true,
                       requestBytes: 120, responseBytes: 2_400)
        }
        for inbound in plan.inbound {
            guard let tally = tally(inbound.series, owner: proxy, at: t) else { continue }
            report.add(endpoint: ProxyLabels.inbound(podIP: me.podIP, tls: inbound.tls),
                       transport: ProxyLabels.inbound(podIP: me.podIP, tls: inbound.tls, peerSrc: true),
                       statuses: statuses(inbound.series, tally), tally: tally,
                       open: ConnectionPool.open(rps: steadyRate(inbound.series)), peerSrc: true)
        }
        if let app = plan.inboundApp, let tally = tally(app, owner: proxy, at: t), tally.requests >= 1 {
            report.transports.append(ConnectionPool.series(
                labels: ProxyLabels.inboundToApp(podIP: me.podIP), open: ConnectionPool.open(rps: steadyRate(app)),
                requests: tally.requests, elapsed: tally.elapsedSeconds, peerSrc: false))
        }
        for outbound in plan.outbound { add(outbound, from: proxy, at: t, to: &report) }
        let start = processStart(proxy, at: t)
        let elapsed = Double(t - start) / 1000
        let load = (plan.inbound.map(\.series) + plan.outbound.map(\.app)).reduce(0) { $0 + steadyRate($1) }
        report.cpuSeconds = max(0, elapsed * (0.0005 + 0.00002 * load))
        report.residentBytes = 14_680_064 + 65_536 * UInt64(report.endpoints.count)
        report.startTimeSeconds = epochSeconds + Double(start) / 1000
        return report
    }

    private func add(_ outbound: DemoProxyPlan.Outbound, from proxy: Int, at t: Int64, to report: inout ProxyReport) {
        let dst = graph.workloads[graph.edges[outbound.edge].dst]
        let external = dst.membership == .external
        if let tally = tally(outbound.app, owner: proxy, at: t), tally.requests >= 1 {
            let ip = external ? ProxyLabels.externalIP(dst.ref.name) : ProxyLabels.serviceIP(dst.ref)
            report.transports.append(ConnectionPool.series(
                labels: ProxyLabels.outboundFromApp(ip: ip, port: external ? 443 : 80),
                open: ConnectionPool.open(rps: steadyRate(outbound.app)), requests: tally.requests,
                elapsed: tally.elapsedSeconds, peerSrc: true))
        }
        for endpoint in outbound.endpoints {
            guard let tally = tally(endpoint.series, owner: proxy, at: t) else { continue }
            let labels = endpointLabels(dst, pod: endpoint.dstPod)
            report.add(endpoint: labels.endpoint, transport: labels.transport,
                       statuses: statuses(endpoint.series, tally), tally: tally,
                       open: ConnectionPool.open(rps: steadyRate(endpoint.series)), peerSrc: false)
        }
        if let route = outbound.route, let tally = tally(route, owner: proxy, at: t) {
            let byCode = [(code: 200, terms: terms(route, tally.ok)), (code: 500, terms: terms(route, tally.failed))]
                .filter { Counter.floor($0.terms.reduce(0) { $0 + $1.requests }) > 0 }
            if !byCode.isEmpty { report.routes.append(RouteSeries(labels: ProxyLabels.route(dst.ref), byCode: byCode)) }
        }
    }

    /// The endpoint and transport labels of calls to `dst`: one of its pods, or an external host.
    private func endpointLabels(_ dst: DemoWorkload, pod: Int?) -> (endpoint: [UInt8], transport: [UInt8]) {
        guard let pod else {
            let authority = dst.ref.name
            let host = String(authority.prefix { $0 != ":" })
            let port = Int(authority.split(separator: ":").last ?? "") ?? 443
            let ip = ProxyLabels.externalIP(host)
            return (ProxyLabels.outboundExternal(authority: authority, ip: ip, port: port),
                    ProxyLabels.outboundExternal(authority: authority, ip: ip, port: port, peerDst: true))
        }
        let peer = ProxyLabels.Peer(workload: dst.ref, serviceAccount: dst.serviceAccount,
                                    pod: proxies[pod].pod, podIP: proxies[pod].podIP, tls: true)
        return (ProxyLabels.outbound(peer), ProxyLabels.outbound(peer, peerDst: true))
    }

    /// `200` from the successes and `500` from the failures, each only once it has counted one.
    private func statuses(_ series: DemoSeries, _ tally: DemoTally) -> [StatusSeries] {
        [StatusSeries(code: 200, terms: terms(series, tally.ok)), StatusSeries(code: 500, terms: terms(series, tally.failed))]
            .filter { $0.count > 0 }
    }

    /// The non-empty slots of a tally as latency terms, in slot order.
    private func terms(_ series: DemoSeries, _ amounts: [Double]) -> [LatencyTerm] {
        amounts.indices.compactMap { slot in
            amounts[slot] > 0 ? LatencyTerm(requests: amounts[slot], latency: latency(series, slot: slot)) : nil
        }
    }
}

extension ProxyReport {
    /// An endpoint series and the transport series of its connections, when any status has
    /// counted a response.
    mutating func add(endpoint: [UInt8], transport: [UInt8], statuses: [StatusSeries], tally: DemoTally,
                      open: UInt64, peerSrc: Bool, requestBytes: Double = 350, responseBytes: Double = 1_100) {
        guard !statuses.isEmpty else { return }
        endpoints.append(EndpointSeries(labels: endpoint, statuses: statuses))
        transports.append(ConnectionPool.series(
            labels: transport, open: open, requests: tally.requests, elapsed: tally.elapsedSeconds,
            peerSrc: peerSrc, requestBytes: requestBytes, responseBytes: responseBytes))
    }
}
