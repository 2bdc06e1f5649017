import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import Synchronization

/// Sets up the channel pipeline of one accepted connection.
public enum DemoPipeline {
    /// Marks a response the app handler wants gzipped; ``compressionPredicate(_:_:)`` removes it
    /// before the head goes out. A header is the stateless channel the compressor's predicate offers.
    public static let gzipMarker = "x-meshtop-demo-gzip"

    /// Adds the HTTP pipeline (``configureHTTP(_:)``), then the request handler. Must run on the
    /// channel's event loop.
    static func configure(_ channel: any Channel, proxy: Int, responder: @escaping DemoResponder) throws {
        try configureHTTP(channel)
        try channel.pipeline.syncOperations.addHandler(DemoHTTPHandler(proxy: proxy, responder: responder))
    }

    /// Adds, in order: the HTTP/1.1 codec with pipelining and error handling, the Accept-Encoding
    /// normalizer and the gzip compressor; an app handler goes after them. Must run on the
    /// channel's event loop.
    public static func configureHTTP(_ channel: any Channel) throws {
        let sync = channel.pipeline.syncOperations
        try sync.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
        try sync.addHandler(AcceptEncodingNormalizer())
        try sync.addHandler(HTTPResponseCompressor(initialByteBufferCapacity: 0, responseCompressionPredicate: compressionPredicate))
    }

    /// Writes `response` to the request `head` on a pipeline set up by ``configureHTTP(_:)``:
    /// gzipped when `gzip` and the response is compressible, kept alive or closed as the request
    /// asks. Must run on the channel's event loop.
    public static func write(_ response: DemoResponse, gzip: Bool, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        // HTTP/1.0 clients need an explicit keep-alive; HTTP/1.1 ones need an explicit close.
        headers.add(name: "Connection", value: head.isKeepAlive ? "keep-alive" : "close")
        if response.compressible && gzip { headers.add(name: gzipMarker, value: "1") }
        let responseHead = HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)

        context.write(NIOAny(HTTPServerResponsePart.head(responseHead)), promise: nil)
        if !response.body.isEmpty {
            let buffer = context.channel.allocator.buffer(bytes: response.body)
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        }
        let written = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
        if !head.isKeepAlive {
            // Close only once the bytes are out; Channel is Sendable, the context is not.
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Compresses only responses carrying the marker, and always strips the marker.
    public static func compressionPredicate(_ head: inout HTTPResponseHead, _ supported: Bool) -> HTTPResponseCompressor.CompressionIntent {
        let wanted = head.headers.contains(name: gzipMarker)
        head.headers.remove(name: gzipMarker)
        return wanted ? .compressIfPossible : .doNotCompress
    }
}

/// Rewrites `Accept-Encoding` to exactly `gzip` when it mentions gzip anywhere, and removes it otherwise.
///
/// Why: linkerd2-proxy gzips when the header merely *contains* `gzip`, while NIO's compressor
/// negotiates, and picks deflate for libcurl's `deflate, gzip, br, zstd` (equal q-values). Real
/// proxies never send deflate, so the demo must not either.
public final class AcceptEncodingNormalizer: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPServerRequestPart
    public typealias InboundOut = HTTPServerRequestPart

    /// A normalizer.
    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let gzip = head.headers["accept-encoding"].contains { $0.lowercased().contains("gzip") }
        head.headers.remove(name: "accept-encoding")
        if gzip { head.headers.add(name: "Accept-Encoding", value: "gzip") }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}

/// Turns each complete request into a ``DemoRequest``, asks the responder and writes the answer.
final class DemoHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart

    private let proxy: Int
    private let responder: DemoResponder
    private var requests = DemoRequestHeads()

    init(proxy: Int, responder: @escaping DemoResponder) {
        self.proxy = proxy
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if let head = requests.complete(unwrapInboundIn(data)) { respond(context: context, to: head) }
    }

    private func respond(context: ChannelHandlerContext, to head: HTTPRequestHead) {
        let request = DemoRequest(
            method: head.method.rawValue, target: head.uri, accept: head.headers.first(name: "accept"),
            acceptsGzip: head.headers.contains(name: "accept-encoding"))  // normalized upstream
        DemoPipeline.write(responder(proxy, request), gzip: request.acceptsGzip, for: head, context: context)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Protocol errors are answered 400 by NIO's error handler upstream; anything else (a reset
        // peer) leaves nothing worth keeping.
        context.close(promise: nil)
    }
}

/// Collects the parts of each request on a connection: the head comes out once its `.end` has
/// arrived, so a body (which the demo's routes ignore) is drained before the next request on a
/// kept-alive connection is answered.
public struct DemoRequestHeads {
    private var head: HTTPRequestHead?

    /// No request under way.
    public init() {}

    /// The request's head when `part` completes it, else `nil`.
    public mutating func complete(_ part: HTTPServerRequestPart) -> HTTPRequestHead? {
        switch part {
        case .head(let head):
            self.head = head
            return nil
        case .body:
            return nil
        case .end:
            defer { head = nil }
            return head
        }
    }
}

/// The accepted connections of one listener, so ``DemoServer/stop(proxy:)`` can drop kept-alive
/// connections too: a vanished pod takes its connections with it, not just its listening socket.
final class DemoConnectionTracker: Sendable {
    private struct State {
        var closed = false
        var channels: [ObjectIdentifier: any Channel] = [:]
    }

    private let state = Mutex(State())

    /// Registers `channel`; false when the listener is already stopped, so the caller closes it.
    func add(_ channel: any Channel) -> Bool {
        let added = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.channels[ObjectIdentifier(channel)] = channel
            return true
        }
        if added {
            channel.closeFuture.whenComplete { [self] _ in
                _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
            }
        }
        return added
    }

    /// Refuses further connections and closes the open ones, returning when they are closed.
    func closeAll(on loop: any EventLoop) -> EventLoopFuture<Void> {
        let channels = state.withLock { state -> [any Channel] in
            state.closed = true
            return Array(state.channels.values)
        }
        let closes = channels.map { channel in
            // Already-closed channels fail with alreadyClosed; that is the state we want.
            channel.close().recover { _ in }
        }
        return EventLoopFuture.andAllComplete(closes, on: loop)
    }
}
