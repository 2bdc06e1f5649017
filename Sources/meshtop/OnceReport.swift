import Foundation
import MeshModel
import MeshSources

/// Where a run's scrape targets come from, and how to fetch them; called once per scrape round.
typealias Discover = @Sendable () -> ScrapePlan

/// `meshtop --once`: scrape, wait the window, scrape again, print and exit.
struct OnceReport {
    /// The proxies to scrape, asked before each of the two rounds.
    var discover: Discover
    var fetcher: HTTPFetcher
    var window: Int64
    /// What the JSON `source` key says the targets came from.
    var source: String

    /// Prints the table, JSON document or graph; returns the exit status the scrape health calls for.
    func run(_ format: ReportFormat) -> MeshtopExit {
        let snapshot = measure()
        Console.out(format.render(snapshot, source: source))
        return Self.report(snapshot)
    }

    /// Two scrape rounds one window apart, and the golden metrics between them.
    func measure() -> Snapshot {
        let round = ScrapeRound(fetcher: fetcher)
        var mesh = MeshWindow(windowMs: window)
        let clock = ScrapeClock()
        let t0 = clock.nowMs()
        var earlier: [String: TargetHealth] = [:]
        let first = discover()
        mesh.track(first.targets)
        round.scrape(first, at: t0, into: &mesh) { earlier[$1.url] = $1 }
        clock.sleep(untilMs: t0 + window)
        let t1 = max(clock.nowMs(), t0 + 1)
        let second = discover()
        mesh.track(second.targets)
        round.scrape(second, at: t1, into: &mesh) { _, health in
            if health.ok, let before = earlier[health.url], !before.ok {
                health.ok = false
                health.error = "first scrape failed: \(before.error ?? "unknown error")"
            }
        }
        var snapshot = mesh.snapshot(at: t1, rangeMs: t1 - t0)
        second.complete(&snapshot)
        return snapshot
    }

    /// Names the source's problems and failed targets on stderr and picks the exit status:
    /// nothing to scrape is as bad as nothing scraped.
    static func report(_ snapshot: Snapshot) -> MeshtopExit {
        let targets = snapshot.targets
        for problem in snapshot.problems { Console.error(StatTable.display(problem)) }
        if targets.isEmpty && !snapshot.problems.isEmpty { return .nothingScraped }
        let failed = targets.filter { !$0.ok }
        for t in targets where t.parseErrors > 0 {
            Console.error("\(StatTable.display(t.url)): skipped \(t.parseErrors) unreadable line(s), first: \(StatTable.display(t.parseErrorMessages.first ?? ""))")
        }
        guard !failed.isEmpty else { return .allScraped }
        Console.error("\(failed.count) of \(targets.count) targets failed:")
        // Targets failing alike (RBAC refusing pods/proxy in a namespace) share one line.
        var reasons: [String] = []
        var alike: [String: [TargetHealth]] = [:]
        for t in failed {
            let reason = t.error ?? "unknown error"
            if alike[reason] == nil { reasons.append(reason) }
            alike[reason, default: []].append(t)
        }
        for reason in reasons {
            let group = alike[reason]!
            let who = group.count == 1 ? StatTable.display(group[0].url)
                : "\(group.count) targets (\(group.prefix(3).map { StatTable.display($0.pod) }.joined(separator: ", "))\(group.count > 3 ? ", …" : ""))"
            FileHandle.standardError.write(Data("  \(who): \(StatTable.display(reason))\n".utf8))
        }
        return failed.count == targets.count ? .nothingScraped : .someFailed
    }
}
