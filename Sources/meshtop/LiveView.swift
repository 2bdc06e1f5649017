import ArgumentParser
import CMalloc
import Foundation
import MeshKube
import MeshModel
import MeshSources
import MeshTap
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
    /// The cluster the pods are discovered in, for the header, `:ctx` and `:ns`; `nil` for
    /// static targets and the demo.
    var cluster: KubeSession?
    var fetcher: HTTPFetcher
    var window: Int64
    var interval: Int64
    var source: String
    /// The namespace shown at first (`--ns`), or nil for all.
    var namespace: String?
    var screen: ScreenOptions
    /// The cluster the Tap and Top pages tap through, asked when they open; nil for static targets.
    var tapClient: () -> KubeClient?

    /// Shows the dashboard until q or F10 (exit 0), or a signal or the terminal's hangup
    /// (exit 128 + signal). Without a terminal to show it on, warns and prints the `--once`
    /// report instead.
    func run() throws -> MeshtopExit {
        let theme = try screen.resolvedTheme()
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession(theme: theme, colorsAllowed: screen.colorsAllowed, mouse: screen.mouse)
        } catch let unavailable as TerminalUnavailable {
            Console.error(unavailable.warning)
            return OnceReport(discover: discover, fetcher: fetcher, window: window, source: source).run(.table)
        }
        let scraper = ScrapeThread(discover: discover, limits: fetcher.limits, windowMs: window, intervalMs: interval)
        scraper.start()
        let hungUp = show(on: terminal, scraper: scraper)
        scraper.stop()
        terminal.restore()
        scraper.waitUntilDone(timeoutMs: 2000)  // a round in flight is abandoned within a second
        if let sig = TerminalSignals.pending ?? (hungUp ? SIGHUP : nil) { throw ExitCode(128 + sig) }
        return .allScraped
    }

    /// The source's status: the cluster's, or just the problems.
    private func status(problems: [String]) -> SourceStatus {
        cluster?.status(problems: problems) ?? SourceStatus(problems: problems)
    }

    /// The input and redraw loop, until the user quits, a signal arrives or the terminal goes
    /// away (then it returns true). It draws only after a new snapshot, a key or a resize.
    private func show(on terminal: TerminalSession, scraper: ScrapeThread) -> Bool {
        let glyphs = screen.ascii ? Glyphs.ascii : terminal.glyphs
        var context = DashboardContext(source: source, intervalMs: interval, glyphs: glyphs, status: status(problems: []))
        var state = DashboardState(windowMs: window, intervalMs: interval, namespace: namespace)
        var trends = Trends()
        var latest: Snapshot?
        var shown: (snapshot: Snapshot?, trends: Trends) = (nil, trends)
        var seen = 0
        var dirty = true
        var rows = DashboardRows(nil, trends: trends, state: state, glyphs: glyphs, visible: 1)
        var graphLayout: GraphLayout?  // the last one shown, so the graph stays put across pages
        var tap = TapFeed(), tapThread: TapThread?, tapDrawnMs: Int64 = 0
        var retiredTaps: [TapThread] = []  // stopped for another target: waited for too before exiting
        defer {
            tapThread?.stop()
            for thread in retiredTaps + [tapThread].compactMap({ $0 }) { thread.waitUntilDone(timeoutMs: 2000) }
        }
        while !state.quitRequested, TerminalSignals.pending == nil {
            let nowMs = TapThread.nowMs()
            if state.page.tapView != nil || tapThread != nil,
               let request = tapRequest(state, namespaces: rows.namespaces), request != tapThread?.request {
                if let old = tapThread {
                    old.stop()
                    retiredTaps.append(old)
                }
                (tap, tapThread) = (TapFeed(), TapThread(client: tapClient(), request: request))
                tapThread?.start()
                dirty = true
            }
            if let tapThread, tapThread.drain(into: &tap, atMs: nowMs), state.page.tapView != nil { dirty = true }
            if state.page.tapView != nil, nowMs - tapDrawnMs >= 1000 { dirty = true }  // the rate and ages move on
            if let newer = scraper.slot.newer(than: seen) {
                (seen, latest) = (newer.version, newer.snapshot)
                trends.record(newer.snapshot)
                if !state.paused { (shown, dirty) = ((latest, trends), true) }
                let status = status(problems: newer.snapshot.problems)
                if status != context.status { (context.status, dirty) = (status, true) }
            }
            if dirty {
                let size = terminal.size
                rows = DashboardRows(shown.snapshot, trends: shown.trends, state: state, glyphs: glyphs,
                                     visible: DashboardView.visibleRows(height: size.height, status: context.status),
                                     width: size.width, graphLayout: graphLayout, tap: tap, nowMs: nowMs)
                graphLayout = rows.graphLayout ?? graphLayout
                tapDrawnMs = nowMs
                state.follow(rows)
                terminal.draw(DashboardView.render(shown.snapshot, rows: rows, trends: shown.trends, state: state,
                                                   context: context, width: size.width, height: size.height))
                dirty = false
            }
            switch terminal.getEvent() {
            case nil: break
            case .resize: dirty = true
            case .hangup: return true
            case .mouse(let mouse):
                let before = state
                let size = terminal.size
                state.point(mouse, at: DashboardView.rowIndex(atLine: mouse.y, column: mouse.x, snapshot: shown.snapshot,
                                                               rows: rows, state: state, width: size.width,
                                                               height: size.height, status: context.status), rows: rows)
                dirty = dirty || state != before
            case .key(let key):
                let before = state
                state.press(key, keymap: context.keymap, rows: rows, status: context.status, source: context.source)
                if let request = state.takeSourceRequest(), let cluster {
                    if let refusal = cluster.carryOut(request) { state.message = refusal }
                    // Another context watches its own namespace: show what it watches.
                    if case .context = request { state.namespace = cluster.current.namespaces.namespace }
                    context.status = status(problems: [])
                }
                if state.paused != before.paused, !state.paused { shown = (latest, trends) }
                if state.tap.paused != tap.isPaused { tap.setPaused(state.tap.paused, atMs: nowMs) }
                if state.windowMs != before.windowMs { scraper.setWindow(state.windowMs) }
                dirty = dirty || state != before
            }
        }
        return false
    }
}

