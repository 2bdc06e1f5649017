import ArgumentParser
import CMalloc
import Foundation
import MeshModel
import MeshSources
import MeshTUI
import Synchronization

/// The live view: a full-screen dashboard of workloads and edges that a background thread
/// keeps fed with a new snapshot every `interval`.
///
/// The main thread owns the terminal: it waits for keys with a timeout, picks up new
/// snapshots from a `SnapshotSlot`, and redraws when either changes something or the window
/// is resized. The scrape thread never touches the terminal.
struct LiveView {
    /// The proxies to scrape, asked again every round: a demo or cluster's pods come and go.
    var discover: Discover
    var fetcher: HTTPFetcher
    var window: Int64
    var interval: Int64
    var source: String

    /// Shows the dashboard until q, Esc or F10 (exit 0), or a signal or the terminal's hangup
    /// (exit 128 + signal). Without a terminal to show it on, warns and prints the `--once`
    /// report instead.
    func run() throws -> MeshtopExit {
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession()
        } catch let unavailable as TerminalUnavailable {
            Console.error(unavailable.warning)
            return OnceReport(discover: discover, fetcher: fetcher, window: window, source: source).run(json: false)
        }
        let scraper = ScrapeThread(discover: discover, limits: fetcher.limits, windowMs: window, intervalMs: interval)
        scraper.start()
        let hungUp = show(on: terminal, from: scraper.slot)
        scraper.stop()
        terminal.restore()
        scraper.waitUntilDone(timeoutMs: 1000)
        if let sig = TerminalSignals.pending ?? (hungUp ? SIGHUP : nil) { throw ExitCode(128 + sig) }
        return .allScraped
    }

    /// The input and redraw loop, until the user quits, a signal arrives or the terminal goes
    /// away (then it returns true).
    private func show(on terminal: TerminalSession, from slot: SnapshotSlot) -> Bool {
        let context = DashboardContext(source: source, windowMs: window, intervalMs: interval, glyphs: terminal.glyphs)
        var state = DashboardState()
        var snapshot: Snapshot?
        var seen = 0
        var dirty = true
        while !state.quitRequested, TerminalSignals.pending == nil {
            if !state.paused, let newer = slot.newer(than: seen) {
                (seen, snapshot) = (newer.version, newer.snapshot)
                state.clamp(workloads: newer.snapshot.workloads.count, edges: newer.snapshot.edges.count)
                dirty = true
            }
            if dirty {
                let size = terminal.size
                terminal.draw(DashboardView.render(snapshot, state: state, context: context,
                                                   width: size.width, height: size.height))
                dirty = false
            }
            switch terminal.getEvent() {
            case nil: break
            case .resize: dirty = true
            case .hangup: return true
            case .mouse: break
            case .key(let key):
                guard let action = context.keymap.action(for: key) else { break }
                state.apply(action, workloads: snapshot?.workloads.count ?? 0, edges: snapshot?.edges.count ?? 0)
                dirty = true
            }
        }
        return false
    }
}

/// The scrape loop on its own thread: a round every interval, each published as a snapshot
/// of the window so far, until `stop()`.
///
/// The `HTTPFetcher` is made on the thread itself from the limits: it holds libcurl handles
/// and isn't `Sendable`, so it never crosses threads.
private final class ScrapeThread: Sendable {
    let slot = SnapshotSlot()
    private let discover: Discover
    private let limits: FetchLimits
    private let windowMs: Int64
    private let intervalMs: Int64
    private let stopping = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)

    init(discover: @escaping Discover, limits: FetchLimits, windowMs: Int64, intervalMs: Int64) {
        (self.discover, self.limits, self.windowMs, self.intervalMs) = (discover, limits, windowMs, intervalMs)
    }

    func start() {
        Thread { [self] in
            loop()
            done.store(true, ordering: .releasing)
        }.start()
    }

    /// Asks the thread to stop after the transfer in flight, if any.
    func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    /// Waits up to `timeoutMs` for the thread to finish; a slow transfer is not waited out.
    func waitUntilDone(timeoutMs: Int) {
        for _ in 0..<(timeoutMs / 10) where !done.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    private var stopped: Bool { stopping.load(ordering: .relaxed) }

    private func loop() {
        let round = ScrapeRound(fetcher: HTTPFetcher(limits: limits))
        var mesh = MeshWindow(windowMs: windowMs)
        let clock = ScrapeClock()
        var first: Int64?
        var last: Int64 = 0
        while !stopped {
            let t = max(clock.nowMs(), last + 1)
            let targets = discover()
            mesh.track(targets)
            round.scrape(targets, at: t, into: &mesh)
            let begin = first ?? t
            (first, last) = (begin, t)
            // Until a whole window has passed, rates are over the time there is data for.
            slot.publish(mesh.snapshot(at: t, rangeMs: t > begin ? min(windowMs, t - begin) : windowMs))
            _ = malloc_trim(0)  // hands back the pages the round freed (glibc keeps them otherwise)
            clock.sleep(untilMs: t + intervalMs) { stopped }
        }
    }
}
