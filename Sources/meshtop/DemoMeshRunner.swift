import Foundation
import Synchronization
import MeshDemo
import MeshDemoKube
import MeshModel

/// A demo mesh served on 127.0.0.1: the traffic model, one HTTP server per running pod, a
/// thread that starts and stops pods as the scenario scales them, and optionally the
/// Kubernetes API server that lists and watches those pods and proxies to them.
final class DemoMeshRunner: Sendable {
    let mesh: DemoMesh
    /// The Kubernetes API server, when asked for.
    let kubeAPI: DemoKubeAPI?
    private let server: DemoServer
    private let clock: DemoClock
    private let stopping = StopFlag()

    /// Builds the mesh and serves every pod that runs at the start, which is
    /// `startSeconds` into the scenario; with a `kubePort` (0 for an ephemeral one), the
    /// Kubernetes API server too.
    init(topology: String, scenario: String, seed: UInt64, startSeconds: Double = 0, kubePort: Int? = nil) throws {
        let mesh = DemoMesh(topology: try DemoTopology.named(topology, seed: seed), scenario: try DemoScenario(name: scenario), seed: seed)
        let clock = DemoClock(startSeconds: startSeconds)
        self.mesh = mesh
        self.clock = clock
        DemoServer.raiseOpenFileLimit()
        let responder: DemoResponder = { proxy, request in
            DemoAdminRoutes.answer(request, metrics: { mesh.metricsBody(proxy, at: clock.seconds()) },
                                   environment: { mesh.environment(proxy) })
        }
        server = DemoServer(responder: responder)
        kubeAPI = try kubePort.map { try DemoKubeAPI(mesh: mesh, proxy: responder, port: $0, scenarioSeconds: { clock.seconds() }) }
        try reconcile()
    }

    /// The scrape targets of the pods being served now, with their identities.
    var targets: [ScrapeTarget] {
        let ports = server.ports
        return mesh.proxies.compactMap { proxy in
            ports[proxy.index].map {
                ScrapeTarget(url: "http://127.0.0.1:\($0)/metrics", workload: proxy.workload, pod: proxy.pod)
            }
        }
    }

    /// Starts the pods the scenario has brought up and stops the ones it has taken away.
    func reconcile() throws {
        let t = clock.seconds()
        let serving = server.ports
        for proxy in mesh.proxies {
            let running = mesh.isRunning(proxy.index, at: t)
            if running && serving[proxy.index] == nil { _ = try server.start(proxy: proxy.index) }
            if !running && serving[proxy.index] != nil { server.stop(proxy: proxy.index) }
        }
        kubeAPI?.update(running: Set(server.ports.keys))
    }

    /// Follows the scenario's scaling once a second on a background thread until `shutdown()`.
    func followScaling() {
        Thread { [self] in
            while !stopping.isSet {
                Thread.sleep(forTimeInterval: 1)
                try? reconcile()
            }
        }.start()
    }

    func shutdown() {
        stopping.set()
        kubeAPI?.shutdown()
        server.shutdown()
    }

    /// A Prometheus file_sd document (JSON) naming every served pod with its identity labels.
    func targetsFile() -> String {
        var w = JSONWriter()
        w.beginArray()
        for target in targets {
            w.beginObject()
            w.key("targets")
            w.beginArray()
            w.string(String(target.url.dropFirst("http://".count).prefix { $0 != "/" }))
            w.endArray()
            w.key("labels")
            w.beginObject()
            w.field("namespace", target.workload.namespace)
            w.field(target.workload.kind, target.workload.name)
            w.field("pod", target.pod)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        return w.text + "\n"
    }
}

/// Seconds into the scenario: since the demo started, on the monotonic clock, plus where it
/// started; shared with the server's threads.
final class DemoClock: Sendable {
    private let start = ContinuousClock.now
    private let startSeconds: Double

    init(startSeconds: Double) {
        self.startSeconds = startSeconds
    }

    func seconds() -> Double { startSeconds + (ContinuousClock.now - start).seconds }
}

/// A stop flag shared between threads.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}
