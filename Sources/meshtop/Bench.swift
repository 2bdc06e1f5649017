import ArgumentParser
import Exposition
import Foundation
import MeshDemo
import MeshModel
import MeshTUI

/// `meshtop bench`: parse speed on a generated linkerd-like exposition, single-threaded.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop bench",
        abstract: "Measure how fast meshtop parses and ingests proxy metrics (build with -c release).",
        discussion: """
        Generates a deterministic linkerd2-proxy /metrics body and times, on one thread: the \
        scanner alone; a first scrape into a new proxy history (cold: every series decoded and \
        classified); and a repeat scrape (warm: series found in the cache by their bytes). \
        Prints the median, min and max in MB/s (10^6 bytes per second). With --kubeconfig it \
        measures instead discovery and scrape rounds through that cluster's API server (try it on \
        `meshtop demo --topology synthetic:2000 --kube-api --kubeconfig-out PATH`).
        """)

    @Option(help: "Size of the generated body in bytes.")
    var bytes = 5_000_000

    @Option(help: "Timed runs per measurement (after one warm-up run).")
    var runs = 21

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Run only this measurement (scan, cold, warm, render, graph or tap), e.g. under a profiler.")
    var only: String?

    @OptionGroup(title: "Through a cluster's API server") var kube: KubeOptions

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "With --kubeconfig: pods of every namespace.")
    var allNamespaces = false

    @Option(name: [.customLong("ns"), .customShort("n")], help: "With --kubeconfig: pods of this namespace.")
    var namespace: String?

    @Option(help: "With --kubeconfig: scrape rounds to time, one every 2 s.")
    var rounds = 10

    func run() throws {
        if kube.namesCluster {
            return try KubeBench(options: kube, namespace: namespace, allNamespaces: allNamespaces, rounds: rounds,
                                 intervalMs: 2000).run()
        }
        let body = SyntheticExposition.body(targetBytes: bytes, seed: seed)
        let samples = countSamples(body)
        Console.out("body: \(body.count) bytes, \(samples) samples, \(body.split(separator: 10).count) lines; \(runs) runs each\n")
        Console.out("measurement          median MB/s    min MB/s    max MB/s   median ms\n")
        if selected("scan") { report("scan only", measure { _ = countSamples(body) }, body.count) }
        let target = ScrapeTarget(url: "bench", workload: WorkloadRef(namespace: "bench", kind: "deployment", name: "bench"), pod: "bench-0")
        if selected("cold") {
            report("ingest cold", measure {
                var history = ProxyHistory(target: target)
                history.ingest(body, at: 0)
            }, body.count)
        }
        if selected("warm") { measureWarm(body, target) }
        if selected("render") { measureRender() }
        if selected("graph") { measureGraph() }
        if selected("tap") { try TapBench(runs: max(3, runs / 4)).run() }
    }

    /// Milliseconds to lay out a seeded 200-node, 1,000-edge call graph from scratch (left to
    /// right, and top-down), and to lay it out again after a rate change with the previous
    /// layout given.
    private func measureGraph() {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let nodes = (0..<200).map { MeshGraph.Node(id: WorkloadRef(namespace: "ns\($0 % 5)", kind: "deployment", name: "svc-\($0)"), role: .workload) }
        var pairs = Set<[Int]>()
        while pairs.count < 1000 { pairs.insert([next(200), next(200)]) }
        let edges = pairs.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.map {
            MeshGraph.Edge(from: $0[0], to: $0[1], metrics: GoldenMetrics(rps: Double(next(100)), success: 1), mtls: true)
        }
        var graph = MeshGraph(nodes: nodes, edges: edges)
        let fresh = measure { _ = GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode)) }.sorted()
        let freshDown = measure {
            _ = GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode), orientation: .topDown)
        }.sorted()
        let previous = GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode))
        graph.edges[0].metrics.rps = 123
        let again = measure { _ = GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode), previous: previous) }.sorted()
        Console.out("\ngraph layout (200 nodes, 1,000 edges)                 median ms    min ms    max ms\n")
        for (name, seconds) in [("fresh, left to right, no previous layout", fresh), ("fresh, top-down, no previous layout", freshDown),
                                ("after a rate change, previous given", again)] {
            func ms(_ s: Double) -> String { StatTable.fixed(s * 1000, 3) }
            Console.out("  " + name.padding(toLength: 50, withPad: " ", startingAt: 0)
                + [ms(seconds[seconds.count / 2]), ms(seconds.first!), ms(seconds.last!)].map { $0.leftPadded(10) }.joined() + "\n")
        }
    }

    private func measureWarm(_ body: [UInt8], _ target: ScrapeTarget) {
        var warm = ProxyHistory(target: target)
        warm.ingest(body, at: 0)
        var now: Int64 = 0
        report("ingest warm", measure {
            now += 1000
            warm.ingest(body, at: now)
            warm.forget(before: now - 10_000)
        }, body.count)
    }

    /// Milliseconds per dashboard frame (rows built, sorted, drawn into the grid) of a
    /// 500-workload, 2,000-edge mesh at 200x60.
    private func measureRender() {
        let bench = RenderBench()
        Console.out("\nframe (500 workloads, 2,000 edges, 2,000 pods; rows + render at 200x60)   median ms    min ms    max ms\n")
        for page in DashboardPage.allCases {
            let seconds = measure { _ = bench.frame(page) }.sorted()
            func ms(_ s: Double) -> String { StatTable.fixed(s * 1000, 3) }
            Console.out("  " + page.title.padding(toLength: 73, withPad: " ", startingAt: 0)
                + [ms(seconds[seconds.count / 2]), ms(seconds.first!), ms(seconds.last!)].map { $0.leftPadded(10) }.joined() + "\n")
        }
    }

    private func selected(_ name: String) -> Bool { only == nil || only == name }

    private func countSamples(_ body: [UInt8]) -> Int {
        body.withUnsafeBufferPointer { buf in
            var scanner = ExpositionScanner(buf)
            var n = 0
            while let event = scanner.next() { if case .sample = event { n += 1 } }
            return n
        }
    }

    /// Seconds per run: one warm-up, then `runs` timed runs.
    private func measure(_ work: () -> Void) -> [Double] {
        work()
        let clock = ContinuousClock()
        return (0..<runs).map { _ in
            clock.measure(work).seconds
        }
    }

    private func report(_ name: String, _ seconds: [Double], _ size: Int) {
        let sorted = seconds.sorted()
        let median = sorted[sorted.count / 2]
        func mbps(_ s: Double) -> String { StatTable.fixed(Double(size) / s / 1e6, 0) }
        Console.out(name.padding(toLength: 18, withPad: " ", startingAt: 0) + mbps(median).leftPadded(14)
            + mbps(sorted.last!).leftPadded(12) + mbps(sorted.first!).leftPadded(12) + StatTable.fixed(median * 1000, 2).leftPadded(12) + "\n")
    }
}

extension String {
    /// The string right-aligned in `width` characters, for the bench tables.
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
