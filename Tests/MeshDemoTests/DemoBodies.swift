import Exposition
import MeshDemo
import MeshModel
import XCTest

/// One sample of a `/metrics` body, decoded for assertions.
struct BodySample {
    var name: String
    var labels: [String: String]
    /// The series as written, `name{…}`: what tells two series apart.
    var series: String
    var value: Double
}

/// A body scanned with `ExpositionScanner`: its samples and any lines it could not read.
struct ScannedBody {
    var samples: [BodySample] = []
    var errors: [String] = []

    /// Scans `body`; without `labels` the samples' label dictionaries stay empty (faster).
    init(_ body: [UInt8], labels decodeLabels: Bool = true) {
        body.withUnsafeBufferPointer { buf in
            var scanner = ExpositionScanner(buf)
            while let event = scanner.next() {
                switch event {
                case .sample(let s):
                    var labels: [String: String] = [:]
                    for span in scanner.labels where decodeLabels {
                        labels[ExpositionText.string(span.name, in: buf)] = ExpositionText.labelValue(span, in: buf)
                    }
                    samples.append(BodySample(name: ExpositionText.string(s.name, in: buf), labels: labels,
                                              series: ExpositionText.string(s.series, in: buf), value: s.value))
                case .error(let e): errors.append(e.description)
                case .metadata: continue
                }
            }
        }
    }

    /// The samples named `name` whose labels include every pair of `matching`.
    func values(_ name: String, _ matching: [String: String] = [:]) -> [BodySample] {
        samples.filter { s in s.name == name && matching.allSatisfy { s.labels[$0.key] == $0.value } }
    }

    /// The sum of those samples' values.
    func sum(_ name: String, _ matching: [String: String] = [:]) -> Double {
        values(name, matching).reduce(0) { $0 + $1.value }
    }
}

/// Helpers shared by the demo mesh tests.
enum DemoFixtures {
    static func mesh(_ topology: String, _ scenario: DemoScenario = .steady, seed: UInt64 = 7) -> DemoMesh {
        DemoMesh(topology: try! DemoTopology.named(topology, seed: seed), scenario: scenario, seed: seed)
    }

    static func proxy(_ mesh: DemoMesh, pod prefix: String) -> DemoProxy {
        mesh.proxies.first { $0.pod.hasPrefix(prefix + "-") }!
    }

    /// Gauges, which may go down; everything else in a body is a counter or a histogram part.
    static let gauges: Set = ["tcp_open_connections", "process_resident_memory_bytes", "process_start_time_seconds",
                              "proxy_build_info"]

    /// Meshtop's view of `mesh` after scraping every running proxy every `step` s over `from…to`.
    static func meshtop(_ mesh: DemoMesh, from: Double, to: Double, step: Double = 2) -> Snapshot {
        let windowMs = Int64((to - from) * 1000)
        var window = MeshWindow(windowMs: windowMs)
        var t = from
        while t <= to + 1e-9 {
            for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: t) {
                let target = ScrapeTarget(url: "demo://\(proxy.index)", workload: proxy.workload, pod: proxy.pod)
                let health = TargetHealth(url: target.url, pod: proxy.pod, workload: proxy.workload, ok: true,
                                          error: nil, bytes: 0, durationMs: 0)
                window.record(target, body: mesh.metricsBody(proxy.index, at: t), at: Int64(t * 1000), health: health)
            }
            t += step
        }
        return window.snapshot(at: Int64(to * 1000))
    }

    /// Prometheus's quantile of the increase of `response_latency_ms_bucket` samples between two
    /// bodies, over the series matching `labels`.
    static func quantile(_ q: Double, _ before: ScannedBody, _ after: ScannedBody, _ labels: [String: String]) -> Double {
        var increase: [Double: Double] = [:]
        let old = Dictionary(before.values("response_latency_ms_bucket", labels).map { ($0.series, $0.value) },
                             uniquingKeysWith: +)
        for s in after.values("response_latency_ms_bucket", labels) {
            let le = s.labels["le"] == "+Inf" ? Double.infinity : Double(s.labels["le"]!)!
            increase[le, default: 0] += s.value - (old[s.series] ?? 0)
        }
        return HistogramQuantile.quantile(q, buckets: increase.map { Bucket(upperBound: $0.key, count: $0.value) })
    }
}
