import Foundation
import MeshModel
import MeshSources

/// Where a run's scrape targets come from; called once per scrape round.
typealias Discover = @Sendable () -> [ScrapeTarget]

/// `meshtop --once`: scrape, wait the window, scrape again, print and exit.
struct OnceReport {
    /// The proxies to scrape, asked before each of the two rounds.
    var discover: Discover
    var fetcher: HTTPFetcher
    var window: Int64
    /// What the JSON `source` key says the targets came from.
    var source: String

    /// Prints the table or JSON document; returns the exit status the scrape health calls for.
    func run(json: Bool) -> MeshtopExit {
        let snapshot = measure()
        Console.out(json ? SnapshotJSON.encode(snapshot, source: source) + "\n" : StatTable.render(snapshot))
        return Self.report(snapshot.targets)
    }

    /// Two scrape rounds one window apart, and the golden metrics between them.
    func measure() -> Snapshot {
        let round = ScrapeRound(fetcher: fetcher)
        var mesh = MeshWindow(windowMs: window)
        let clock = ScrapeClock()
        let t0 = clock.nowMs()
        var earlier: [String: TargetHealth] = [:]
        let first = discover()
        mesh.track(first)
        round.scrape(first, at: t0, into: &mesh) { earlier[$0.url] = $0 }
        clock.sleep(untilMs: t0 + window)
        let t1 = max(clock.nowMs(), t0 + 1)
        let second = discover()
        mesh.track(second)
        round.scrape(second, at: t1, into: &mesh) { health in
            if health.ok, let before = earlier[health.url], !before.ok {
                health.ok = false
                health.error = "first scrape failed: \(before.error ?? "unknown error")"
            }
        }
        return mesh.snapshot(at: t1, rangeMs: t1 - t0)
    }

    /// Names failed targets on stderr and picks the exit status.
    static func report(_ targets: [TargetHealth]) -> MeshtopExit {
        let failed = targets.filter { !$0.ok }
        for t in targets where t.parseErrors > 0 {
            Console.error("\(StatTable.display(t.url)): skipped \(t.parseErrors) unreadable line(s), first: \(StatTable.display(t.parseErrorMessages.first ?? ""))")
        }
        guard !failed.isEmpty else { return .allScraped }
        Console.error("\(failed.count) of \(targets.count) targets failed:")
        for t in failed {
            FileHandle.standardError.write(Data("  \(StatTable.display(t.url)): \(StatTable.display(t.error ?? "unknown error"))\n".utf8))
        }
        return failed.count == targets.count ? .nothingScraped : .someFailed
    }
}
