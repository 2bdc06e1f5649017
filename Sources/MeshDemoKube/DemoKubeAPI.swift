import Foundation
import MeshDemo
import NIOCore

/// The demo mesh's Kubernetes API server: the part of the API meshtop (and `kubectl get`) uses,
/// over HTTPS on 127.0.0.1, with a CA, certificates and tokens made fresh for the run.
///
/// Serves discovery, namespaces, pod lists and watches (``DemoKubeCluster``), the pod proxy to
/// the simulated proxies' admin servers, and Linkerd's tap API over the traffic model. The demo's
/// runner calls ``update(running:)`` whenever it starts or stops pods, and ``writeKubeconfig(to:)``
/// once the server listens.
public final class DemoKubeAPI: Sendable {
    /// The pods, namespaces and watches.
    public let cluster: DemoKubeCluster
    /// The run's CA and certificates.
    public let certificates: DemoKubeCertificates
    /// The run's bearer tokens.
    public let tokens: DemoKubeTokens
    /// The namespace the kubeconfig's contexts select: the topology's first meshed workload's.
    public let namespace: String
    private let server: DemoKubeServer

    /// Starts serving the cluster of `mesh` with no proxy running yet on 127.0.0.1:`port` (0 for an
    /// ephemeral port) with `threads` event loops; `proxy` answers a proxy's admin-port requests,
    /// as the per-pod servers do, and `scenarioSeconds` says how far into the scenario the demo
    /// is, for the tap stream (by default, seconds since this call).
    ///
    /// - Throws: the certificate or socket error.
    public init(mesh: DemoMesh, proxy: @escaping DemoResponder, port: Int = 0, threads: Int = System.coreCount,
                scenarioSeconds: @escaping @Sendable () -> Double = DemoKubeAPI.secondsFromNow()) throws {
        cluster = DemoKubeCluster(mesh: mesh)
        certificates = try DemoKubeCertificates.generate()
        tokens = DemoKubeTokens.generate()
        namespace = mesh.topology.workloads.first { $0.membership == .meshed }?.ref.namespace ?? "default"
        let routes = DemoKubeRoutes(cluster: cluster, mesh: mesh, scenarioSeconds: scenarioSeconds, proxy: proxy,
                                    now: { Date() })
        server = try DemoKubeServer(routes: routes, tokens: tokens, certificates: certificates, port: port, threads: threads)
    }

    /// A clock of seconds since it was made, on the monotonic clock.
    public static func secondsFromNow() -> @Sendable () -> Double {
        let start = ContinuousClock.now
        return { (ContinuousClock.now - start) / .seconds(1) }
    }

    /// The port it listens on.
    public var port: Int { server.port }

    /// The server's URL, as the kubeconfig's cluster names it.
    public var url: String { "https://127.0.0.1:\(port)" }

    /// Makes the running proxies exactly `running` (indices into `DemoMesh.proxies`); watches see
    /// the pods that start and stop.
    public func update(running: Set<Int>) {
        cluster.update(running: running)
    }

    /// Writes the kubeconfig for this server at `path`, and its files next to it.
    public func writeKubeconfig(to path: String) throws -> DemoKubeconfigFiles {
        try DemoKubeconfig.write(to: path, server: url, namespace: namespace, certificates: certificates, tokens: tokens)
    }

    /// Stops serving: closes the listener and every connection. Not on an event loop thread.
    public func shutdown() {
        server.shutdown()
    }
}
