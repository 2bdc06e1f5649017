import MeshTap
import NIOCore
import NIOHTTP1

/// The tap server's error answer (`protohttp.WriteErrorToHTTPResponse`): status 200 all the
/// same, the header `linkerd-error` with the text of the status it meant (always
/// `Internal Server Error`: its errors are gRPC or wrapped ones), and a body of one framed
/// `linkerd2.viz.ApiError`.
enum DemoKubeTapErrorAnswer {
    /// The `linkerd-error` header's value.
    static let statusText = "Internal Server Error"

    /// Writes the answer carrying `message` to the request `head`. Must run on the channel's event loop.
    static func write(_ message: String, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        let body = TapErrorFrame.encode(message)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/octet-stream")
        headers.add(name: "linkerd-error", value: statusText)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: head.isKeepAlive ? "keep-alive" : "close")
        context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: .ok,
                                                                          headers: headers))), promise: nil)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                      promise: nil)
        let written = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
        if !head.isKeepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
