import MeshModel

/// Generator of large, realistic linkerd2-proxy `/metrics` bodies for parse benchmarks.
public enum SyntheticExposition {
    /// A body of about `targetBytes` bytes from one proxy with as many outbound peers as needed;
    /// the same seed always gives the same bytes.
    ///
    /// Peers are drawn one by one; the last is kept only if it brings the size closer to the target.
    public static func body(targetBytes: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var proxy = benchProxy(&rng)
        let base = proxy.metricsBody().count
        var size = base
        while size < targetBytes {
            let peer = randomPeer(index: proxy.outbound.count, &rng)
            var alone = proxy
            alone.outbound = [peer]
            let grows = alone.metricsBody().count - base
            guard size + grows / 2 <= targetBytes else { break }
            proxy.outbound.append(peer)
            size += grows
        }
        return proxy.metricsBody()
    }

    private static let namespaces = ["shop", "payments", "catalog", "identity", "search", "shipping", "emojivoto"]
    private static let names = [
        "cart", "checkout", "inventory", "pricing", "recommendations", "reviews", "auth", "ledger",
        "emoji", "voting", "web", "orders", "notifications", "gateway", "profiles", "images",
    ]

    /// The scraped proxy: a busy frontend pod, one day after it started.
    private static func benchProxy(_ rng: inout SplitMix64) -> SyntheticProxy {
        let workload = WorkloadRef(namespace: "shop", kind: "deployment", name: "frontend")
        let pod = "frontend-\(rng.token(10))-\(rng.token(5))"
        let clients = ["web-gateway", "mobile-gateway", "admin"].map {
            ProxyLabels.identity(serviceAccount: $0, namespace: "shop")
        }
        return SyntheticProxy(
            namespace: "shop", pod: pod, podIP: ProxyLabels.podIP(pod, namespace: "shop"), workload: workload,
            inboundRPS: 250, successRate: 0.995, latencyMs: 12, inboundClients: clients,
            outbound: [], elapsedSeconds: 86_400)
    }

    /// Peer number `index`: mostly Deployments, 1–3 pods, skewed rates, a few status codes.
    private static func randomPeer(index: Int, _ rng: inout SplitMix64) -> SyntheticPeer {
        let namespace = rng.pick(namespaces)
        let name = "\(rng.pick(names))-\(index)"
        let roll = rng.unit()
        let kind = roll < 0.85 ? "deployment" : roll < 0.95 ? "statefulset" : "daemonset"
        let u = rng.unit()
        return SyntheticPeer(
            workload: WorkloadRef(namespace: namespace, kind: kind, name: name),
            pods: randomPods(name: name, kind: kind, count: 1 + rng.below(3), &rng),
            rps: 0.1 + 400 * u * u * u,
            successRate: rng.unit() < 0.1 ? 0.7 + 0.2 * rng.unit() : 0.97 + 0.03 * rng.unit(),
            latencyMs: 1 + 300 * rng.unit() * rng.unit(),
            tls: rng.unit() < 0.9,
            statusCodes: [200] + [201, 204, 304, 404].filter { _ in rng.unit() < 0.4 })
    }

    /// Pod names in the shape Kubernetes gives each kind.
    private static func randomPods(name: String, kind: String, count: Int, _ rng: inout SplitMix64) -> [String] {
        switch kind {
        case "statefulset": return (0..<count).map { "\(name)-\($0)" }
        case "deployment":
            let hash = rng.token(10)
            return (0..<count).map { _ in "\(name)-\(hash)-\(rng.token(5))" }
        default: return (0..<count).map { _ in "\(name)-\(rng.token(5))" }
        }
    }
}

/// SplitMix64: a tiny, fast, deterministic 64-bit pseudo-random generator.
///
/// Deliberately not a `RandomNumberGenerator`: the stdlib's `random(in:using:)` may change how it
/// draws between Swift releases, and the bytes must not.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// One of `items`, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `length` characters from the alphabet Kubernetes uses for generated name suffixes.
    mutating func token(_ length: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[below(alphabet.count)] })
    }
}

// MARK: - Latency shape

/// A fixed latency distribution around a median: log-logistic with shape 4, so about 94% of
/// requests finish within twice the median and 1 in 10 000 takes ten times it.
struct LatencyShape {
    /// The 25 finite `le` bounds of `response_latency_ms`, in ms; `+Inf` follows.
    static let legacyBoundsMs: [Double] = [
        1, 2, 3, 4, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500,
        1_000, 2_000, 3_000, 4_000, 5_000, 10_000, 20_000, 30_000, 40_000, 50_000,
    ]
    /// The 4 finite `le` bounds of `outbound_http_route_request_duration_seconds`; `+Inf` follows.
    static let routeBoundsSeconds: [Double] = [0.05, 0.5, 1, 10]

