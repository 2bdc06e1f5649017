import MeshModel

/// The workload a pod belongs to, from what the Kubernetes API says of it (not from its name, as
/// `PodIdentity` in MeshSources must guess).
public enum PodWorkload {
    /// The proxy injector's `linkerd.io/proxy-<kind>` labels, in the order meshtop prefers them
    /// (`WorkloadRef.labelKinds`' order: a CronJob's Job pod reads as the CronJob).
    public static let proxyLabelKinds = [
        "deployment", "statefulset", "daemonset", "cronjob", "job", "replicaset", "replicationcontroller",
    ]

    /// The pod's workload:
    /// 1. the first non-empty `linkerd.io/proxy-<kind>` label, as `<kind>/<value>`;
    /// 2. else its controller owner, kind lower-cased; a ReplicaSet named `<name>-<hash>` whose pod
    ///    has label `pod-template-hash=<hash>` was made by the Deployment `<name>`;
    /// 3. else `pod/<name>`.
    public static func workload(of pod: Pod) -> WorkloadRef {
        let metadata = pod.metadata
        for kind in proxyLabelKinds {
            if let name = metadata.labels["linkerd.io/proxy-\(kind)"], !name.isEmpty {
                return WorkloadRef(namespace: metadata.namespace, kind: kind, name: name)
            }
        }
        if let owner = metadata.ownerReferences.first(where: \.controller), !owner.name.isEmpty {
            if owner.kind == "ReplicaSet", let deployment = deploymentName(replicaSet: owner.name, pod: pod) {
                return WorkloadRef(namespace: metadata.namespace, kind: "deployment", name: deployment)
            }
            return WorkloadRef(namespace: metadata.namespace, kind: owner.kind.lowercased(), name: owner.name)
        }
        return WorkloadRef(namespace: metadata.namespace, kind: "pod", name: metadata.name)
    }

    /// `web` for ReplicaSet `web-7d9c8b5f4` when the pod's `pod-template-hash` is `7d9c8b5f4`:
    /// the Deployment controller names its ReplicaSets so, and labels their pods with the hash.
    static func deploymentName(replicaSet: String, pod: Pod) -> String? {
        guard let hash = pod.metadata.labels["pod-template-hash"], !hash.isEmpty,
              replicaSet.hasSuffix("-" + hash) else { return nil }
        let name = replicaSet.dropLast(hash.count + 1)
        return name.isEmpty ? nil : String(name)
    }
}
