import Foundation
import MeshDemo
import MeshModel

/// One pod of the demo cluster, meshed (a simulated proxy) or not, with what the Kubernetes API
/// says of it; ``json(resourceVersion:)`` writes it as the API server does.
public struct DemoKubePod: Sendable, Hashable {
    /// The pod's namespace.
    public var namespace: String
    /// The pod's name.
    public var name: String
    /// The workload that owns it (`deployment/web`, `statefulset/db`, …).
    public var workload: WorkloadRef
    /// The simulated proxy's index in `DemoMesh.proxies`; `nil` for an unmeshed pod.
    public var proxy: Int?
    /// The pod's IP.
    public var podIP: String
    /// The node it runs on.
    public var node: String
    /// Its ServiceAccount.
    public var serviceAccount: String
    /// A new pod's UID: a fresh one each time the pod appears, as Kubernetes gives.
    public var uid: String
    /// When it was created.
    public var created: Date

    /// `namespace/name`: the key the API server sorts and finds pods by.
    public var key: String { namespace + "/" + name }

    /// The pod of a simulated proxy.
    public init(proxy: DemoProxy, created: Date) {
        namespace = proxy.workload.namespace
        name = proxy.pod
        workload = proxy.workload
        self.proxy = proxy.index
        podIP = proxy.podIP
        node = proxy.node
        serviceAccount = proxy.serviceAccount
        uid = UUID().uuidString.lowercased()
        self.created = created
    }

    /// An unmeshed pod of `workload` named `name`.
    public init(unmeshed workload: WorkloadRef, name: String, podIP: String, serviceAccount: String, created: Date) {
        namespace = workload.namespace
        self.name = name
        self.workload = workload
        proxy = nil
        self.podIP = podIP
        node = "demo-worker-1"
        self.serviceAccount = serviceAccount
        uid = UUID().uuidString.lowercased()
        self.created = created
    }

    /// The node's IP: the kind-like `172.18.0.x` of `demo-worker-x`.
    var hostIP: String { "172.18.0.\((Int(node.split(separator: "-").last ?? "") ?? 0) + 1)" }

    /// The containers' names: the app's, and `linkerd-proxy` on a meshed pod.
    var containerNames: [String] { proxy == nil ? [workload.name] : [workload.name, "linkerd-proxy"] }

    /// The labels its controller and, when meshed, Linkerd's proxy injector put on it.
    var labels: [String: String] {
        var labels = ["app": workload.name]
        labels.merge(DemoKubeOwner(self).labels) { $1 }
        if proxy != nil {
            labels["linkerd.io/control-plane-ns"] = "linkerd"
            labels["linkerd.io/proxy-\(workload.kind)"] = workload.name
            labels["linkerd.io/workload-ns"] = namespace
        }
        return labels
    }

    /// The pod as the API server writes it, at `resourceVersion`.
    public func json(resourceVersion: Int) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("kind", "Pod")
        w.field("apiVersion", "v1")
        writeMetadata(&w, resourceVersion: resourceVersion)
        writeSpec(&w)
        writeStatus(&w)
        w.endObject()
        return w.text
    }

    /// `metadata`; also what a `Table` row's `PartialObjectMetadata` holds.
    func writeMetadata(_ w: inout JSONWriter, resourceVersion: Int) {
        w.key("metadata")
        w.beginObject()
        w.field("name", name)
        w.field("namespace", namespace)
        w.field("uid", uid)
        w.field("resourceVersion", String(resourceVersion))
        w.field("creationTimestamp", DemoKubeTime.rfc3339(created))
        DemoKubeJSON.object(&w, "labels", labels)
        if proxy != nil {
            DemoKubeJSON.object(&w, "annotations", [
                "linkerd.io/created-by": "linkerd/proxy-injector stable-2.14.10",
                "linkerd.io/proxy-version": "stable-2.14.10", "linkerd.io/trust-root-sha256": "demo",
            ])
        }
        DemoKubeOwner(self).write(&w)
        w.endObject()
    }

    private func writeSpec(_ w: inout JSONWriter) {
        w.key("spec")
        w.beginObject()
        w.key("containers")
        w.beginArray()
        container(&w, workload.name, image: "docker.l5d.io/demo/\(workload.name):v11", ports: [("http", 8080)])
        if proxy != nil {
            container(&w, "linkerd-proxy", image: "cr.l5d.io/linkerd/proxy:stable-2.14.10",
                      ports: [("linkerd-proxy", 4143), ("linkerd-admin", 4191)])
        }
        w.endArray()
        w.field("restartPolicy", "Always")
        w.field("serviceAccountName", serviceAccount)
        w.field("nodeName", node)
        w.endObject()
    }

    private func container(_ w: inout JSONWriter, _ name: String, image: String, ports: [(String, Int)]) {
        w.beginObject()
        w.field("name", name)
        w.field("image", image)
        w.key("ports")
        w.beginArray()
        for (portName, number) in ports {
            w.beginObject()
            w.field("name", portName)
            w.field("containerPort", number)
            w.field("protocol", "TCP")
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    private func writeStatus(_ w: inout JSONWriter) {
        let started = DemoKubeTime.rfc3339(created)
        w.key("status")
        w.beginObject()
        w.field("phase", "Running")
        w.key("conditions")
        w.beginArray()
        for type in ["Initialized", "Ready", "ContainersReady", "PodScheduled"] {
            w.beginObject()
            w.field("type", type)
            w.field("status", "True")
            w.field("lastTransitionTime", started)
            w.endObject()
        }
        w.endArray()
        w.field("hostIP", hostIP)
        w.field("podIP", podIP)
        w.key("podIPs")
        w.beginArray()
        w.beginObject()
        w.field("ip", podIP)
        w.endObject()
        w.endArray()
        w.field("startTime", started)
        w.key("containerStatuses")
        w.beginArray()
        for name in containerNames {
            w.beginObject()
            w.field("name", name)
            w.field("ready", true)
            w.field("started", true)
            w.field("restartCount", 0)
            w.key("state")
            w.beginObject()
            w.key("running")
            w.beginObject()
            w.field("startedAt", started)
            w.endObject()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.field("qosClass", "BestEffort")
        w.endObject()
    }
}
