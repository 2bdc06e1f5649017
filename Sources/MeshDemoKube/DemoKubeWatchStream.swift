import MeshModel
import NIOCore
import NIOHTTP1

/// One pod watch streamed on a connection: a chunked `200` whose body is newline-delimited
/// watch events (`{"type":"ADDED","object":{…}}`), the retained ones after the asked version
/// first, then each change as it happens, a `BOOKMARK` every few seconds when asked, until
/// `timeoutSeconds`. A version no longer retained gets one `ERROR` event with a 410 `Status`.
///
/// Lives on the connection's event loop: the cluster hands it events through `execute`.
final class DemoKubeWatchStream {
    /// How often a bookmark goes out when the client allows them.
    static let bookmarkSeconds: Int64 = 5

    private let spec: DemoKubeWatchSpec
    private let cluster: DemoKubeCluster
    private let head: HTTPRequestHead
    private let context: ChannelHandlerContext
    private let ended: () -> Void
    private var id: Int?
    /// The newest version this watch has seen, sent or filtered out: what a bookmark reports.
    private var seen = 0
    private var timers: [Scheduled<Void>] = []
    private var bookmarks: RepeatedTask?
    private var finished = false

    /// A stream answering `head` on `context`; `ended` runs once it has finished.
    init(spec: DemoKubeWatchSpec, cluster: DemoKubeCluster, head: HTTPRequestHead, context: ChannelHandlerContext,
         ended: @escaping () -> Void) {
        self.spec = spec
        self.cluster = cluster
        self.head = head
        self.context = context
        self.ended = ended
    }

    /// Sends the head and the first events, and starts following the cluster.
    func start() {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Transfer-Encoding", value: "chunked")
        context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))),
                      promise: nil)
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let started = cluster.watch(from: spec.resourceVersion) { event in
            loop.execute { bound.value.deliver(event) }
        }
        switch started {
        case .failure(let expired):
            send(#"{"type":"ERROR","object":"# + DemoKubeStatus.expired(requested: expired.requested, compacted: expired.compacted) + "}")
            finish(writing: true)
        case .success(let watch):
            id = watch.id
            seen = spec.resourceVersion ?? watch.version
            for event in watch.backlog { deliver(event) }
            context.flush()
            timers.append(loop.scheduleTask(in: .seconds(Int64(spec.timeoutSeconds))) { bound.value.finish(writing: true) })
            if spec.bookmarks {
                let every = TimeAmount.seconds(Self.bookmarkSeconds)
                bookmarks = loop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in bound.value.bookmark() }
            }
        }
    }

    /// Sends `event` if the watch selects its pod, and notes its version either way.
    private func deliver(_ event: DemoKubePodEvent) {
        guard !finished else { return }
        seen = max(seen, event.resourceVersion)
        let pod = event.pod
        guard spec.namespace == nil || spec.namespace == pod.namespace, spec.selector.matches(pod.labels) else { return }
        send(#"{"type":"\#(event.kind.rawValue)","object":"# + event.json + "}")
        context.flush()
    }

    private func bookmark() {
        guard !finished else { return }
        send(#"{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"\#(seen)"}}}"#)
        context.flush()
    }

    private func send(_ line: String) {
        let buffer = context.channel.allocator.buffer(string: line + "\n")
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
    }

    /// Stops following the cluster and ends the response (`writing`), or just stops when the
    /// connection is gone. Safe to call more than once.
    func finish(writing: Bool) {
        guard !finished else { return }
        finished = true
        if let id { cluster.stopWatching(id) }
        for timer in timers { timer.cancel() }
        bookmarks?.cancel()
        if writing {
            let written = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
            if !head.isKeepAlive {
                let channel = context.channel
                written.whenComplete { _ in channel.close(promise: nil) }
            }
        }
        ended()
    }
}
