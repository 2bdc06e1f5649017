import MeshDemo
import NIOCore
import NIOHTTP1
import NIOSSL

/// A response kept open on a connection (a watch, a tap), ended by the server or by the
/// connection going away.
protocol DemoKubeOpenResponse: AnyObject {
    /// Stops streaming and ends the response (`writing`), or just stops when the connection is gone.
    func finish(writing: Bool)
}

extension DemoKubeWatchStream: DemoKubeOpenResponse {}
extension DemoKubeTapStream: DemoKubeOpenResponse {}

/// Answers the requests of one TLS connection to the demo API server: reads each request with
/// its (bounded) body, identifies the user (the verified client certificate, else the bearer
/// token), asks the routes, and writes the answer, or keeps the response open for a watch or a tap.
final class DemoKubeHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart

    private let routes: DemoKubeRoutes
    private let tokens: DemoKubeTokens
    private var requests = DemoKubeRequestReader()
    /// The client certificate's subject, read once per connection: `.some(nil)` for none.
    private var certificateSubject: (commonName: String, organizations: [String])??
    /// The watch or tap this connection is streaming; requests pipelined behind it wait until it ends.
    private var open: (any DemoKubeOpenResponse)?

    init(routes: DemoKubeRoutes, tokens: DemoKubeTokens) {
        self.routes = routes
        self.tokens = tokens
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch requests.read(unwrapInboundIn(data)) {
        case .request(let head, let body)?:
            respond(context: context, to: head, body: body)
        case .bodyTooLarge(let head)?:
            DemoPipeline.write(DemoKubeStatus.tooLarge(limit: DemoKubeRequestReader.maxBodyBytes), gzip: false, for: head,
                               context: context)
        case nil:
            break
        }
    }

    private func respond(context: ChannelHandlerContext, to head: HTTPRequestHead, body: [UInt8]) {
        if certificateSubject == nil {
            let certificate = (try? context.pipeline.syncOperations.nioSSL_peerCertificate()) ?? nil
            let der = certificate.flatMap { try? $0.toDERBytes() }
            certificateSubject = .some(der.flatMap(DemoKubeCertificates.subject(der:)))
        }
        let user = tokens.authenticate(certificate: certificateSubject ?? nil,
                                       authorization: head.headers.first(name: "authorization"))
        let gzip = head.headers.contains(name: "accept-encoding")  // normalized upstream
        let request = DemoKubeRequest(method: head.method.rawValue, target: head.uri, accept: head.headers.first(name: "accept"),
                                      acceptsGzip: gzip, user: user, body: body)
        switch routes.answer(request) {
        case .response(let response):
            DemoPipeline.write(response, gzip: gzip, for: head, context: context)
        case .watch(let spec):
            let stream = DemoKubeWatchStream(spec: spec, cluster: routes.cluster, head: head, context: context) { [weak self] in
                self?.open = nil
            }
            open = stream
            stream.start()
        case .tap(let spec):
            let stream = DemoKubeTapStream(spec: spec, routes: routes, head: head, context: context) { [weak self] in
                self?.open = nil
            }
            open = stream
            stream.start()
        case .tapError(let message):
            DemoKubeTapErrorAnswer.write(message, for: head, context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        open?.finish(writing: false)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A failed handshake (a client certificate the CA didn't sign) or a reset peer: nothing to answer.
        context.close(promise: nil)
    }
}
