import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why ``DemoServer/start(proxy:)`` failed, besides socket errors.
public enum DemoServerError: Error, Equatable {
    /// ``DemoServer/shutdown()`` was called; the server serves nothing any more.
    case shutDown
}

/// Serves many simulated linkerd2-proxy admin servers from one process, each on its own ephemeral
/// port on 127.0.0.1, so a scraper makes one HTTP request per proxy exactly as it would per pod.
///
/// All listeners share one event loop group. Call ``shutdown()`` when done: the group's threads
/// outlive the object otherwise.
public final class DemoServer: Sendable {
    /// One proxy's listening socket and the connections it accepted.
    private struct Listener: Sendable {
        let channel: any Channel
        let port: Int
        let connections: DemoConnectionTracker
    }

    private struct State: Sendable {
        var listeners: [Int: Listener] = [:]
        var isShutDown = false
    }

    private let group: MultiThreadedEventLoopGroup
    private let responder: DemoResponder
    private let state = Mutex(State())

    /// A server whose event loop group has `threads` threads (at least one). Two are plenty for
    /// thousands of proxies scraped every few seconds: a body takes about a millisecond to build.
    public init(threads: Int = 2, responder: @escaping DemoResponder) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        self.responder = responder
    }

    /// Starts serving `proxy` on 127.0.0.1 with an ephemeral port and returns the port. Serving a
    /// proxy that is already served returns its port. Blocks briefly while the socket binds.
    ///
    /// - Throws: ``DemoServerError/shutDown`` after ``shutdown()``, or the socket error (for
    ///   example `EMFILE` when out of file descriptors: see ``raiseOpenFileLimit()``).
    public func start(proxy: Int) throws -> Int {
        let existing = try state.withLock { state -> Int? in
            guard !state.isShutDown else { throw DemoServerError.shutDown }
            return state.listeners[proxy]?.port
        }
        if let existing { return existing }

        let connections = DemoConnectionTracker()
        let responder = self.responder
        let channel = try ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                guard connections.add(channel) else { return channel.close() }
                return channel.eventLoop.makeCompletedFuture {
                    try DemoPipeline.configure(channel, proxy: proxy, responder: responder)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .wait()
        let port = channel.localAddress?.port ?? 0
        let listener = Listener(channel: channel, port: port, connections: connections)

        // Binding happened outside the lock; re-check for a racing start() or shutdown().
        let outcome = state.withLock { state -> Result<Int, DemoServerError> in
            if state.isShutDown { return .failure(.shutDown) }
            if let winner = state.listeners[proxy] { return .success(winner.port) }
            state.listeners[proxy] = listener
            return .success(port)
        }
        if case .success(let served) = outcome, served == port { return port }
        close([listener])
        return try outcome.get()
    }

    /// Stops serving `proxy`: its listening socket and its open connections close, so the next
    /// scrape gets connection refused, as when a pod vanishes. Does nothing for a proxy not served.
    /// Returns once the port is closed, unless called on an event loop thread.
    public func stop(proxy: Int) {
        guard let listener = state.withLock({ $0.listeners.removeValue(forKey: proxy) }) else { return }
        close([listener])
    }

    /// The ports of the proxies being served, by proxy index.
    public var ports: [Int: Int] {
        state.withLock { $0.listeners.mapValues(\.port) }
    }

    /// Closes every listener and connection and shuts the event loop group down. Safe to call more
    /// than once; must not be called on one of this server's event loop threads.
    public func shutdown() {
        let listeners = state.withLock { state -> [Listener]? in
            guard !state.isShutDown else { return nil }
            state.isShutDown = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        guard let listeners else { return }
        close(listeners)
        try? group.syncShutdownGracefully()
    }

    /// Closes listeners and their connections, waiting for it unless on an event loop thread (where
    /// waiting would deadlock; NIO traps on it).
    private func close(_ listeners: [Listener]) {
        guard !listeners.isEmpty else { return }
        let loop = group.next()
        let done = listeners.map { listener in
            listener.channel.close().recover { _ in }.flatMap { listener.connections.closeAll(on: loop) }
        }
        let all = EventLoopFuture.andAllComplete(done, on: loop)
        if MultiThreadedEventLoopGroup.currentEventLoop == nil { try? all.wait() }
    }

    /// Raises this process's soft limit on open files towards its hard limit, to at most `cap`, and
    /// returns the soft limit now in force (never lowers it).
    ///
    /// Why: every simulated proxy holds a listening socket, and a scraper in the same process holds
    /// a client socket per kept-alive connection while the server holds the other end: about three
    /// descriptors per proxy. macOS starts processes at 256 and many Linux shells at 1024, so
    /// `meshtop demo` with 2,000 proxies needs this at startup. The cap exists because hard limits
    /// can be in the millions, and code that walks every possible descriptor (closing them before
    /// exec, say) slows down with the soft limit.
    @discardableResult
    public static func raiseOpenFileLimit(cap: Int = 65_536) -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return 0 }
        let target = min(limit.rlim_max, rlim_t(max(cap, 0)))
        guard limit.rlim_cur < target else { return clamp(limit.rlim_cur) }
        let old = limit.rlim_cur
        limit.rlim_cur = target
        if setrlimit(resourceNoFile, &limit) != 0 {
            // macOS refuses more than OPEN_MAX (10,240) per process whatever the hard limit says.
            limit.rlim_cur = min(target, 10_240)
            if limit.rlim_cur <= old || setrlimit(resourceNoFile, &limit) != 0 { return clamp(old) }
        }
        return clamp(limit.rlim_cur)
    }

    /// The open-file resource, typed as each C library's `getrlimit` wants it.
    #if canImport(Glibc)
    private static let resourceNoFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNoFile = RLIMIT_NOFILE
    #endif

    private static func clamp(_ value: rlim_t) -> Int {
        value > rlim_t(Int.max) ? Int.max : Int(value)
    }
}
