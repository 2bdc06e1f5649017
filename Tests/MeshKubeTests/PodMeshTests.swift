import MeshKube
import XCTest

final class PodMeshTests: XCTestCase {
    func testSelectionRules() {
        let cases: [(String, Pod, meshed: Bool, port: Int?, scrapeable: Bool)] = [
            ("meshed, running, named port", PodFixture.pod(), true, 4191, true),
            ("no control-plane label", PodFixture.pod { $0.metadata.labels["linkerd.io/control-plane-ns"] = nil }, false, 4191, false),
            ("empty control-plane label", PodFixture.pod { $0.metadata.labels["linkerd.io/control-plane-ns"] = "" }, false, 4191, false),
            ("Pending", PodFixture.pod { $0.status.phase = "Pending" }, true, 4191, false),
            ("Succeeded", PodFixture.pod { $0.status.phase = "Succeeded" }, true, 4191, false),
            ("no phase yet", PodFixture.pod { $0.status.phase = nil }, true, 4191, false),
            ("no IP", PodFixture.pod { $0.status.podIP = nil }, true, 4191, false),
            ("empty IP", PodFixture.pod { $0.status.podIP = "" }, true, 4191, false),
            ("admin port moved", PodFixture.pod { $0.spec.containers[0].ports = [.init(name: "linkerd-admin", containerPort: 9990)] }, true, 9990, true),
            ("proxy without ports: default", PodFixture.pod { $0.spec.containers[0].ports = [] }, true, 4191, true),
            ("no proxy container, no port", PodFixture.pod { $0.spec.containers.removeFirst() }, true, nil, false),
            ("port out of range", PodFixture.pod { $0.spec.containers[0].ports = [.init(name: "linkerd-admin", containerPort: 70000)] }, true, nil, false),
            ("proxy as native sidecar", PodFixture.pod {
                $0.spec.initContainers = [$0.spec.containers.removeFirst()]
                $0.spec.initContainers[0].ports[0].containerPort = 4192
            }, true, 4192, true),
            ("proxy's port first", PodFixture.pod {
                $0.spec.containers[1].ports = [.init(name: "linkerd-admin", containerPort: 1)]
            }, true, 4191, true),
        ]
        for (name, pod, meshed, port, scrapeable) in cases {
            XCTAssertEqual(PodMesh.isMeshed(pod), meshed, name)
            XCTAssertEqual(PodMesh.adminPort(pod), port, name)
            XCTAssertEqual(PodMesh.isScrapeable(pod), scrapeable, name)
        }
    }
}