    let medianMs: Double

    init(medianMs: Double) {
        self.medianMs = medianMs > 0 ? medianMs : 0
    }

    /// Mean over median for shape 4: (π/4) / sin(π/4).
    var meanMs: Double { medianMs * 1.110_720_734_5 }

    var legacyFractions: [Double] { Self.legacyBoundsMs.map(fraction(atMs:)) }
    var routeFractions: [Double] { Self.routeBoundsSeconds.map { fraction(atMs: $0 * 1000) } }

    /// Share of requests at or under `x` ms: 1 / (1 + (median/x)^4).
    func fraction(atMs x: Double) -> Double {
        let r = medianMs / x
        return 1 / (1 + r * r * r * r)
    }
}

// MARK: - Rendering

/// Writes a `ProxyReport` in linkerd2-proxy's layout: legacy 0.0.4 text, then the OpenMetrics tail.
enum SyntheticRenderer {
    static func render(_ report: ProxyReport) -> [UInt8] {
        var w = ByteWriter(capacity: estimatedSize(report))
        writeHTTP(report.endpoints, to: &w)
        writeTransport(report.transports, to: &w)
        writeRoutes(report.routes, to: &w)
        writeProcess(report, to: &w)
        w.text("# EOF\n")
        return w.bytes
    }

    private static func estimatedSize(_ report: ProxyReport) -> Int {
        let http = report.endpoints.reduce(0) { $0 + ($1.labels.count + 90) * (1 + 30 * $1.statuses.count) }
        let tcp = report.transports.reduce(0) { $0 + ($1.labels.count + 40) * 5 }
        let routes = report.routes.reduce(0) { $0 + ($1.labels.count + 80) * (7 + $1.statuses.count) }
        return http + tcp + routes + 4_096
    }

