import Exposition
import MeshModel

/// A part of some traffic: a rate with its success ratio and latency.
private struct TrafficPart {
    var rps: Double
    var success: Double
    var latency: LatencyDistribution
}

extension DemoMesh {
    /// What meshtop should report in the steady scenario over any window, computed from the
    /// topology rather than from bodies:
    /// - per meshed workload, its pods' inbound traffic (the admin port left out);
    /// - per edge from a meshed workload, keyed as meshtop keys outbound series (`dst_<kind>`
    ///   and `dst_namespace`, else the `authority`), with mTLS, `no_tls_reason` and `server_id`;
    /// - per pod, its inbound traffic.
    ///
    /// Quantiles are Prometheus's `histogram_quantile` over the model's exact bucket shares;
    /// TCP figures are the steady pools and byte rates. `generatedAtMs` is 0, `targets` empty.
    public func truth(windowSeconds: Double) -> Snapshot {
        var workloads: [WorkloadStats] = []
        var pods: [PodStats] = []
        for w in graph.workloads.indices where graph.isMeshed(w) && graph.steadyPods[w] > 0 {
            let n = graph.steadyPods[w]
            let ref = graph.workloads[w].ref
            workloads.append(WorkloadStats(workload: ref, meshedPods: n, totalPods: n,
                                           metrics: inboundTruth(w, pods: Array(graph.pods[w].prefix(n)))))
            for pod in graph.pods[w].prefix(n) {
                pods.append(PodStats(pod: proxies[pod].pod, workload: ref, metrics: inboundTruth(w, pods: [pod])))
            }
        }
        return Snapshot(
            generatedAtMs: 0, windowSeconds: windowSeconds, workloads: workloads.sorted { $0.workload < $1.workload },
            edges: edgeTruths().sorted { ($0.src, $0.dst) < ($1.src, $1.dst) },
            pods: pods.sorted { ($0.workload, $0.pod) < ($1.workload, $1.pod) }, targets: [])
    }

    /// Inbound golden metrics of the steady `pods` of workload `w`: their share of its callers'
    /// edges, and the connection pools their bodies report.
    private func inboundTruth(_ w: Int, pods: [Int]) -> GoldenMetrics {
        let share = Double(pods.count) / Double(graph.steadyPods[w])
        let parts = graph.incoming[w].map { e in
            let edge = graph.edges[e]
            return TrafficPart(rps: edge.rps * share, success: edge.success, latency: edge.latency[0])
        }
        let open = pods.reduce(0) { total, pod in
            let plan = plan(pod)
            return total + openConnections(plan.inbound.map(\.series) + (plan.inboundApp.map { [$0] } ?? []))
        }
        return golden(parts, open: open, readBytes: 350, writeBytes: 1_100)
    }

    /// The connections the steady series among `series` keep open.
    private func openConnections(_ series: [DemoSeries]) -> Double {
        series.reduce(0) { total, s in
            let rps = steadyRate(s)
            return rps > 0 ? total + Double(ConnectionPool.open(rps: rps)) : total
        }
    }

    /// One edge per (meshed caller, callee) pair, as meshtop merges its outbound series.
    private func edgeTruths() -> [EdgeStats] {
        var order: [DemoEdgeID] = []
        var merged: [DemoEdgeID: (parts: [TrafficPart], open: Double, dst: Int)] = [:]
        for (e, edge) in graph.edges.enumerated() where graph.isMeshed(edge.src) && graph.steadyPods[edge.src] > 0 {
            let id = DemoEdgeID(src: graph.workloads[edge.src].ref, dst: graph.workloads[edge.dst].ref)
            if merged[id] == nil { order.append(id) }
            merged[id, default: ([], 0, edge.dst)].parts.append(
                TrafficPart(rps: edge.rps, success: edge.success, latency: edge.latency[0]))
            for pod in graph.pods[edge.src].prefix(graph.steadyPods[edge.src]) {
                let calls = plan(pod).outbound.filter { $0.edge == e }
                merged[id]!.open += openConnections(calls.flatMap { $0.endpoints.map(\.series) })
            }
        }
        return order.map { id in
            let entry = merged[id]!
            let meshed = graph.isMeshed(entry.dst)
            return EdgeStats(
                src: id.src, dst: id.dst,
                metrics: golden(entry.parts, open: entry.open, readBytes: 1_100, writeBytes: 350),
                mtls: meshed, noTLSReason: meshed ? "" : "not_provided_by_service_discovery",
                serverID: meshed ? graph.identity(entry.dst) : "")
        }
    }

    /// Golden metrics of traffic made of `parts`: rates add, success is rate-weighted, quantiles
    /// come from the summed bucket shares. No traffic: no data.
    private func golden(_ parts: [TrafficPart], open: Double, readBytes: Double, writeBytes: Double) -> GoldenMetrics {
        let rps = parts.reduce(0) { $0 + $1.rps }
        guard rps > 0 else { return GoldenMetrics() }
        var buckets = LatencyDistribution.legacyBoundsMs.indices.map { b in
            Bucket(upperBound: LatencyDistribution.legacyBoundsMs[b],
                   count: parts.reduce(0) { $0 + $1.rps * $1.latency.legacyShares[b] })
        }
        buckets.append(Bucket(upperBound: .infinity, count: rps))
        func quantile(_ q: Double) -> Double? {
            let v = HistogramQuantile.quantile(q, buckets: buckets)
            return v.isFinite ? v : nil
        }
        return GoldenMetrics(
            rps: rps, success: parts.reduce(0) { $0 + $1.rps * $1.success } / rps,
            latencyP50: quantile(0.5), latencyP95: quantile(0.95), latencyP99: quantile(0.99),
            tcpOpenConnections: open, tcpReadBytesRate: rps * readBytes, tcpWriteBytesRate: rps * writeBytes)
    }
}
