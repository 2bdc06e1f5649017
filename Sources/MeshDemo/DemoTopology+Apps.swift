import MeshModel

extension DemoTopology {
    /// Linkerd's emojivoto demo, plus what operators meet in real clusters: an unmeshed load
    /// generator in another namespace calling `web`, and `web` calling an API outside the mesh.
    ///
    /// `vote-bot` runs as the `default` ServiceAccount, as in the real manifests.
    static func emojivoto() -> DemoTopology {
        let ns = "emojivoto"
        let voteBot = deployment(ns, "vote-bot")
        let web = deployment(ns, "web")
        let emoji = deployment(ns, "emoji")
        let voting = deployment(ns, "voting")
        let loadgen = deployment("ingress", "loadgen")
        let api = DemoWorkload.external("api.example.com:443")
        let workloads = [
            DemoWorkload(ref: voteBot, pods: 1, serviceAccount: "default"),
            DemoWorkload(ref: web, pods: 2, serviceAccount: "web"),
            DemoWorkload(ref: emoji, pods: 2, serviceAccount: "emoji"),
            DemoWorkload(ref: voting, pods: 2, serviceAccount: "voting"),
            DemoWorkload(ref: loadgen, pods: 1, membership: .unmeshed, serviceAccount: "default"),
            api,
        ]
        let edges = [
            DemoEdge(src: voteBot, dst: web, rps: 4, successRatio: 0.92, latencyP50Ms: 9, latencyP99Ms: 45),
            DemoEdge(src: loadgen, dst: web, rps: 6, successRatio: 0.98, latencyP50Ms: 11, latencyP99Ms: 60),
            DemoEdge(src: web, dst: emoji, rps: 12, successRatio: 1, latencyP50Ms: 2, latencyP99Ms: 9),
            DemoEdge(src: web, dst: voting, rps: 4.5, successRatio: 0.99, latencyP50Ms: 3, latencyP99Ms: 15),
            DemoEdge(src: web, dst: api.ref, rps: 0.8, successRatio: 0.995, latencyP50Ms: 85, latencyP99Ms: 400),
        ]
        let targets = DemoEventTargets(
            deploy: voting, latencySpike: DemoEdgeID(src: web, dst: emoji), restart: emoji, scale: web,
            idle: DemoEdgeID(src: web, dst: api.ref))
        return DemoTopology(name: "emojivoto", workloads: workloads, edges: edges, eventTargets: targets)
    }

    /// Linkerd's booksapp demo: `traffic` drives `webapp`, which reads `books` and `authors`;
    /// `books` checks `authors`, and that call fails often, as in the real app.
    static func booksapp() -> DemoTopology {
        let ns = "booksapp"
        let traffic = deployment(ns, "traffic")
        let webapp = deployment(ns, "webapp")
        let authors = deployment(ns, "authors")
        let books = deployment(ns, "books")
        let workloads = [
            DemoWorkload(ref: traffic, pods: 1, serviceAccount: "traffic"),
            DemoWorkload(ref: webapp, pods: 3, serviceAccount: "webapp"),
            DemoWorkload(ref: authors, pods: 1, serviceAccount: "authors"),
            DemoWorkload(ref: books, pods: 1, serviceAccount: "books"),
        ]
        let edges = [
            DemoEdge(src: traffic, dst: webapp, rps: 7.5, successRatio: 0.88, latencyP50Ms: 25, latencyP99Ms: 190),
            DemoEdge(src: webapp, dst: books, rps: 8, successRatio: 0.72, latencyP50Ms: 6, latencyP99Ms: 95),
            DemoEdge(src: webapp, dst: authors, rps: 4.5, successRatio: 1, latencyP50Ms: 4, latencyP99Ms: 33),
            DemoEdge(src: books, dst: authors, rps: 3, successRatio: 0.7, latencyP50Ms: 5, latencyP99Ms: 30),
        ]
        let targets = DemoEventTargets(
            deploy: books, latencySpike: DemoEdgeID(src: webapp, dst: books), restart: authors, scale: webapp,
            idle: DemoEdgeID(src: webapp, dst: authors))
        return DemoTopology(name: "booksapp", workloads: workloads, edges: edges, eventTargets: targets)
    }

    private static func deployment(_ namespace: String, _ name: String) -> WorkloadRef {
        WorkloadRef(namespace: namespace, kind: "deployment", name: name)
    }
}