    private static let legacyLe: [[UInt8]] =
        LatencyShape.legacyBoundsMs.map { Array(#",le="\#(Int($0))""#.utf8) } + [Array(#",le="+Inf""#.utf8)]
    private static let bucketHead = Array("response_latency_ms_bucket{".utf8)
    private static let countHead = Array("response_latency_ms_count{".utf8)
    private static let sumHead = Array("response_latency_ms_sum{".utf8)
    private static let success = Array(#",classification="success",grpc_status="",error="""#.utf8)
    private static let failure = Array(#",classification="failure",grpc_status="",error="""#.utf8)

    private static func writeHTTP(_ endpoints: [EndpointSeries], to w: inout ByteWriter) {
        w.help("request_total", "Total count of HTTP requests.", "counter")
        let requestHead = Array("request_total{".utf8)
        for series in endpoints {
            w.sample(requestHead, series.labels, [], series.statuses.reduce(0) { $0 + $1.count })
        }
        w.help("response_latency_ms", "Elapsed times between a request's headers being received "
            + "and its response stream completing", "histogram")
        for series in endpoints {
            for status in series.statuses {
                let labels = series.labels + Array(#",status_code="\#(status.code)""#.utf8)
                for (le, count) in zip(legacyLe, status.buckets) { w.sample(bucketHead, labels, le, count) }
                w.sample(countHead, labels, [], status.count)
                w.sample(sumHead, labels, [], status.sumMs)
            }
        }
        w.help("response_total", "Total count of HTTP responses.", "counter")
        let responseHead = Array("response_total{".utf8)
        for series in endpoints {
            for status in series.statuses {
                let labels = series.labels + Array(#",status_code="\#(status.code)""#.utf8)
                w.sample(responseHead, labels, (500..<600).contains(status.code) ? failure : success, status.count)
            }
        }
    }

    private static func writeTransport(_ transports: [TransportSeries], to w: inout ByteWriter) {
        typealias Family = (name: String, help: String, type: String, tail: [UInt8], value: (TransportSeries) -> UInt64)
        let families: [Family] = [
            ("tcp_open_total", "Total count of opened connections", "counter", [], { $0.opened }),
            ("tcp_open_connections", "Number of currently-open connections", "gauge", [], { $0.open }),
            ("tcp_read_bytes_total", "Total count of bytes read from peers", "counter", [], { $0.read }),
            ("tcp_write_bytes_total", "Total count of bytes written to peers", "counter", [], { $0.written }),
            ("tcp_close_total", "Total count of closed connections", "counter", Array(#",errno="""#.utf8),
             { $0.opened - $0.open }),
        ]
        for family in families {
            w.help(family.name, family.help, family.type)
            let head = Array("\(family.name){".utf8)
            for series in transports { w.sample(head, series.labels, family.tail, family.value(series)) }
        }
    }

    private static let routeLe: [[UInt8]] = ["0.05", "0.5", "1.0", "10.0", "+Inf"].map {
        Array(#"outbound_http_route_request_duration_seconds_bucket{le="\#($0)","#.utf8)
    }

    private static func writeRoutes(_ routes: [RouteSeries], to w: inout ByteWriter) {
        let duration = "outbound_http_route_request_duration_seconds"
        w.help(duration, "The time between request initialization and response completion.", "histogram",
               unit: "seconds")
        let sumHead = Array("\(duration)_sum{".utf8)
        let countHead = Array("\(duration)_count{".utf8)
        for route in routes {
            w.raw(sumHead)
            w.raw(route.labels)
            w.text("} ")
            w.decimal(route.sumSeconds)
            w.text("\n")
            w.sample(countHead, route.labels, [], route.count)
            for (head, count) in zip(routeLe, route.buckets) { w.sample(head, route.labels, [], count) }
        }
        w.help("outbound_http_route_request_statuses", "Completed request-response streams.", "counter")
        let statusHead = Array("outbound_http_route_request_statuses_total{".utf8)
        for route in routes {
            for status in route.statuses {
                let tail = Array(#",http_status="\#(status.code)",error="""#.utf8)
                w.sample(statusHead, route.labels, tail, status.count)
            }
        }
    }

    private static func writeProcess(_ report: ProxyReport, to w: inout ByteWriter) {
        w.help("process_cpu_seconds", "Total user and system CPU time spent in seconds.", "counter", unit: "seconds")
        w.text("process_cpu_seconds_total ")
        w.decimal(report.cpuSeconds)
        w.text("\n")
        w.help("process_resident_memory_bytes", "Resident memory size in bytes.", "gauge", unit: "bytes")
        w.text("process_resident_memory_bytes ")
        w.integer(report.residentBytes)
        w.text("\n")
        w.help("process_start_time_seconds", "Time that the process started (in seconds since the UNIX epoch).",
               "gauge", unit: "seconds")
        w.text("process_start_time_seconds ")
        w.decimal(report.startTimeSeconds)
        w.text("\n")
        w.help("proxy_build_info", "Proxy build info.", "gauge")
        w.text(#"proxy_build_info{date="2026-03-02T00:00:00Z",git_sha="5fac714db",profile="release","#
            + #"vendor="linkerd",version="v2.342.0"} 1"# + "\n")
    }
}

/// An append-only byte buffer with the few number formats an exposition needs.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// `# HELP` and `# TYPE` lines, then `# UNIT` when there is a unit.
    mutating func help(_ name: String, _ help: String, _ type: String, unit: String? = nil) {
        text("# HELP \(name) \(help)\n# TYPE \(name) \(type)\n")
        if let unit { text("# UNIT \(name) \(unit)\n") }
    }

    /// `head labels tail} value\n`, where `head` ends with `{`.
    mutating func sample(_ head: [UInt8], _ labels: [UInt8], _ tail: [UInt8], _ value: UInt64) {
        bytes.append(contentsOf: head)
        bytes.append(contentsOf: labels)
        bytes.append(contentsOf: tail)
        bytes.append(0x7D)  // }
        bytes.append(0x20)
        integer(value)
        bytes.append(0x0A)
    }

    /// `n` in decimal digits, like Rust's `{}` for an integer.
    mutating func integer(_ n: UInt64) {
        var digits = 1
        var rest = n
        while rest >= 10 { rest /= 10; digits += 1 }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: digits))
        rest = n
        for i in stride(from: start + digits - 1, through: start, by: -1) {
            bytes[i] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// `x` rounded to milliunits, without exponent and with at least one decimal: `12.5`, `3.0`.
    mutating func decimal(_ x: Double) {
        let milli = SyntheticTraffic.amount(x * 1000 + 0.5)
        integer(milli / 1000)
        bytes.append(0x2E)  // .
        var frac = milli % 1000
        guard frac != 0 else { bytes.append(0x30); return }
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        let start = bytes.count
        integer(frac)
        let padding = width - (bytes.count - start)
        if padding > 0 { bytes.insert(contentsOf: repeatElement(0x30, count: padding), at: start) }
    }
}
