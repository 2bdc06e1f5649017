import MeshDemo
import NIOCore
import NIOPosix
import NIOSSL

/// The demo API server's listener: HTTPS on 127.0.0.1 with the run's server certificate, asking
/// for a client certificate without requiring one (token users connect without), and refusing the
/// handshake when one is presented that the run's CA didn't sign.
final class DemoKubeServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// The port it listens on.
    let port: Int

    /// Binds `port` on 127.0.0.1 (0 for an ephemeral one) and serves `routes` on `threads` event loops.
    init(routes: DemoKubeRoutes, tokens: DemoKubeTokens, certificates: DemoKubeCertificates, port: Int,
         threads: Int) throws {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificates.serverCertificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem)))
        tls.certificateVerification = .optionalVerification
        tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificates.caPEM.utf8), format: .pem)])
        let context = try NIOSSLContext(configuration: tls)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        do {
            channel = try ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 1_024)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                        try DemoPipeline.configureHTTP(channel)
                        try channel.pipeline.syncOperations.addHandler(DemoKubeHTTPHandler(routes: routes, tokens: tokens))
                    }
                }
                .bind(host: "127.0.0.1", port: port)
                .wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
        self.port = channel.localAddress?.port ?? port
    }

    /// Closes the listener and every connection, and stops the event loops. Not on one of them.
    func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}
