/// What makes a pod part of the mesh and reachable for a scrape, from the pod alone.
///
/// The rules follow Linkerd's own: `linkerd viz` calls a pod meshed when it carries
/// `linkerd.io/control-plane-ns` (`k8s.IsMeshed`), and its Prometheus keeps the proxy's port named
/// `linkerd-admin`.
public enum PodMesh {
    /// The label the proxy injector puts on every pod it injects; its value is the control plane's
    /// namespace.
    public static let controlPlaneLabel = "linkerd.io/control-plane-ns"
    /// The name of the proxy's admin port.
    public static let adminPortName = "linkerd-admin"
    /// The name of the proxy's container.
    public static let proxyContainerName = "linkerd-proxy"
    /// The proxy's admin port when the pod names none.
    public static let defaultAdminPort = 4191

    /// Whether the proxy injector injected the pod: it has a non-empty `linkerd.io/control-plane-ns`.
    public static func isMeshed(_ pod: Pod) -> Bool {
        !(pod.metadata.labels[controlPlaneLabel] ?? "").isEmpty
    }

    /// Whether the pod's containers are up: phase `Running`.
    public static func isRunning(_ pod: Pod) -> Bool {
        pod.status.phase == "Running"
    }

    /// The proxy's admin port: the container port named `linkerd-admin` (the proxy's container's
    /// first), else 4191 when there is a `linkerd-proxy` container, else `nil`. Init containers
    /// count, since the proxy may run as a native sidecar. A port outside 1–65535 is no port.
    public static func adminPort(_ pod: Pod) -> Int? {
        let all = pod.spec.containers + pod.spec.initContainers
        let containers = all.filter { $0.name == proxyContainerName } + all.filter { $0.name != proxyContainerName }
        for container in containers {
            if let port = container.ports.first(where: { $0.name == adminPortName }) {
                return (1...65535).contains(port.containerPort) ? port.containerPort : nil
            }
        }
        return containers.contains { $0.name == proxyContainerName } ? defaultAdminPort : nil
    }

    /// Whether meshtop can scrape the pod's proxy now: meshed, running, with an IP and an admin port.
    public static func isScrapeable(_ pod: Pod) -> Bool {
        isMeshed(pod) && isRunning(pod) && !(pod.status.podIP ?? "").isEmpty && adminPort(pod) != nil
    }
}
