import Foundation
import MeshKube
import MeshModel
import MeshSources

/// `meshtop bench --kubeconfig PATH`: discovery and scrape rounds through a cluster's API
/// server (the demo's, for figures anyone can repeat), timed and costed.
struct KubeBench {
    var options: KubeOptions
    var namespace: String?
    var allNamespaces: Bool
    var rounds: Int
    var intervalMs: Int64

    /// Prints the time to the first pod list, then each round's wall time and CPU, and their medians.
    func run() throws {
        let limits = FetchLimits(maxConcurrent: 64, connectTimeoutMs: 2000, totalTimeoutMs: 10_000)
        let clock = ContinuousClock()
        let cpu0 = Self.cpuMs()
        var session: KubeSession?
        let listing = try clock.measure {
            session = try KubeSession(options, namespace: namespace, allNamespaces: allNamespaces, limits: limits)
        }
        guard let session else { return }
        defer { session.stop() }
        let first = session.plan()
        Console.out("discovery: \(first.targets.count) meshed pods listed in \(Self.ms(listing.seconds * 1000)) ms "
            + "(CPU \(Self.ms(Self.cpuMs() - cpu0)) ms)\n")
        for problem in first.problems { Console.out("  problem: \(problem)\n") }
        let round = ScrapeRound(fetcher: HTTPFetcher(limits: limits))
        var mesh = MeshWindow(windowMs: 10_000)
        var walls: [Double] = [], cpus: [Double] = [], failed = 0
        let started = clock.now
        for index in 0..<rounds {
            let deadline = started + .milliseconds(Int64(index) * intervalMs)
            if clock.now < deadline { Thread.sleep(forTimeInterval: (deadline - clock.now).seconds) }
            let (wall0, cpu) = (clock.now, Self.cpuMs())
            let plan = session.plan()
            mesh.track(plan.targets)
            var failures = 0
            round.scrape(plan, at: Int64(Date().timeIntervalSince1970 * 1000), into: &mesh) { _, health in
                failures += health.ok ? 0 : 1
            }
            _ = mesh.snapshot(at: Int64(Date().timeIntervalSince1970 * 1000), rangeMs: 10_000)
            walls.append((clock.now - wall0).seconds * 1000)
            cpus.append(Self.cpuMs() - cpu)
            failed += failures
            Console.out("round \(index + 1): \(plan.targets.count) pods, \(failures) failed, "
                + "\(Self.ms(walls.last!)) ms, CPU \(Self.ms(cpus.last!)) ms\n")
        }
        let (wall, cost) = (Self.median(walls), Self.median(cpus))
        Console.out("median round: \(Self.ms(wall)) ms wall, \(Self.ms(cost)) ms CPU; every \(intervalMs) ms that is "
            + "\(StatTable.fixed(100 * cost / Double(intervalMs), 1)) % of a core; \(failed) failed scrapes in all\n")
    }

    private static func median(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }

    private static func ms(_ value: Double) -> String { StatTable.fixed(value, 1) }

    /// User and system CPU time of this process so far, in milliseconds.
    private static func cpuMs() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
}
