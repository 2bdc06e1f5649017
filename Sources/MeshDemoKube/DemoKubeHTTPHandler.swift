import MeshDemo
import NIOCore
import NIOHTTP1
import NIOSSL

/// Answers the requests of one TLS connection to the demo API server: identifies the user (the
/// verified client certificate, else the bearer token), asks the routes, and writes the answer,
/// or keeps the response open for a watch.
final class DemoKubeHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart

    private let routes: DemoKubeRoutes
    private let tokens: DemoKubeTokens
    private var requests = DemoRequestHeads()
    /// The client certificate's subject, read once per connection: `.some(nil)` for none.
    private var certificateSubject: (commonName: String, organizations: [String])??
    /// The watch this connection is streaming; requests pipelined behind it wait until it ends.
    private var watch: DemoKubeWatchStream?

    init(routes: DemoKubeRoutes, tokens: DemoKubeTokens) {
        self.routes = routes
        self.tokens = tokens
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let head = requests.complete(unwrapInboundIn(data)) { respond(context: context, to: head) }
    }

    private func respond(context: ChannelHandlerContext, to head: HTTPRequestHead) {
        if certificateSubject == nil {
            let certificate = (try? context.pipeline.syncOperations.nioSSL_peerCertificate()) ?? nil
            let der = certificate.flatMap { try? $0.toDERBytes() }
            certificateSubject = .some(der.flatMap(DemoKubeCertificates.subject(der:)))
        }
        let user = tokens.authenticate(certificate: certificateSubject ?? nil,
                                       authorization: head.headers.first(name: "authorization"))
        let gzip = head.headers.contains(name: "accept-encoding")  // normalized upstream
        let request = DemoKubeRequest(method: head.method.rawValue, target: head.uri, accept: head.headers.first(name: "accept"),
                                      acceptsGzip: gzip, user: user)
        switch routes.answer(request) {
        case .response(let response):
            DemoPipeline.write(response, gzip: gzip, for: head, context: context)
        case .watch(let spec):
            let stream = DemoKubeWatchStream(spec: spec, cluster: routes.cluster, head: head, context: context) { [weak self] in
                self?.watch = nil
            }
            watch = stream
            stream.start()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        watch?.finish(writing: false)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A failed handshake (a client certificate the CA didn't sign) or a reset peer: nothing to answer.
        context.close(promise: nil)
    }
}
