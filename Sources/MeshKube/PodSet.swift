import MeshModel

/// The pods of the namespaces meshtop watches, kept current from a list and the watch that follows
/// it, and what the views need of them: the proxies to scrape and each workload's MESHED count.
///
/// List all pods of a namespace, not only those labelled `linkerd.io/control-plane-ns`: the
/// unmeshed pods of a workload are what make its count read `1/2` rather than `1/1`.
public struct PodSet: Hashable, Sendable {
    /// What a watch event did to the set.
    public enum Outcome: Hashable, Sendable {
        /// The event was applied (or was a bookmark); the watch goes on.
        case applied
        /// The watch's version has expired (410 Gone): list again and start a new watch from the
        /// list's version.
        case relistNeeded(PodAPIStatus)
        /// The watch failed otherwise and has ended: watch again from ``PodSet/resourceVersion``.
        case watchEnded(PodAPIStatus)
    }

    /// A pod's identity in the set.
    public struct Key: Hashable, Comparable, Sendable {
        /// The pod's namespace.
        public var namespace: String
        /// The pod's name.
        public var name: String

        /// Creates a key.
        public init(namespace: String, name: String) {
            self.namespace = namespace
            self.name = name
        }

        public static func < (a: Key, b: Key) -> Bool {
            (a.namespace, a.name) < (b.namespace, b.name)
        }
    }

    /// The current pods.
    public private(set) var pods: [Key: Pod]
    /// The version the set is current to: where the next watch starts.
    public private(set) var resourceVersion: String

    /// The set as a list response has it.
    public init(list: PodList) {
        pods = [:]
        resourceVersion = list.resourceVersion
        for pod in list.items {
            pods[Self.key(pod)] = pod
        }
    }

    /// Applies one event of the watch that started at ``resourceVersion``.
    public mutating func apply(_ event: PodWatchEvent) -> Outcome {
        switch event {
        case let .added(pod), let .modified(pod):
            pods[Self.key(pod)] = pod
            advance(to: pod.metadata.resourceVersion)
        case let .deleted(pod):
            pods[Self.key(pod)] = nil
            advance(to: pod.metadata.resourceVersion)
        case let .bookmark(version):
            advance(to: version)
        case let .error(status):
            return status.isGone ? .relistNeeded(status) : .watchEnded(status)
        }
        return .applied
    }

    /// The proxies to scrape: the meshed pods that run, have an IP and an admin port, reached by
    /// `route`; in workload, then pod order.
    public func scrapeTargets(route: PodScrapeRoute) -> [ScrapeTarget] {
        pods.values.compactMap(route.target(for:)).sorted {
            ($0.workload, $0.pod, $0.url) < ($1.workload, $1.pod, $1.url)
        }
    }

    /// Each workload's MESHED count (see ``PodMeshedCount`` for which pods count); every workload
    /// with a pod in the set has one.
    public func meshedCounts() -> [WorkloadRef: PodMeshedCount] {
        var counts: [WorkloadRef: PodMeshedCount] = [:]
        for pod in pods.values {
            let workload = PodWorkload.workload(of: pod)
            var count = counts[workload] ?? PodMeshedCount(meshed: 0, total: 0)
            if PodMesh.isRunning(pod) {
                count.total += 1
                count.meshed += PodMesh.isMeshed(pod) ? 1 : 0
            }
            counts[workload] = count
        }
        return counts
    }

    private mutating func advance(to version: String?) {
        if let version, !version.isEmpty {
            resourceVersion = version
        }
    }

    private static func key(_ pod: Pod) -> Key {
        Key(namespace: pod.metadata.namespace, name: pod.metadata.name)
    }
}
