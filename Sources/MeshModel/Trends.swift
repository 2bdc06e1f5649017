/// The recent history of every workload's golden metrics, one point per snapshot: what the
/// dashboard's sparklines and the detail view's charts draw.
///
/// Bounded and small: each workload keeps its last `capacity` points in 12 bytes each (the
/// three values as `Float`, ample for drawing; the snapshot times are kept once for all), and
/// a workload missing from `capacity` snapshots in a row (scaled away, renamed) is forgotten,
/// so memory follows the mesh as it is now rather than every name it ever had. While a
/// workload is missing it gets points without data, so every history lines up in time.
public struct Trends: Sendable {
    /// Points kept per workload.
    public let capacity: Int
    private var series: [WorkloadRef: TrendSeries] = [:]
    /// The times of the last `capacity` snapshots, oldest first.
    private var times: [Int64] = []

    /// An empty history of `capacity` points per workload (at least 1); 120 is four minutes
    /// at a 2 s scrape interval.
    public init(capacity: Int = 120) {
        self.capacity = max(1, capacity)
    }

    /// Adds one point per workload of `snapshot`, and a point without data to every workload
    /// the snapshot lacks. A snapshot not newer than the last one recorded is ignored, so
    /// recording the same snapshot twice adds nothing. O(workloads) per call.
    public mutating func record(_ snapshot: Snapshot) {
        let t = snapshot.generatedAtMs
        if let newest = times.last, t <= newest { return }
        times.append(t)
        if times.count > capacity { times.removeFirst() }
        var seen = Set<WorkloadRef>()
        for stats in snapshot.workloads where seen.insert(stats.workload).inserted {
            series[stats.workload, default: TrendSeries()].append(PackedPoint(stats.metrics), capacity: capacity)
        }
        var expired = false
        for i in series.indices where !seen.contains(series.keys[i]) {
            series.values[i].appendMissing(capacity: capacity)
            expired = expired || series.values[i].missingFor >= capacity
        }
        if expired { series = series.filter { $0.value.missingFor < capacity } }
    }

    /// The history of `workload`, oldest first; empty when it is not (or no longer) known.
    public func points(for workload: WorkloadRef) -> [TrendPoint] {
        guard let values = series[workload]?.values else { return [] }
        return zip(times.suffix(values.count), values).map { $0.1.point(at: $0.0) }
    }

    /// How many workloads have a history: what memory grows with.
    var keyCount: Int { series.count }
}

/// One snapshot's worth of a workload's golden metrics; nil where there was no data (no
/// traffic, or the workload was missing from the snapshot).
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
}

/// A point's three values in 12 bytes, NaN for no data.
private struct PackedPoint: Sendable {
    var rps, success, p99: Float

    init(_ metrics: GoldenMetrics) {
        (rps, success, p99) = (Self.pack(metrics.rps), Self.pack(metrics.success), Self.pack(metrics.latencyP99))
    }

    static let missing = PackedPoint(GoldenMetrics())

    func point(at t: Int64) -> TrendPoint {
        TrendPoint(timestampMs: t, rps: Self.unpack(rps), successRate: Self.unpack(success), p99Ms: Self.unpack(p99))
    }

    private static func pack(_ value: Double?) -> Float { value.map(Float.init) ?? .nan }
    private static func unpack(_ value: Float) -> Double? { value.isNaN ? nil : Double(value) }
}

/// The last points of one workload in a ring, so adding one never moves the others.
private struct TrendSeries: Sendable {
    private var ring: [PackedPoint] = []
    /// The oldest point once the ring is full (where the next one goes).
    private var start = 0
    /// Snapshots in a row that lacked this workload.
    private(set) var missingFor = 0

    /// The points, oldest first.
    var values: [PackedPoint] {
        Array(ring[start...] + ring[..<start])
    }

    /// Adds the point of a snapshot that has the workload.
    mutating func append(_ point: PackedPoint, capacity: Int) {
        missingFor = 0
        push(point, capacity: capacity)
    }

    /// Adds a point without data for a snapshot that lacked the workload.
    mutating func appendMissing(capacity: Int) {
        missingFor += 1
        push(.missing, capacity: capacity)
    }

    private mutating func push(_ point: PackedPoint, capacity: Int) {
        if ring.count < capacity {
            ring.append(point)
        } else {
            ring[start] = point
            start = (start + 1) % ring.count
        }
    }
}
