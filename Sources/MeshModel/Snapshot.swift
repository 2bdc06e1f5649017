import Exposition

/// Everything meshtop knows about the mesh at one moment: an immutable value that the
/// screen, the JSON encoder and the tables read, and nothing else.
public struct Snapshot: Sendable, Equatable {
    /// When the window ends (the newest scrape), in milliseconds since the epoch.
    public var generatedAtMs: Int64
    /// The length of the window the rates are over.
    public var windowSeconds: Double
    public var workloads: [WorkloadStats]
    public var edges: [EdgeStats]
    public var pods: [PodStats]
    public var targets: [TargetHealth]
    /// What keeps the source from showing all it should (the API server refused to list pods,
    /// a namespace doesn't exist…), one line each, most important first; set by the source.
    public var problems: [String] = []

    public init(generatedAtMs: Int64, windowSeconds: Double, workloads: [WorkloadStats], edges: [EdgeStats],
                pods: [PodStats], targets: [TargetHealth]) {
        self.generatedAtMs = generatedAtMs
        self.windowSeconds = windowSeconds
        self.workloads = workloads
        self.edges = edges
        self.pods = pods
        self.targets = targets
    }
}

/// Golden metrics of one workload, from its own proxies' inbound traffic.
public struct WorkloadStats: Sendable, Equatable {
    public var workload: WorkloadRef
    /// Pods with a proxy (scrape targets) and pods in all, when discovery knows it.
    public var meshedPods: Int
    public var totalPods: Int
    public var metrics: GoldenMetrics
    /// The window's increase of each latency bucket (cumulative, by upper bound in ms, `+Inf`
    /// last): what the quantiles were computed from, for drawing the distribution.
    public var latencyBuckets: [Bucket]

    /// The stats of one workload.
    public init(workload: WorkloadRef, meshedPods: Int, totalPods: Int, metrics: GoldenMetrics,
                latencyBuckets: [Bucket] = []) {
        self.workload = workload
        self.meshedPods = meshedPods
        self.totalPods = totalPods
        self.metrics = metrics
        self.latencyBuckets = latencyBuckets
    }
}

/// Golden metrics of the calls from one workload to another, from the caller's outbound side.
public struct EdgeStats: Sendable, Equatable {
    public var src: WorkloadRef
    public var dst: WorkloadRef
    public var metrics: GoldenMetrics
    /// Whether every series of this edge was mTLS (`tls="true"`).
    public var mtls: Bool
    /// Why some of it was not secured (`no_tls_reason`), joined with `,`; empty when secured.
    public var noTLSReason: String
    /// The peer's mTLS identity (`server_id`), when secured.
    public var serverID: String

    /// The stats of one edge.
    public init(src: WorkloadRef, dst: WorkloadRef, metrics: GoldenMetrics, mtls: Bool, noTLSReason: String,
                serverID: String) {
        self.src = src
        self.dst = dst
        self.metrics = metrics
        self.mtls = mtls
        self.noTLSReason = noTLSReason
        self.serverID = serverID
    }
}

/// Golden metrics of one pod (one proxy).
public struct PodStats: Sendable, Equatable {
    public var pod: String
    public var workload: WorkloadRef
    public var metrics: GoldenMetrics
    /// The URL its proxy is scraped at: the key of its ``TargetHealth``.
    public var url: String

    /// The stats of one pod.
    public init(pod: String, workload: WorkloadRef, metrics: GoldenMetrics, url: String = "") {
        self.pod = pod
        self.workload = workload
        self.metrics = metrics
        self.url = url
    }
}

/// How the newest scrape of one target went.
public struct TargetHealth: Sendable, Equatable {
    public var url: String
    public var pod: String
    public var workload: WorkloadRef
    /// Whether the newest scrape fetched a body.
    public var ok: Bool
    /// What went wrong, in words a user can act on; nil when `ok`.
    public var error: String?
    /// Body size in bytes (after decompression).
    public var bytes: Int
    public var durationMs: Double
    /// Samples read and lines skipped as unreadable in the newest body.
    public var samples: Int
    public var parseErrors: Int
    /// The first unreadable lines, as `line N: reason`.
    public var parseErrorMessages: [String]

    public init(url: String, pod: String, workload: WorkloadRef, ok: Bool, error: String?, bytes: Int,
                durationMs: Double, samples: Int = 0, parseErrors: Int = 0, parseErrorMessages: [String] = []) {
        self.url = url
        self.pod = pod
        self.workload = workload
        self.ok = ok
        self.error = error
        self.bytes = bytes
        self.durationMs = durationMs
        self.samples = samples
        self.parseErrors = parseErrors
        self.parseErrorMessages = parseErrorMessages
    }
}
