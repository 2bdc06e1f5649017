import Foundation
import MeshKube
import XCTest

/// The hand-written API responses in `Fixtures/pods-*.json`, and pods built in code.
enum PodFixture {
    static func data(_ name: String) throws -> Data {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
        return try Data(contentsOf: url)
    }

    /// The emojivoto namespace's pods at version 48250.
    static func emojivotoList() throws -> PodList {
        try PodList.decode(data("pods-emojivoto-list"))
    }

    /// A watch of emojivoto from 48250: a web pod added, the Pending emoji pod running, a web pod
    /// deleted, a bookmark, then 410 Gone.
    static func emojivotoWatch() throws -> [UInt8] {
        try [UInt8](data("pods-emojivoto-watch"))
    }

    /// A meshed, running pod of `deployment/web` with a `linkerd-proxy` container, changed by `edit`.
    static func pod(_ name: String = "web-7d9c8b5f4-x2kq9", edit: (inout Pod) -> Void = { _ in }) -> Pod {
        var pod = Pod(
            metadata: .init(name: name, namespace: "emojivoto",
                            labels: ["linkerd.io/control-plane-ns": "linkerd", "linkerd.io/proxy-deployment": "web"]),
            spec: .init(containers: [
                .init(name: "linkerd-proxy", ports: [.init(name: "linkerd-admin", containerPort: 4191)]),
                .init(name: "web", ports: [.init(name: "http", containerPort: 8080)]),
            ]),
            status: .init(phase: "Running", podIP: "10.42.0.11"))
        edit(&pod)
        return pod
    }
}
