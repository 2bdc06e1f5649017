import MeshDemo
import MeshModel
import MeshTap

/// The pods a tap is about, found as Linkerd's tap server finds them: the target's pods (a
/// workload's, a ReplicaSet's, a Service's — the demo names each Service after its workload —,
/// one pod, or a whole namespace's) that the label selector selects, of which the meshed ones are
/// tapped. A named target that doesn't exist is the Kubernetes lister's `NotFound`.
enum DemoKubeTapTarget {
    /// The target resource does not exist: the message Kubernetes' lister gives.
    struct NotFound: Error, Equatable {
        let message: String
    }

    /// The meshed, running pods of `resource` that `selector` selects, sorted by name.
    static func pods(of resource: TapResource, selector: DemoKubeSelector, cluster: DemoKubeCluster,
                     mesh: DemoMesh) -> Result<[DemoKubePod], NotFound> {
        let namespace = resource.kind == .namespace ? resource.name : resource.namespace
        let all = cluster.list(namespace: namespace, selector: .everything).pods.map(\.pod)
        let owned = all.filter { owns(resource, $0) }
        guard owned.isEmpty ? exists(resource, cluster: cluster, mesh: mesh) : true else {
            return .failure(NotFound(message: notFound(resource)))
        }
        return .success(owned.filter { $0.proxy != nil && selector.matches($0.labels) })
    }

    /// Whether `pod` belongs to `resource` (in the same namespace).
    private static func owns(_ resource: TapResource, _ pod: DemoKubePod) -> Bool {
        let named = { (name: String) in resource.name.isEmpty || resource.name == name }
        switch resource.kind {
        case .namespace: return true
        case .pod: return named(pod.name)
        case .replicaSet:
            let owner = DemoKubeOwner(pod)
            return owner.kind == "ReplicaSet" && named(owner.name)
        case .service: return named(pod.workload.name)
        case .deployment, .statefulSet, .daemonSet, .job, .cronJob, .replicationController:
            return pod.workload.kind == resource.kind.rawValue && named(pod.workload.name)
        }
    }

    /// Whether a target with no pods exists: a namespace, or a workload (and its Service) of the
    /// topology scaled to none; every kind exists as a whole.
    private static func exists(_ resource: TapResource, cluster: DemoKubeCluster, mesh: DemoMesh) -> Bool {
        guard !resource.name.isEmpty else { return true }
        switch resource.kind {
        case .namespace:
            return cluster.namespaces.contains { $0.name == resource.name }
        case .service:
            return mesh.topology.workloads.contains {
                $0.membership != .external && $0.ref.namespace == resource.namespace && $0.ref.name == resource.name
            }
        case .deployment, .statefulSet, .daemonSet, .job, .cronJob, .replicationController:
            return mesh.topology.workloads.contains {
                $0.ref == .init(namespace: resource.namespace, kind: resource.kind.rawValue, name: resource.name)
            }
        case .pod, .replicaSet:
            return false
        }
    }

    /// `deployment.apps "web" not found`, as the tap server's listers word it.
    private static func notFound(_ resource: TapResource) -> String {
        let group: String
        switch resource.kind {
        case .deployment, .replicaSet, .statefulSet, .daemonSet: group = ".apps"
        case .job, .cronJob: group = ".batch"
        case .pod, .service, .replicationController, .namespace: group = ""
        }
        return "\(resource.kind.rawValue)\(group) \"\(resource.name)\" not found"
    }
}
