/// One side of a request as the Top view names it: its pod, its workload, or its IP.
public struct TapPeer: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The peer's namespace, when tap knows it.
    public var namespace: String
    /// `web-5d4f-xk2p9` (a pod), `deploy/web` (a workload), or `10.42.0.7` (an IP).
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// Names `endpoint` by its labels, else by its IP without the port.
    public init(_ endpoint: TapEndpoint, naming: TapPeerNaming) {
        let namespace = endpoint.labels["namespace"] ?? ""
        if naming == .workload, let workload = Self.workload(endpoint.labels) {
            self.init(namespace: namespace, name: workload)
        } else if let pod = endpoint.labels["pod"], !pod.isEmpty {
            self.init(namespace: namespace, name: pod)
        } else {
            self.init(namespace: namespace, name: endpoint.address.ip.description)
        }
    }

    public var description: String { name }

    public static func < (lhs: TapPeer, rhs: TapPeer) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }

    /// The owner label that names a workload, most specific owner first (a deployment's pods
    /// also carry their replica set; a cron job's, their job).
    private static let owners: [(label: String, kind: TapResourceKind)] = [
        ("deployment", .deployment), ("statefulset", .statefulSet), ("daemonset", .daemonSet),
        ("cronjob", .cronJob), ("k8s_job", .job), ("job", .job),
        ("replicationcontroller", .replicationController), ("replicaset", .replicaSet),
    ]

    private static func workload(_ labels: [String: String]) -> String? {
        for owner in owners {
            if let name = labels[owner.label], !name.isEmpty { return "\(owner.kind.shortName)/\(name)" }
        }
        return nil
    }
}

/// How the Top view names the two sides of a request.
public enum TapPeerNaming: Hashable, Sendable {
    /// By the `pod` label, else the IP: `linkerd viz top`'s rows.
    case pod
    /// By the owner workload's label (`deploy/web`), else the pod, else the IP: one row for all
    /// the pods of a workload.
    case workload
}
