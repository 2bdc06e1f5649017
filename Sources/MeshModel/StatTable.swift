/// Plain-text tables of a snapshot, shaped like `linkerd viz stat` and `linkerd viz edges`,
/// for `meshtop --once`. ASCII only, so they survive any terminal, pipe or log.
public enum StatTable {
    /// A column: its header, whether it is right-aligned, and how a row fills it.
    struct Column<Row>: Sendable {
        var header: String
        var rightAligned: Bool
        var cell: @Sendable (Row) -> String
    }

    /// The workloads table followed by the edges table.
    public static func render(_ snapshot: Snapshot) -> String {
        var out = table(snapshot.workloads, workloadColumns)
        out += "\n"
        out += snapshot.edges.isEmpty ? "No edges: no outbound traffic was seen.\n" : table(snapshot.edges, edgeColumns)
        return out
    }

    static let workloadColumns: [Column<WorkloadStats>] = [
        Column(header: "NAMESPACE", rightAligned: false) { display($0.workload.namespace) },
        Column(header: "NAME", rightAligned: false) { display("\($0.workload.kind)/\($0.workload.name)") },
        Column(header: "MESHED", rightAligned: true) { "\($0.meshedPods)/\($0.totalPods)" },
    ] + metricColumns(\.metrics) + [
        Column(header: "TCP_CONN", rightAligned: true) { count($0.metrics.tcpOpenConnections) },
    ]

    static let edgeColumns: [Column<EdgeStats>] = [
        Column(header: "SRC", rightAligned: false) { display($0.src.description) },
        Column(header: "", rightAligned: false) { _ in "->" },
        Column(header: "DST", rightAligned: false) { display($0.dst.description) },
    ] + metricColumns(\.metrics) + [
        Column(header: "SECURED", rightAligned: false) {
            $0.mtls ? "yes" : "no (\(display($0.noTLSReason.isEmpty ? "unknown" : $0.noTLSReason)))"
        },
    ]

    static func metricColumns<Row>(_ metrics: KeyPath<Row, GoldenMetrics> & Sendable) -> [Column<Row>] {
        [
            Column(header: "SUCCESS", rightAligned: true) { percent($0[keyPath: metrics].success) },
            Column(header: "RPS", rightAligned: true) { rps($0[keyPath: metrics].rps) },
            Column(header: "LATENCY_P50", rightAligned: true) { ms($0[keyPath: metrics].latencyP50) },
            Column(header: "LATENCY_P95", rightAligned: true) { ms($0[keyPath: metrics].latencyP95) },
            Column(header: "LATENCY_P99", rightAligned: true) { ms($0[keyPath: metrics].latencyP99) },
        ]
    }

    static func table<Row>(_ rows: [Row], _ columns: [Column<Row>]) -> String {
        let cells = rows.map { row in columns.map { $0.cell(row) } }
        let widths = columns.indices.map { i in
            max(columns[i].header.count, cells.map { $0[i].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (i, v) in values.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - v.count)
                parts.append(columns[i].rightAligned ? pad + v : v + pad)
            }
            return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        return line(columns.map(\.header)) + cells.map(line).joined()
    }

    /// `99.50%`, or `-` without data.
    public static func percent(_ v: Double?) -> String { v.map { fixed($0 * 100, 2) + "%" } ?? "-" }
    /// `12.3rps`, or `-`.
    public static func rps(_ v: Double?) -> String { v.map { fixed($0, 1) + "rps" } ?? "-" }
    /// `12ms` (rounded, as viz prints it; `0.5ms` below 1), or `-`.
    public static func ms(_ v: Double?) -> String {
        guard let v else { return "-" }
        return v < 1 && v > 0 ? fixed(v, 1) + "ms" : fixed(v, 0) + "ms"
    }
    static func count(_ v: Double?) -> String { v.map { fixed($0, 0) } ?? "-" }

    /// `v` with exactly `digits` decimals, rounded half away from zero.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        let whole = Int64(scaled / scale)
        var frac = String(Int64(scaled - Double(whole) * scale))
        frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
        let sign = v < 0 && scaled != 0 ? "-" : ""
        return digits == 0 ? sign + String(whole) : sign + String(whole) + "." + frac
    }

    /// `text` with every character that could steer a terminal or reorder what is shown
    /// written out as an escape: C0 and C1 controls and DEL as `\x1b`, line and paragraph
    /// separators and the bidirectional overrides and isolates as `\u{202e}`. So
    /// `\u{1b}[2J` shows as `\x1b[2J`: visible, and harmless.
    public static func display(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else { shown.unicodeScalars.append(scalar); continue }
            let hex = String(scalar.value, radix: 16)
            shown += scalar.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
        }
        return shown
    }

    /// Whether `scalar` is one that `display` replaces.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
