import MeshKube
import MeshModel
import XCTest

final class PodWorkloadTests: XCTestCase {
    private func pod(labels: [String: String], owners: [Pod.OwnerReference] = []) -> Pod {
        Pod(metadata: .init(name: "p-1", namespace: "ns", labels: labels, ownerReferences: owners))
    }

    func testWorkloadDerivation() {
        let rs = Pod.OwnerReference(kind: "ReplicaSet", name: "web-7d9c8b5f4")
        let cases: [(String, Pod, String)] = [
            ("deployment label", pod(labels: ["linkerd.io/proxy-deployment": "web"]), "ns/deployment/web"),
            ("statefulset label", pod(labels: ["linkerd.io/proxy-statefulset": "db"]), "ns/statefulset/db"),
            ("daemonset label", pod(labels: ["linkerd.io/proxy-daemonset": "agent"]), "ns/daemonset/agent"),
            ("replicaset label", pod(labels: ["linkerd.io/proxy-replicaset": "rs-1"]), "ns/replicaset/rs-1"),
            ("job label", pod(labels: ["linkerd.io/proxy-job": "migrate"]), "ns/job/migrate"),
            ("replicationcontroller label", pod(labels: ["linkerd.io/proxy-replicationcontroller": "rc"]), "ns/replicationcontroller/rc"),
            ("cronjob wins over its job", pod(labels: ["linkerd.io/proxy-job": "nightly-28600", "linkerd.io/proxy-cronjob": "nightly"]), "ns/cronjob/nightly"),
            ("label wins over owner", pod(labels: ["linkerd.io/proxy-deployment": "web"], owners: [.init(kind: "ReplicaSet", name: "other-1")]), "ns/deployment/web"),
            ("empty label is none", pod(labels: ["linkerd.io/proxy-deployment": ""]), "ns/pod/p-1"),
            ("ReplicaSet with its hash", pod(labels: ["pod-template-hash": "7d9c8b5f4"], owners: [rs]), "ns/deployment/web"),
            ("ReplicaSet, other hash", pod(labels: ["pod-template-hash": "5f5f5f5f5"], owners: [rs]), "ns/replicaset/web-7d9c8b5f4"),
            ("ReplicaSet, no hash", pod(labels: [:], owners: [rs]), "ns/replicaset/web-7d9c8b5f4"),
            ("ReplicaSet that is all hash", pod(labels: ["pod-template-hash": "7d9c8b5f4"], owners: [.init(kind: "ReplicaSet", name: "-7d9c8b5f4")]), "ns/replicaset/-7d9c8b5f4"),
            ("StatefulSet owner", pod(labels: [:], owners: [.init(kind: "StatefulSet", name: "db")]), "ns/statefulset/db"),
            ("non-controller owner ignored", pod(labels: [:], owners: [.init(kind: "ConfigMap", name: "c", controller: false)]), "ns/pod/p-1"),
            ("controller among owners", pod(labels: [:], owners: [.init(kind: "ConfigMap", name: "c", controller: false), .init(kind: "Job", name: "j")]), "ns/job/j"),
            ("bare pod", pod(labels: [:]), "ns/pod/p-1"),
        ]
        for (name, pod, expected) in cases {
            XCTAssertEqual(PodWorkload.workload(of: pod).description, expected, name)
        }
    }
}
