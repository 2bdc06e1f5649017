import MeshModel

/// One workload of a demo mesh: who it is, how many pods run it, and whether they carry a proxy.
public struct DemoWorkload: Sendable, Hashable {
    /// Where a workload sits relative to the mesh.
    public enum Membership: Sendable, Hashable {
        /// Its pods run linkerd2-proxy: they are scraped and speak mTLS.
        case meshed
        /// Pods in the cluster without a proxy: seen only as plaintext callers of meshed pods.
        case unmeshed
        /// A host outside the cluster, called by name; `ref` is `authority/<host:port>` with no
        /// namespace, as meshtop names an outbound peer that has only an `authority` label.
        case external
    }

    /// The workload; for an external host, `WorkloadRef(namespace: "", kind: "authority", name: "host:port")`.
    public var ref: WorkloadRef
    /// How many pods run it in the steady state (0 for an external host).
    public var pods: Int
    /// Whether its pods are meshed, unmeshed or outside the cluster.
    public var membership: Membership
    /// The pods' ServiceAccount: the first part of their mTLS identity.
    public var serviceAccount: String

    /// A workload.
    public init(ref: WorkloadRef, pods: Int, membership: Membership = .meshed, serviceAccount: String) {
        self.ref = ref
        self.pods = pods
        self.membership = membership
        self.serviceAccount = serviceAccount
    }

    /// A host outside the mesh, called at `authority` (`host:port`).
    public static func external(_ authority: String) -> DemoWorkload {
        DemoWorkload(ref: WorkloadRef(namespace: "", kind: "authority", name: authority), pods: 0,
                     membership: .external, serviceAccount: "")
    }
}

/// Calls from one workload to another in the steady state.
public struct DemoEdge: Sendable, Hashable {
    /// The caller.
    public var src: WorkloadRef
    /// The callee.
    public var dst: WorkloadRef
    /// Requests per second over all pods of `src` to all pods of `dst`.
    public var rps: Double
    /// Fraction of responses that succeed, 0…1; the rest are `500`s.
    public var successRatio: Double
    /// Median latency, in ms.
    public var latencyP50Ms: Double
    /// 99th-percentile latency, in ms; with the median it fixes a log-normal distribution.
    public var latencyP99Ms: Double

    /// Who calls whom.
    public var id: DemoEdgeID { DemoEdgeID(src: src, dst: dst) }

    /// An edge.
    public init(src: WorkloadRef, dst: WorkloadRef, rps: Double, successRatio: Double,
                latencyP50Ms: Double, latencyP99Ms: Double) {
        self.src = src
        self.dst = dst
        self.rps = rps
        self.successRatio = successRatio
        self.latencyP50Ms = latencyP50Ms
        self.latencyP99Ms = latencyP99Ms
    }
}

/// An edge's identity: who calls whom.
public struct DemoEdgeID: Sendable, Hashable, CustomStringConvertible {
    /// The caller.
    public var src: WorkloadRef
    /// The callee.
    public var dst: WorkloadRef

    /// The edge from `src` to `dst`.
    public init(src: WorkloadRef, dst: WorkloadRef) {
        self.src = src
        self.dst = dst
    }

    /// `src -> dst`, each as `namespace/kind/name`.
    public var description: String { "\(src) -> \(dst)" }
}

/// Which workloads and edges the scripted events of the `events` scenario hit.
public struct DemoEventTargets: Sendable, Hashable {
    /// The workload that is deployed, and whose success ratio drops meanwhile.
    public var deploy: WorkloadRef?
    /// The edge whose latency spikes.
    public var latencySpike: DemoEdgeID?
    /// The workload whose first pod restarts.
    public var restart: WorkloadRef?
    /// The workload that scales up by one pod and back down (a meshed Deployment or StatefulSet).
    public var scale: WorkloadRef?
    /// The edge that goes idle.
    public var idle: DemoEdgeID?

    /// Targets; nil ones skip their event.
    public init(deploy: WorkloadRef? = nil, latencySpike: DemoEdgeID? = nil, restart: WorkloadRef? = nil,
                scale: WorkloadRef? = nil, idle: DemoEdgeID? = nil) {
        self.deploy = deploy
        self.latencySpike = latencySpike
        self.restart = restart
        self.scale = scale
        self.idle = idle
    }
}

/// A demo mesh's shape: its workloads, the steady traffic between them, and who the scripted
/// events hit.
public struct DemoTopology: Sendable, Hashable {
    /// The name it was built from, e.g. `emojivoto` or `synthetic:200`.
    public var name: String
    /// Every workload, meshed or not; edges refer to them by `ref`.
    public var workloads: [DemoWorkload]
    /// The steady traffic.
    public var edges: [DemoEdge]
    /// Who the events scenario's events hit.
    public var eventTargets: DemoEventTargets

    /// A topology; every edge's `src` and `dst` must name one of `workloads`, and an edge's
    /// `src` must not be external.
    public init(name: String, workloads: [DemoWorkload], edges: [DemoEdge], eventTargets: DemoEventTargets) {
        self.name = name
        self.workloads = workloads
        self.edges = edges
        self.eventTargets = eventTargets
    }

    /// The names `named(_:seed:)` knows, for help texts.
    public static let knownNames = ["emojivoto", "booksapp", "synthetic:N"]

    /// The most pods `synthetic:N` builds.
    public static let maxSyntheticPods = 2_000

    /// The topology called `name`: `emojivoto`, `booksapp`, or `synthetic:N` with N pods
    /// (1…2000), whose generated graph depends on `seed`.
    public static func named(_ name: String, seed: UInt64 = 0) throws(DemoTopologyError) -> DemoTopology {
        switch name {
        case "emojivoto": return emojivoto()
        case "booksapp": return booksapp()
        default:
            guard name.hasPrefix("synthetic:") else { throw .unknownName(name) }
            let count = name.dropFirst("synthetic:".count)
            guard let pods = Int(count), (1...maxSyntheticPods).contains(pods) else {
                throw .badPodCount(String(count))
            }
            return synthetic(pods: pods, seed: seed)
        }
    }
}

/// Why `DemoTopology.named` found no topology.
public enum DemoTopologyError: Error, Equatable, CustomStringConvertible {
    /// Not a topology name at all.
    case unknownName(String)
    /// `synthetic:N` with an N that is not a whole number in 1…2000.
    case badPodCount(String)

    /// What went wrong and what would work.
    public var description: String {
        switch self {
        case .unknownName(let name):
            "unknown demo topology '\(name)': use emojivoto, booksapp or synthetic:N (N pods, 1…\(DemoTopology.maxSyntheticPods))"
        case .badPodCount(let count):
            "synthetic:\(count): the pod count must be a whole number from 1 to \(DemoTopology.maxSyntheticPods)"
        }
    }
}
