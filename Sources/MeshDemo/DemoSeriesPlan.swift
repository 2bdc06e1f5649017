/// Requests of one edge that one series counts: the edge's traffic shared evenly over the running
/// pods of its source (this proxy's share when `srcPod` is set; all of it otherwise) and of its
/// destination (likewise with `dstPod`).
struct DemoFlow: Sendable {
    /// The edge's index in the graph, or `DemoFlow.admin`.
    var edge: Int
    var srcPod: Int?
    var dstPod: Int?

    /// The edge index of the admin port's own traffic: Prometheus scraping `/metrics`.
    static let admin = -1
}

/// What one series counts, and whether the proxy drops it after the retention time idle.
struct DemoSeries: Sendable {
    var flows: [DemoFlow]
    var expires = true
}

/// Every series one proxy reports, before anything is counted.
struct DemoProxyPlan {
    /// Traffic to the application port from one kind of caller (a client identity, or plaintext).
    struct Inbound {
        var tls: ProxyLabels.InboundTLS
        var series: DemoSeries
    }

    /// Traffic to one pod of a meshed callee (`dstPod`), or to an external host (`dstPod` nil).
    struct Endpoint {
        var dstPod: Int?
        var series: DemoSeries
    }

    /// Everything about one called edge: per-pod endpoints, the application's own connections to
    /// the outbound proxy, and the policy router's route (none for an external host).
    struct Outbound {
        var edge: Int
        var endpoints: [Endpoint]
        var app: DemoSeries
        var route: DemoSeries?
    }

    var admin: DemoSeries
    var inbound: [Inbound]
    /// The inbound proxy's connections to its application: every inbound flow.
    var inboundApp: DemoSeries?
    var outbound: [Outbound]
}

extension DemoMesh {
    /// The series of `proxy`: inbound grouped by caller identity (every unmeshed caller shares
    /// one plaintext series), outbound per callee pod.
    func plan(_ proxy: Int) -> DemoProxyPlan {
        let w = graph.workloadOf[proxy]
        var callers: [ProxyLabels.InboundTLS: [DemoFlow]] = [:]
        for e in graph.incoming[w] {
            let src = graph.edges[e].src
            let tls: ProxyLabels.InboundTLS = graph.isMeshed(src)
                ? .client(graph.identity(src)) : .noIdentity("no_tls_from_remote")
            callers[tls, default: []].append(DemoFlow(edge: e, dstPod: proxy))
        }
        let inbound = callers.keys.sorted().map { DemoProxyPlan.Inbound(tls: $0, series: DemoSeries(flows: callers[$0]!)) }
        let allInbound = inbound.flatMap(\.series.flows)
        return DemoProxyPlan(
            admin: DemoSeries(flows: [DemoFlow(edge: DemoFlow.admin)], expires: false),
            inbound: inbound,
            inboundApp: allInbound.isEmpty ? nil : DemoSeries(flows: allInbound),
            outbound: graph.outgoing[w].map { outbound(proxy, edge: $0) })
    }

    private func outbound(_ proxy: Int, edge e: Int) -> DemoProxyPlan.Outbound {
        let dst = graph.edges[e].dst
        let share = DemoFlow(edge: e, srcPod: proxy)
        guard graph.isMeshed(dst) else {
            return DemoProxyPlan.Outbound(edge: e, endpoints: [.init(dstPod: nil, series: DemoSeries(flows: [share]))],
                                          app: DemoSeries(flows: [share]), route: nil)
        }
        let endpoints = graph.pods[dst].map { pod in
            DemoProxyPlan.Endpoint(dstPod: pod, series: DemoSeries(flows: [DemoFlow(edge: e, srcPod: proxy, dstPod: pod)]))
        }
        return DemoProxyPlan.Outbound(edge: e, endpoints: endpoints, app: DemoSeries(flows: [share]),
                                      route: DemoSeries(flows: [share], expires: false))
    }
}
