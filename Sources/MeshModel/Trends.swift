/// The recent history of every workload's and edge's golden metrics, one point per snapshot:
/// what the dashboard's sparklines and the detail view's charts draw.
///
/// Bounded: each key keeps its last `capacity` points, and a key missing from `capacity`
/// snapshots in a row (a workload scaled away, a pod's edges gone) is forgotten, so memory
/// follows the mesh as it is now rather than every name it ever had. While a key is missing
/// it gets points without data, so every history lines up in time with the snapshots.
public struct Trends: Sendable {
    /// Points kept per workload or edge.
    public let capacity: Int
    private var workloads: [WorkloadRef: TrendSeries] = [:]
    private var edges: [EdgeRef: TrendSeries] = [:]
    private var newestMs: Int64?

    /// An empty history of `capacity` points per key (at least 1); 120 is four minutes at a
    /// 2 s scrape interval.
    public init(capacity: Int = 120) {
        self.capacity = max(1, capacity)
    }

    /// Adds one point per workload and edge of `snapshot`, and a point without data to every
    /// key the snapshot lacks. A snapshot not newer than the last one recorded is ignored, so
    /// recording the same snapshot twice adds nothing. O(keys) per call.
    public mutating func record(_ snapshot: Snapshot) {
        let t = snapshot.generatedAtMs
        if let newestMs, t <= newestMs { return }
        newestMs = t
        Self.advance(&workloads, at: t, capacity: capacity, present: snapshot.workloads.lazy.map { ($0.workload, $0.metrics) })
        Self.advance(&edges, at: t, capacity: capacity,
                     present: snapshot.edges.lazy.map { (EdgeRef(src: $0.src, dst: $0.dst), $0.metrics) })
    }

    /// The history of `workload`, oldest first; empty when it is not (or no longer) known.
    public func points(for workload: WorkloadRef) -> [TrendPoint] {
        workloads[workload]?.points ?? []
    }

    /// The history of the calls from `src` to `dst`, oldest first; empty when not known.
    public func points(from src: WorkloadRef, to dst: WorkloadRef) -> [TrendPoint] {
        edges[EdgeRef(src: src, dst: dst)]?.points ?? []
    }

    /// How many workloads and edges have a history: what memory grows with.
    var keyCount: Int { workloads.count + edges.count }

    /// Appends `present`'s points, a point without data to every other key, and drops the keys
    /// that have been missing for `capacity` snapshots (their points are all without data).
    private static func advance<Key: Hashable, Present: Sequence<(Key, GoldenMetrics)>>(
        _ series: inout [Key: TrendSeries], at t: Int64, capacity: Int, present: Present
    ) {
        for (key, metrics) in present {
            series[key, default: TrendSeries()].append(TrendPoint(timestampMs: t, metrics), capacity: capacity)
        }
        var expired = false
        for i in series.indices where series.values[i].newestMs != t {
            series.values[i].appendMissing(at: t, capacity: capacity)
            expired = expired || series.values[i].missingFor >= capacity
        }
        if expired { series = series.filter { $0.value.missingFor < capacity } }
    }
}

/// A call from one workload to another: the key of an edge's history.
struct EdgeRef: Hashable, Sendable {
    var src: WorkloadRef
    var dst: WorkloadRef
}

/// One snapshot's worth of a workload's or edge's golden metrics; nil where there was no data
/// (no traffic, or the key was missing from the snapshot).
public struct TrendPoint: Equatable, Sendable {
    /// When the snapshot's window ends, in milliseconds since the epoch.
    public var timestampMs: Int64
    /// Requests per second.
    public var rps: Double?
    /// Fraction of responses that succeeded, 0…1.
    public var successRate: Double?
    /// 99th-percentile latency in milliseconds.
    public var p99Ms: Double?

    /// A point of the given values.
    public init(timestampMs: Int64, rps: Double?, successRate: Double?, p99Ms: Double?) {
        self.timestampMs = timestampMs
        self.rps = rps
        self.successRate = successRate
        self.p99Ms = p99Ms
    }

    /// The point of `metrics` at `timestampMs`.
    init(timestampMs: Int64, _ metrics: GoldenMetrics) {
        self.init(timestampMs: timestampMs, rps: metrics.rps, successRate: metrics.success, p99Ms: metrics.latencyP99)
    }
}

/// The last points of one key in a ring, so adding one never moves the others.
private struct TrendSeries: Sendable {
    private var ring: [TrendPoint] = []
    /// The oldest point once the ring is full (where the next one goes).
    private var start = 0
    /// Snapshots in a row that lacked this key.
    private(set) var missingFor = 0

    var newestMs: Int64? {
        ring.isEmpty ? nil : ring[(start + ring.count - 1) % ring.count].timestampMs
    }

    /// The points, oldest first.
    var points: [TrendPoint] {
        Array(ring[start...] + ring[..<start])
    }

    /// Adds the point of a snapshot that has the key.
    mutating func append(_ point: TrendPoint, capacity: Int) {
        missingFor = 0
        push(point, capacity: capacity)
    }

    /// Adds a point without data for a snapshot that lacked the key.
    mutating func appendMissing(at t: Int64, capacity: Int) {
        missingFor += 1
        push(TrendPoint(timestampMs: t, rps: nil, successRate: nil, p99Ms: nil), capacity: capacity)
    }

    private mutating func push(_ point: TrendPoint, capacity: Int) {
        if ring.count < capacity {
            ring.append(point)
        } else {
            ring[start] = point
            start = (start + 1) % ring.count
        }
    }
}
