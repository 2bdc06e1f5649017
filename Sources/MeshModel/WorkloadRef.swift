/// A Kubernetes workload in the mesh: `deployment/web` in namespace `emojivoto`.
///
/// `kind` is the singular lower-case resource kind as `linkerd viz stat` prints it
/// (`deployment`, `statefulset`, `daemonset`, `replicaset`, `job`, `cronjob`), or one of
/// meshtop's fallbacks when no workload is known: `pod`, `service`, `authority`, `target`.
public struct WorkloadRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var namespace: String
    public var kind: String
    public var name: String

    public init(namespace: String, kind: String, name: String) {
        self.namespace = namespace
        self.kind = kind
        self.name = name
    }

    /// `namespace/kind/name`, or `kind/name` without a namespace.
    public var description: String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(namespace)/\(kind)/\(name)"
    }

    public static func < (a: WorkloadRef, b: WorkloadRef) -> Bool {
        (a.namespace, a.kind, a.name) < (b.namespace, b.kind, b.name)
    }

    /// Workload kinds a proxy's `dst_<kind>` labels and Prometheus's relabelled
    /// `<kind>` labels name, in the order meshtop prefers them. `k8s_job` is how
    /// Linkerd spells a Job's label; it is reported as `job`.
    /// `SeriesLabels.kindIndex` matches these by position: keep the two in step.
    public static let labelKinds: [(label: String, kind: String)] = [
        ("deployment", "deployment"), ("statefulset", "statefulset"), ("daemonset", "daemonset"),
        ("cronjob", "cronjob"), ("k8s_job", "job"), ("job", "job"), ("replicaset", "replicaset"),
        ("replicationcontroller", "replicationcontroller"),
    ]
}

/// One linkerd2-proxy to scrape, and who it is.
///
/// The proxy never labels its own workload, so identity comes from discovery
/// (file_sd labels, the Kubernetes API, `/env.json`) and travels with the target.
public struct ScrapeTarget: Hashable, Sendable {
    /// Where `/metrics` is fetched from: `http://`, `https://` or `file://`.
    public var url: String
    /// The workload whose proxy this is.
    public var workload: WorkloadRef
    /// The pod name; the URL's host when no pod is known.
    public var pod: String

    public init(url: String, workload: WorkloadRef, pod: String) {
        self.url = url
        self.workload = workload
        self.pod = pod
    }
}
