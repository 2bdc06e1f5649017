/// The kinds of Kubernetes resource the tap API serves (`viz/tap/api/handlers.go`), by
/// Linkerd's canonical singular names (the raw values).
public enum TapResourceKind: String, Hashable, Sendable, CaseIterable {
    case pod
    case replicationController = "replicationcontroller"
    case service
    case daemonSet = "daemonset"
    case deployment
    case replicaSet = "replicaset"
    case statefulSet = "statefulset"
    case job
    case cronJob = "cronjob"
    case namespace

    /// The kind that `name` stands for, as Linkerd's CLI reads it: the short name (`deploy`),
    /// the singular or the plural, matched exactly.
    public init?(friendlyName name: String) {
        guard let kind = Self.allCases.first(where: { [$0.shortName, $0.rawValue, $0.plural].contains(name) })
        else { return nil }
        self = kind
    }

    /// The path segment of the tap API: Linkerd's naive singular + "s", right for every kind here.
    public var plural: String { rawValue + "s" }

    /// The short name Linkerd's CLI prints and accepts (`deploy`, `sts`, `po`, …).
    public var shortName: String {
        switch self {
        case .pod: return "po"
        case .replicationController: return "rc"
        case .service: return "svc"
        case .daemonSet: return "ds"
        case .deployment: return "deploy"
        case .replicaSet: return "rs"
        case .statefulSet: return "sts"
        case .job: return "job"
        case .cronJob: return "cj"
        case .namespace: return "ns"
        }
    }

    /// The label that names a peer's resource of this kind in tap events and destination
    /// matches (`deployment=web`): the kind, but `k8s_job` for jobs, as Linkerd spells it to
    /// keep clear of Prometheus' `job`.
    public var label: String { self == .job ? "k8s_job" : rawValue }

    /// Whether `linkerd viz tap` taps this kind; a service is only a destination (`--to`).
    public var isTapTarget: Bool { self != .service }

    /// Names Linkerd's CLI knows but does not tap: it answers "unsupported resource type".
    static let knownUntappable: Set<String> = [
        "au", "authority", "authorities", "sp", "serviceprofile", "serviceprofiles",
        "ts", "trafficsplit", "trafficsplits", "all",
    ]
}
