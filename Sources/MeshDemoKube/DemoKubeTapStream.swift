import MeshDemo
import MeshTap
import NIOCore
import NIOHTTP1

/// One tap streamed on a connection: a chunked `200` of `application/octet-stream` whose body
/// is length-prefixed `TapEvent`s, as Linkerd's tap server writes them, until the client goes
/// away or ``DemoKubeTapSpec/maxSeconds`` pass.
///
/// Every ``tickMs`` it asks the traffic model for the requests the tapped pods' proxies saw
/// since the last tick (``DemoMesh/tap(_:from:to:maxRps:where:)``, with the tap's `maxRps` and
/// match filters), and sends the three events of each request that has ended by then, all in
/// time order; one that is still running waits for its end. A client that doesn't keep up loses
/// events, as the proxies drop them when their buffer is full.
///
/// Lives on the connection's event loop.
final class DemoKubeTapStream {
    /// How often events go out.
    static let tickMs: Int64 = 200

    private let spec: DemoKubeTapSpec
    private let routes: DemoKubeRoutes
    private let head: HTTPRequestHead
    private let context: ChannelHandlerContext
    private let ended: () -> Void
    /// The stream base of each tapped pod's proxy, so that the two ends of a call tell apart.
    private let bases: [String: UInt32]
    /// When the tap started, and up to when the model has been asked, in ms of the scenario.
    private var startMs: Int64 = 0
    private var cursorMs: Int64 = 0
    /// Requests seen that have not ended yet.
    private var running: [DemoTapRequest] = []
    private var ticks: RepeatedTask?
    private var timeout: Scheduled<Void>?
    private var finished = false

    /// A stream answering `head` on `context`; `ended` runs once it has finished.
    init(spec: DemoKubeTapSpec, routes: DemoKubeRoutes, head: HTTPRequestHead, context: ChannelHandlerContext,
         ended: @escaping () -> Void) {
        self.spec = spec
        self.routes = routes
        self.head = head
        self.context = context
        self.ended = ended
        bases = Dictionary(routes.mesh.proxies.filter { $0.workload.namespace == spec.namespace }.map {
            ($0.pod, UInt32(truncatingIfNeeded: $0.index + 1))
        }) { first, _ in first }
    }

    /// Sends the head and starts the ticks.
    func start() {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/octet-stream")
        headers.add(name: "Transfer-Encoding", value: "chunked")
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: .ok,
                                                                                  headers: headers))), promise: nil)
        startMs = nowMs()
        cursorMs = startMs
        let loop = context.eventLoop
        let bound = NIOLoopBound(self, eventLoop: loop)
        let every = TimeAmount.milliseconds(Self.tickMs)
        ticks = loop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in bound.value.tick() }
        timeout = loop.scheduleTask(in: .seconds(Int64(spec.maxSeconds))) { bound.value.finish(writing: true) }
    }

    /// Takes in the requests started since the last tick and sends the ones that have ended.
    private func tick() {
        guard !finished else { return }
        let now = nowMs()
        guard now > cursorMs else { return }
        running += requests(until: now)
        cursorMs = now
        let due = running.filter { endMs($0) <= Double(now) }
        running.removeAll { endMs($0) <= Double(now) }
        guard !due.isEmpty, context.channel.isWritable else { return }
        let pods = routes.cluster.pods(at: Set(due.flatMap { [$0.source.ip, $0.destination.ip] }))
        let events = due.flatMap { DemoKubeTapEvents.events(of: $0, base: base(of: $0), pods: pods) }
            .enumerated().sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }
        var bytes: [UInt8] = []
        for timed in events { TapFrame.append(timed.element.event.serializedBytes(), to: &bytes) }
        let buffer = context.channel.allocator.buffer(bytes: bytes)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
    }

    /// The requests the tapped proxies saw start from the cursor to `now`, cut to `maxRps` in
    /// each second. The model cuts each second from its first request, so it is asked from the
    /// start of the cursor's second (or of the tap) and what came before the cursor is dropped.
    private func requests(until now: Int64) -> [DemoTapRequest] {
        let from = max(startMs, cursorMs / 1000 * 1000)
        let pods = spec.pods
        let filter = spec.request.filter
        let cursor = cursorMs
        return routes.mesh.tap(DemoTapTarget(namespace: spec.namespace), from: Self.seconds(from), to: Self.seconds(now),
                               maxRps: Double(spec.request.maxRPS)) { request in
            let tapping = request.direction == .outbound ? request.source : request.destination
            guard let pod = tapping.pod, pods.contains(pod) else { return false }
            return filter.matches(DemoKubeTapEvents.requestInit(request, id: TapStreamID(base: 0, stream: request.streamID)),
                                  destinationLabels: request.destination.discoveryLabels)
        }.filter { $0.startMs >= cursor }
    }

    /// The stream base of the proxy that saw `request`.
    private func base(of request: DemoTapRequest) -> UInt32 {
        let tapping = request.direction == .outbound ? request.source : request.destination
        return tapping.pod.flatMap { bases[$0] } ?? 0
    }

    private func endMs(_ request: DemoTapRequest) -> Double { Double(request.startMs) + request.latencyMs }

    private func nowMs() -> Int64 { Int64((routes.scenarioSeconds() * 1000).rounded(.down)) }

    /// `ms` as the model's seconds, half a millisecond in so that it reads back as `ms`.
    private static func seconds(_ ms: Int64) -> Double { (Double(ms) + 0.5) / 1000 }

    /// Stops the ticks and ends the response (`writing`), or just stops when the connection is
    /// gone. Safe to call more than once.
    func finish(writing: Bool) {
        guard !finished else { return }
        finished = true
        ticks?.cancel()
        timeout?.cancel()
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
