import MeshModel

/// Pod names, IPs, nodes and `/env.json` of the demo's proxies.
enum DemoNaming {
    /// The meshed pods of every workload, in workload order, recorded in `graph`.
    static func proxies(_ graph: inout DemoGraph, seed: UInt64) -> [DemoProxy] {
        var proxies: [DemoProxy] = []
        for (w, workload) in graph.workloads.enumerated() where graph.isMeshed(w) {
            var names = PodNames(workload.ref, seed: seed)
            for _ in 0..<max(0, workload.pods) {
                proxies.append(proxy(index: proxies.count, workload, pod: names.next()))
                graph.addProxy(workload: w, steady: true)
            }
        }
        return proxies
    }

    /// One more pod of workload `w`, named as its controller would name the next one.
    static func addedProxy(_ graph: inout DemoGraph, workload w: Int, index: Int, seed: UInt64) -> DemoProxy {
        let workload = graph.workloads[w]
        var names = PodNames(workload.ref, seed: seed)
        for _ in 0..<graph.pods[w].count { _ = names.next() }
        graph.addProxy(workload: w, steady: false)
        return proxy(index: index, workload, pod: names.next())
    }

    private static func proxy(index: Int, _ workload: DemoWorkload, pod: String) -> DemoProxy {
        DemoProxy(index: index, workload: workload.ref, pod: pod,
                  podIP: "10.42.\(index / 250).\(index % 250 + 2)", serviceAccount: workload.serviceAccount,
                  node: "demo-worker-\(index % 3 + 1)")
    }

    /// The env vars of the proxy container, expanded as the kubelet expands `$(VAR)` references.
    static func environment(_ proxy: DemoProxy) -> [String: String] {
        let ns = proxy.workload.namespace
        let identity = ProxyLabels.identity(serviceAccount: proxy.serviceAccount, namespace: ns)
        return [
            "_pod_name": proxy.pod, "_pod_ns": ns, "_pod_sa": proxy.serviceAccount, "_pod_ip": proxy.podIP,
            "_pod_nodeName": proxy.node, "_l5d_ns": "linkerd", "_l5d_trustdomain": "cluster.local",
            "LINKERD2_PROXY_IDENTITY_LOCAL_NAME": identity,
            "LINKERD2_PROXY_IDENTITY_SERVER_NAME": identity,
            "LINKERD2_PROXY_IDENTITY_DIR": "/var/run/linkerd/identity/end-entity",
            "LINKERD2_PROXY_DESTINATION_SVC_ADDR": "linkerd-dst-headless.linkerd.svc.cluster.local.:8086",
            "LINKERD2_PROXY_DESTINATION_SVC_NAME": "linkerd-destination.linkerd.serviceaccount.identity.linkerd.cluster.local",
            "LINKERD2_PROXY_DESTINATION_CONTEXT": #"{"ns":"\#(ns)", "nodeName":"\#(proxy.node)", "pod":"\#(proxy.pod)"}"#,
            "LINKERD2_PROXY_POLICY_WORKLOAD": #"{"ns":"\#(ns)", "pod":"\#(proxy.pod)"}"#,
            "LINKERD2_PROXY_ADMIN_LISTEN_ADDR": "0.0.0.0:4191",
            "LINKERD2_PROXY_CONTROL_LISTEN_ADDR": "0.0.0.0:4190",
            "LINKERD2_PROXY_INBOUND_LISTEN_ADDR": "0.0.0.0:4143",
            "LINKERD2_PROXY_OUTBOUND_LISTEN_ADDR": "127.0.0.1:4140",
            "LINKERD2_PROXY_LOG": "warn,linkerd=info,hickory=error",
            "LINKERD2_PROXY_LOG_FORMAT": "plain",
        ]
    }
}

/// Pod names in the shape Kubernetes gives each kind, drawn from the seed and the workload:
/// `web-<10-char ReplicaSet hash>-<5 chars>` for a Deployment, `db-0`, `db-1`… for a
/// StatefulSet, `name-<5 chars>` otherwise.
private struct PodNames {
    private let workload: WorkloadRef
    private var rng: SplitMix64
    private let hash: String
    private var used = Set<String>()
    private var ordinal = 0

    init(_ workload: WorkloadRef, seed: UInt64) {
        self.workload = workload
        rng = SplitMix64(seed: seed ^ ProxyLabels.fnv1a(workload.description))
        hash = rng.token(10)
    }

    mutating func next() -> String {
        defer { ordinal += 1 }
        if workload.kind == "statefulset" { return "\(workload.name)-\(ordinal)" }
        while true {
            let name = workload.kind == "deployment"
                ? "\(workload.name)-\(hash)-\(rng.token(5))" : "\(workload.name)-\(rng.token(5))"
            if used.insert(name).inserted { return name }
        }
    }
}
