import MeshModel

/// What owns a demo pod in Kubernetes' terms: the controller object named in its
/// `ownerReferences`, and the labels that controller puts on its pods.
///
/// A Deployment's pod `web-5d8f7c9b6d-x2kq9` belongs to ReplicaSet `web-5d8f7c9b6d` and carries
/// `pod-template-hash: 5d8f7c9b6d`; a StatefulSet's or DaemonSet's pod belongs to it directly
/// and carries `controller-revision-hash`; other kinds own their pods directly.
struct DemoKubeOwner {
    /// The owner's `apiVersion`, `kind` and `name`.
    let apiVersion: String
    let kind: String
    let name: String
    /// The labels the controller puts on the pod.
    let labels: [String: String]

    init(_ pod: DemoKubePod) {
        let workload = pod.workload
        let revision = "\(workload.name)-\(DemoKubeOwner.hash(workload.description))"
        switch workload.kind {
        case "deployment":
            // The Deployment controller's names: <deployment>-<hash>-<suffix>.
            let parts = pod.name.split(separator: "-")
            let hash = parts.count >= 3 ? String(parts[parts.count - 2]) : DemoKubeOwner.hash(workload.description)
            (apiVersion, kind, name) = ("apps/v1", "ReplicaSet", "\(workload.name)-\(hash)")
            labels = ["pod-template-hash": hash]
        case "statefulset":
            (apiVersion, kind, name) = ("apps/v1", "StatefulSet", workload.name)
            labels = ["controller-revision-hash": revision, "statefulset.kubernetes.io/pod-name": pod.name]
        case "daemonset":
            (apiVersion, kind, name) = ("apps/v1", "DaemonSet", workload.name)
            labels = ["controller-revision-hash": revision, "pod-template-generation": "1"]
        case "job", "cronjob":
            (apiVersion, kind, name) = ("batch/v1", "Job", workload.name)
            labels = ["job-name": workload.name]
        default:
            (apiVersion, kind, name) = ("v1", "ReplicationController", workload.name)
            labels = [:]
        }
    }

    /// `ownerReferences`, with the owner as the pod's controller.
    func write(_ w: inout JSONWriter) {
        w.key("ownerReferences")
        w.beginArray()
        w.beginObject()
        w.field("apiVersion", apiVersion)
        w.field("kind", kind)
        w.field("name", name)
        w.field("uid", DemoKubeOwner.uid(of: "\(kind)/\(name)"))
        w.field("controller", true)
        w.field("blockOwnerDeletion", true)
        w.endObject()
        w.endArray()
    }

    /// A stable 10-character lowercase hash, the shape of Kubernetes' template hashes.
    static func hash(_ text: String) -> String {
        let alphabet = Array("bcdfghjkmnpqrstvwxz2456789")
        var value = fnv1a(text)
        return String((0..<10).map { _ in
            defer { value /= UInt64(alphabet.count) }
            return alphabet[Int(value % UInt64(alphabet.count))]
        })
    }

    /// A stable UUID-shaped identifier of `text`, so an owner keeps its UID across pods.
    static func uid(of text: String) -> String {
        let a = fnv1a(text), b = fnv1a(text + "#")
        let hex = String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
        let c = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
    }

    /// 64-bit FNV-1a of the text's UTF-8 bytes.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
