import Foundation
import MeshKube
import MeshSources
import MeshTap
import MeshTUI
import Synchronization

/// The live view's tap stream, on a thread of its own: ``KubeTap`` for one target, its events
/// paired into requests, which wait with the notices in an inbox that the main loop empties
/// into its ``TapFeed``. The thread never touches the terminal.
final class TapThread: Sendable {
    /// What it taps.
    let request: TapRequest
    private let client: KubeClient?
    private let inbox = Mutex(Inbox())
    private let worker = WorkerThread()

    /// What the thread has left for the main loop.
    private struct Inbox {
        var requests: [TappedRequest] = []
        var notices: [String] = []
        var pairing = TapPairingCounts()
        /// Requests dropped because the main loop did not keep up (the feed is bounded anyway).
        var overflow = 0
    }

    /// The inbox holds at most this many requests between two drains.
    static let inboxLimit = 10_000

    /// A tap of `request` through `client`; without a client it only says why it can't tap.
    init(client: KubeClient?, request: TapRequest) {
        self.client = client
        self.request = request
    }

    func start() {
        worker.start { [self] in run() }
    }

    /// Asks the thread to stop (a stream in flight is abandoned within a second).
    func stop() {
        worker.stop()
    }

    /// Waits up to `timeoutMs` for the thread to end after ``stop()``.
    func waitUntilDone(timeoutMs: Int) {
        worker.waitUntilDone(timeoutMs: timeoutMs)
    }

    /// Moves what arrived into `feed`, stamped `nowMs`; whether anything did.
    func drain(into feed: inout TapFeed, atMs nowMs: Int64) -> Bool {
        let taken = inbox.withLock { inbox in
            defer { (inbox.requests, inbox.notices, inbox.overflow) = ([], [], 0) }
            return inbox
        }
        for notice in taken.notices { feed.notice(notice, atMs: nowMs) }
        if taken.overflow > 0 { feed.notice("\(taken.overflow) requests came faster than the screen took them", atMs: nowMs) }
        for request in taken.requests { feed.add(request, atMs: nowMs) }
        feed.pairing = taken.pairing
        feed.maxRps = Double(request.maxRPS)
        return !taken.notices.isEmpty || !taken.requests.isEmpty
    }

    private func run() {
        guard let client else {
            return post(notice: "tap needs the Kubernetes API: run meshtop with a kubeconfig (or --demo)")
        }
        post(notice: "tapping \(request.target) (at most \(Int(request.maxRPS)) requests a second: a sample)")
        var pairing = TapPairing()
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 1))
        do {
            try KubeTap(client: client, request: request).run(fetcher: fetcher, stopped: { worker.stopped }) { update in
                switch update {
                case .notice(let text):
                    post(notice: text)
                case .event(let event):
                    let done = pairing.add(event, atMs: Self.nowMs())
                    let counts = pairing.counts
                    inbox.withLock { inbox in
                        inbox.pairing = counts
                        guard let done else { return }
                        if inbox.requests.count >= Self.inboxLimit { inbox.overflow += 1 } else { inbox.requests.append(done) }
                    }
                }
            }
        } catch {
            post(notice: "tap \(request.target): \(error)")
        }
    }

    private func post(notice: String) {
        inbox.withLock { $0.notices.append(notice) }
    }

    /// Milliseconds since the epoch: the feed's clock.
    static func nowMs() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}
