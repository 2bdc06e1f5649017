import Foundation
import MeshDemo
import MeshModel
import Synchronization

/// A change to the demo cluster's pods, as a watch streams it.
public struct DemoKubePodEvent: Sendable {
    /// The watch event's `type`.
    public enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED"
    }

    /// What happened.
    public let kind: Kind
    /// The cluster's version right after it happened: the pod's `metadata.resourceVersion`.
    public let resourceVersion: Int
    /// The pod.
    public let pod: DemoKubePod
    /// The pod's JSON at `resourceVersion`, written once however many watches send it.
    public let json: String
}

/// The pods and namespaces of the demo cluster, versioned as the Kubernetes API versions them:
/// one global `resourceVersion` counter, a retained log of the latest pod events for watches to
/// resume from, and the watches being served.
///
/// The simulated proxies come and go as the scenario scales them (``update(running:now:)``);
/// the unmeshed pods (one in `default`, and the topology's unmeshed workloads) stay.
public final class DemoKubeCluster: Sendable {
    /// A pod and its version.
    struct Stored: Sendable {
        let pod: DemoKubePod
        let resourceVersion: Int
        let json: String
    }

    /// Why a watch can't start from the version it asked for.
    struct Expired: Error {
        /// The requested version and the newest one no longer retained.
        let requested: Int
        let compacted: Int
    }

    /// A watch being served: called, in order and under the cluster's lock, with every event.
    typealias Watcher = @Sendable (DemoKubePodEvent) -> Void

    private struct State {
        var resourceVersion: Int
        var pods: [String: Stored] = [:]
        var log: [DemoKubePodEvent] = []
        /// Events at or below this version are no longer in `log`.
        var compacted: Int
        var watchers: [Int: Watcher] = [:]
        var nextWatcher = 0
        /// Whether ``update(running:now:)`` has run: the pods of its first run have been up a while.
        var populated = false
    }

    /// Every namespace, sorted by name.
    public let namespaces: [DemoKubeNamespace]
    /// The simulated proxies' pods by `namespace/name`, whether running or not.
    let proxyPods: [String: DemoProxy]
    private let proxies: [DemoProxy]
    private let retained: Int
    /// When the cluster's namespaces, unmeshed pods and first proxies were created.
    private let startup: Date
    private let state: Mutex<State>

    /// The cluster of `mesh` with no proxy running yet; `now` is when the unmeshed pods and the
    /// namespaces were created. At most `retainedEvents` events are kept for watches to resume from.
    public init(mesh: DemoMesh, now: Date = Date(), retainedEvents: Int = 1_000) {
        let startup = now.addingTimeInterval(-7_200)
        self.startup = startup
        var names = Set(mesh.topology.workloads.filter { $0.membership != .external }.map(\.ref.namespace))
        names.formUnion(["default", "kube-system", "linkerd"])
        var version = 100
        namespaces = names.sorted().map { name in
            version += 1
            return DemoKubeNamespace(name: name, resourceVersion: version, created: startup)
        }
        proxies = mesh.proxies
        proxyPods = Dictionary(mesh.proxies.map { ($0.workload.namespace + "/" + $0.pod, $0) }) { first, _ in first }
        retained = max(1, retainedEvents)
        var initial = State(resourceVersion: version, compacted: version)
        for pod in Self.unmeshedPods(mesh, created: startup) {
            initial.resourceVersion += 1
            initial.pods[pod.key] = Stored(pod: pod, resourceVersion: initial.resourceVersion,
                                           json: pod.json(resourceVersion: initial.resourceVersion))
        }
        initial.compacted = initial.resourceVersion
        state = Mutex(initial)
    }

    /// Makes the running proxies exactly `running` (indices into `DemoMesh.proxies`): a proxy's pod
    /// that starts is ADDED, one that stops is DELETED, each at the next version. The demo's runner
    /// calls this whenever it starts or stops pods. The first call's pods date from the cluster's
    /// start, later ones from `now`.
    public func update(running: Set<Int>, now: Date = Date()) {
        state.withLock { state in
            let created = state.populated ? now : startup
            state.populated = true
            for proxy in proxies {
                let key = proxy.workload.namespace + "/" + proxy.pod
                let present = state.pods[key] != nil
                if running.contains(proxy.index) && !present {
                    record(.added, DemoKubePod(proxy: proxy, created: created), in: &state)
                } else if !running.contains(proxy.index), present, let stored = state.pods[key] {
                    record(.deleted, stored.pod, in: &state)
                }
            }
        }
    }

