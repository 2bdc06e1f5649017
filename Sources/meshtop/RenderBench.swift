import Exposition
import MeshModel
import MeshTUI

/// The dashboard's per-frame work on a big mesh: building the page's rows (namespace, filter,
/// sort) and rendering them into the cell grid, at 200x60. The Graph page's frame is the steady
/// one: the last frame's layout is given, as the live view gives it.
struct RenderBench {
    /// 500 workloads in 10 namespaces, 2,000 edges, 2,000 pods, each with all its metrics, and
    /// two minutes of trends: larger than most meshes an operator watches.
    let snapshot: Snapshot
    let trends: Trends
    /// The Graph page's layout of the snapshot, made once.
    private(set) var graphLayout: GraphLayout?

    init(workloads: Int = 500, edges: Int = 2_000, seed: UInt64 = 1) {
        var random = seed
        func next() -> Double {  // xorshift: deterministic, no Foundation
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Double(random % 1_000_000) / 1_000_000
        }
        let refs = (0..<workloads).map { WorkloadRef(namespace: "ns-\($0 % 10)", kind: "deployment", name: "service-\($0)") }
        func metrics() -> GoldenMetrics {
            GoldenMetrics(rps: next() * 500, success: 0.9 + next() / 10, latencyP50: next() * 20, latencyP95: 20 + next() * 80,
                          latencyP99: 100 + next() * 400, tcpOpenConnections: (next() * 50).rounded())
        }
        let bounds: [Double] = [1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500, 1000, .infinity]
        let stats = refs.map { ref in
            WorkloadStats(workload: ref, meshedPods: 4, totalPods: 4, metrics: metrics(),
                          latencyBuckets: bounds.enumerated().map { Bucket(upperBound: $1, count: Double($0 * 100)) })
        }
        let edgeStats = (0..<edges).map { i in
            EdgeStats(src: refs[i % workloads], dst: refs[(i * 7 + 3) % workloads], metrics: metrics(), mtls: i % 10 != 0,
                      noTLSReason: i % 10 == 0 ? "no_identity" : "", serverID: "")
        }
        let pods = (0..<(workloads * 4)).map { i in
            PodStats(pod: "service-\(i / 4)-7d9c8b5f4-\(i)", workload: refs[i / 4], metrics: metrics(), url: "http://10.0.\(i / 250).\(i % 250):4191/metrics")
        }
        let targets = pods.map { TargetHealth(url: $0.url, pod: $0.pod, workload: $0.workload, ok: true, error: nil, bytes: 80_000, durationMs: 12) }
        snapshot = Snapshot(generatedAtMs: 1_700_000_000_000, windowSeconds: 10, workloads: stats, edges: edgeStats.sorted { ($0.src, $0.dst) < ($1.src, $1.dst) },
                            pods: pods, targets: targets)
        var trends = Trends()
        for step in 0..<60 {
            var past = snapshot
            past.generatedAtMs -= Int64(60 - step) * 2_000
            for w in past.workloads.indices { past.workloads[w].metrics.rps = next() * 500 }
            trends.record(past)
        }
        self.trends = trends
        var graphState = DashboardState(windowMs: 10_000, intervalMs: 2_000)
        graphState.page = .graph
        graphLayout = DashboardRows(snapshot, trends: trends, state: graphState, glyphs: .unicode,
                                    visible: DashboardView.visibleRows(height: 60), width: 200).graphLayout
    }

    /// One frame of `page`, sorted by RPS (the costliest order to keep), at `width` x `height`.
    func frame(_ page: DashboardPage, width: Int = 200, height: Int = 60) -> CellGrid {
        var state = DashboardState(windowMs: 10_000, intervalMs: 2_000)
        state.page = page
        state.tables[page]!.sortColumn = page == .edges ? 2 : 4
        state.tables[page]!.descending = true
        let context = DashboardContext(source: "bench", intervalMs: 2_000, glyphs: .unicode)
        let rows = DashboardRows(snapshot, trends: trends, state: state, glyphs: .unicode,
                                 visible: DashboardView.visibleRows(height: height), width: width, graphLayout: graphLayout)
        return DashboardView.render(snapshot, rows: rows, trends: trends, state: state, context: context, width: width, height: height)
    }
}