extension LiveView {
    /// What the Tap and Top pages tap: the target chosen (`t`, `:tap`), else the namespace
    /// shown, else the first of the snapshot's namespaces; nil when there is none yet.
    func tapRequest(_ state: DashboardState, namespaces: [String]) -> TapRequest? {
        let target = state.tapTarget ?? (state.namespace ?? namespaces.first).map {
            TapResource(namespace: $0, kind: .namespace, name: $0)
        }
        return target.map { TapRequest(target: $0) }
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
    private let windowMs: Atomic<Int64>
    private let intervalMs: Int64
    private let worker = WorkerThread()

    init(discover: @escaping Discover, limits: FetchLimits, windowMs: Int64, intervalMs: Int64) {
        (self.discover, self.limits, self.intervalMs) = (discover, limits, intervalMs)
        self.windowMs = Atomic(windowMs)
    }

    func start() {
        worker.start { [self] in loop() }
    }

    /// Asks the thread to stop after the transfer in flight, if any.
    func stop() {
        worker.stop()
    }

    /// Computes the next rounds' snapshots over a window of `ms`.
    func setWindow(_ ms: Int64) {
        windowMs.store(ms, ordering: .relaxed)
    }

    /// Waits up to `timeoutMs` for the thread to finish (after `stop()`, a round in flight is
    /// abandoned within a second).
    func waitUntilDone(timeoutMs: Int) {
        worker.waitUntilDone(timeoutMs: timeoutMs)
    }

    private var stopped: Bool { worker.stopped }

    private func loop() {
        let round = ScrapeRound(fetcher: HTTPFetcher(limits: limits))
        var mesh = MeshWindow(windowMs: windowMs.load(ordering: .relaxed))
        let clock = ScrapeClock()
        var covered: Int64?  // since when the history is complete: the first round, or a widening
        var last: Int64 = 0
        while !stopped {
            let t = max(clock.nowMs(), last + 1)
            let window = windowMs.load(ordering: .relaxed)
            if window > mesh.windowMs { covered = covered.map { max($0, t - mesh.windowMs) } }
            mesh.windowMs = window
            let plan = discover()
            mesh.track(plan.targets)
            round.scrape(plan, at: t, into: &mesh, stopped: { stopped })
            let since = covered ?? t
            (covered, last) = (since, t)
            // Until a whole window is covered, rates are over the time there is data for.
            var snapshot = mesh.snapshot(at: t, rangeMs: t > since ? min(window, t - since) : window)
            plan.complete(&snapshot)
            slot.publish(snapshot)
            _ = malloc_trim(0)  // hands back the pages the round freed (glibc keeps them otherwise)
            clock.sleep(untilMs: t + intervalMs) { stopped }
        }
    }
}
