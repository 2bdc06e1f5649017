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
        LatencyDistribution.legacyBoundsMs.map { Array(#",le="\#(Int($0))""#.utf8) } + [Array(#",le="+Inf""#.utf8)]
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
        let milli = Counter.floor(x * 1000 + 0.5)
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