    /// The current version and the pods of `namespace` (all when `nil`) that `selector` selects,
    /// sorted by namespace and name as the API server lists them.
    func list(namespace: String?, selector: DemoKubeSelector) -> (resourceVersion: Int, pods: [Stored]) {
        let (version, all) = state.withLock { ($0.resourceVersion, Array($0.pods.values)) }
        let pods = all.filter { (namespace == nil || $0.pod.namespace == namespace) && selector.matches($0.pod.labels) }
        return (version, pods.sorted { $0.pod.key < $1.pod.key })
    }

    /// The pod `namespace/name` if it runs now.
    func pod(namespace: String, name: String) -> Stored? {
        state.withLock { $0.pods[namespace + "/" + name] }
    }

    /// The running pods at the IPs `ips`, by IP: how the tap server names the pods it sees.
    func pods(at ips: Set<String>) -> [String: DemoKubePod] {
        guard !ips.isEmpty else { return [:] }
        return state.withLock { state in
            var found: [String: DemoKubePod] = [:]
            for stored in state.pods.values where ips.contains(stored.pod.podIP) { found[stored.pod.podIP] = stored.pod }
            return found
        }
    }

    /// Starts a watch: the events after `version` that are still retained (for `nil`, an ADDED
    /// event for every current pod, as Kubernetes starts a watch without a version), then every
    /// later event, handed to `watcher` in order until ``stopWatching(_:)``.
    ///
    /// - Returns: the watch's id, the events it starts with, and the cluster's version then.
    func watch(from version: Int?, _ watcher: @escaping Watcher)
        -> Result<(id: Int, backlog: [DemoKubePodEvent], version: Int), Expired> {
        state.withLock { state in
            let backlog: [DemoKubePodEvent]
            if let version {
                guard version >= state.compacted else { return .failure(Expired(requested: version, compacted: state.compacted)) }
                backlog = state.log.filter { $0.resourceVersion > version }
            } else {
                backlog = state.pods.values.sorted { $0.pod.key < $1.pod.key }.map {
                    DemoKubePodEvent(kind: .added, resourceVersion: $0.resourceVersion, pod: $0.pod, json: $0.json)
                }
            }
            let id = state.nextWatcher
            state.nextWatcher += 1
            state.watchers[id] = watcher
            return .success((id, backlog, state.resourceVersion))
        }
    }

    /// Ends a watch started with ``watch(from:_:)``.
    func stopWatching(_ id: Int) {
        _ = state.withLock { $0.watchers.removeValue(forKey: id) }
    }

    /// The current version: the newest change's.
    public var resourceVersion: Int { state.withLock { $0.resourceVersion } }

    /// Applies one event at the next version, logs it and tells every watch.
    private func record(_ kind: DemoKubePodEvent.Kind, _ pod: DemoKubePod, in state: inout State) {
        state.resourceVersion += 1
        let version = state.resourceVersion
        let event = DemoKubePodEvent(kind: kind, resourceVersion: version, pod: pod, json: pod.json(resourceVersion: version))
        if kind == .deleted {
            state.pods[pod.key] = nil
        } else {
            state.pods[pod.key] = Stored(pod: pod, resourceVersion: version, json: event.json)
        }
        state.log.append(event)
        if state.log.count > retained {
            let dropped = state.log.count - retained
            state.compacted = state.log[dropped - 1].resourceVersion
            state.log.removeFirst(dropped)
        }
        for watcher in state.watchers.values { watcher(event) }
    }

    /// The pods without a proxy: one `hello` Deployment pod in `default`, and the pods of the
    /// topology's unmeshed workloads (emojivoto's `ingress/loadgen`), named and addressed as the
    /// traffic model has them call (``DemoMesh/unmeshedPods``).
    private static func unmeshedPods(_ mesh: DemoMesh, created: Date) -> [DemoKubePod] {
        let hello = WorkloadRef(namespace: "default", kind: "deployment", name: "hello")
        let helloName = "hello-\(DemoKubeOwner.hash(hello.description))-\(DemoKubeOwner.hash("\(hello)#0").prefix(5))"
        let helloPod = DemoKubePod(unmeshed: hello, name: helloName, podIP: "10.44.255.254", serviceAccount: "default",
                                   created: created)
        return [helloPod] + mesh.unmeshedPods.map {
            DemoKubePod(unmeshed: $0.workload, name: $0.name, podIP: $0.ip, serviceAccount: $0.serviceAccount, created: created)
        }
    }
}
