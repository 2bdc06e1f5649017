import MeshModel

/// The columns of the dashboard's tables, as data: what each shows, how wide it is, which
/// go first on a narrow screen, and how each sorts.
///
/// Numbers use `StatTable`'s formatting so the screen and `--once` agree; units live in the
/// headers. Health is never colour alone: a low success rate, a failed scrape and an
/// unsecured edge each carry a glyph and bold text too.
public enum DashboardColumns {
    /// Success rates below this fraction are flagged.
    public static let warnBelow = 0.95
    /// The bottom of the success-rate sparkline: it spans 80–100 %, where a drop that matters
    /// shows as several levels instead of one (lower rates sit on the bottom level).
    public static let successTrendFloor = 0.8

    /// NAMESPACE, NAME, MESHED, SUCCESS, RPS, P50, P95, P99, TCP, and the RPS and success trends.
    public static func workloads(_ glyphs: Glyphs) -> [TableColumn<WorkloadRow>] {
        [
            TableColumn("NAMESPACE", width: 9, grow: 11, priority: 18, sort: text { $0.stats.workload.namespace }) {
                TableCell(StatTable.display($0.stats.workload.namespace))
            },
            TableColumn("NAME", width: 16, grow: 24, priority: 20, sort: text { "\($0.stats.workload.kind)/\($0.stats.workload.name)" }) {
                TableCell(StatTable.display("\($0.stats.workload.kind)/\($0.stats.workload.name)"))
            },
            TableColumn("MESHED", width: 6, .right, priority: 12, sort: number(descending: true) { Double($0.stats.meshedPods) }) {
                TableCell("\($0.stats.meshedPods)/\($0.stats.totalPods)")
            },
        ] + metrics(\WorkloadRow.stats.metrics, glyphs) + [
            TableColumn("TCP", width: 4, .right, priority: 11, sort: number(descending: true) { $0.stats.metrics.tcpOpenConnections }) { row in
                TableCell(row.stats.metrics.tcpOpenConnections.map { StatTable.fixed($0, 0) } ?? "-")
            },
            TableColumn("RPS TREND", width: 9, grow: 21, priority: 14) {
                TableCell(Sparkline($0.trend.map(\.rps), scale: .zeroToMax, glyphs: glyphs))
            },
            TableColumn("SR TREND", width: 8, grow: 12, priority: 10) {
                TableCell(Sparkline($0.trend.map(\.successRate), scale: .fixed(lower: successTrendFloor, upper: 1), glyphs: glyphs))
            },
        ]
    }

    /// SRC → DST, SUCCESS, RPS, P50, P95, P99, SECURED.
    public static func edges(_ glyphs: Glyphs) -> [TableColumn<EdgeStats>] {
        [
            TableColumn("SRC \(glyphs.arrow) DST", width: 16, grow: 44, priority: 20, sort: text { route($0, glyphs) }) {
                TableCell(route($0, glyphs))
            },
        ] + metrics(\EdgeStats.metrics, glyphs) + [
            TableColumn("SECURED", width: 8, grow: 22, priority: 18, sort: text { $0.mtls ? "" : $0.noTLSReason }) {
                secured($0, glyphs)
            },
        ]
    }

    /// NAMESPACE, POD, SCRAPE, SUCCESS, RPS, P50, P95, P99, TOOK, SIZE, ERROR.
    public static func pods(_ glyphs: Glyphs) -> [TableColumn<PodRow>] {
        [
            TableColumn("NAMESPACE", width: 9, grow: 8, priority: 12, sort: text { $0.stats.workload.namespace }) {
                TableCell(StatTable.display($0.stats.workload.namespace))
            },
            TableColumn("POD", width: 14, grow: 30, priority: 20, sort: text { $0.stats.pod }) {
                TableCell(StatTable.display($0.stats.pod.isEmpty ? $0.stats.url : $0.stats.pod))
            },
            TableColumn("SCRAPE", width: 8, priority: 18, sort: number { ($0.health?.ok ?? false) ? 1 : 0 }) { row in
                guard row.health?.ok ?? false else { return TableCell("\(glyphs.failed) failed", Style(.bad, bold: true)) }
                if row.health?.parseErrors ?? 0 > 0 { return TableCell("! partial", Style(.warn, bold: true)) }
                return TableCell("ok", Style(.good))
            },
        ] + metrics(\PodRow.stats.metrics, glyphs) + [
            TableColumn("TOOK", width: 6, .right, priority: 11, sort: number(descending: true) { $0.health?.durationMs }) {
                TableCell(StatTable.ms($0.health?.durationMs))
            },
            TableColumn("SIZE", width: 6, .right, priority: 10, sort: number(descending: true) { $0.health.map { Double($0.bytes) } }) {
                TableCell($0.health.map { size($0.bytes) } ?? "-")
            },
            TableColumn("ERROR", width: 10, grow: 80, priority: 14, sort: text { problem($0.health) }) {
                TableCell(StatTable.display(problem($0.health)), Style(.bad))
            },
        ]
    }

    /// SUCCESS, RPS, P50, P95, P99 of the metrics at `path`.
    static func metrics<Row>(_ path: KeyPath<Row, GoldenMetrics> & Sendable, _ glyphs: Glyphs) -> [TableColumn<Row>] {
        func quantile(_ header: String, _ q: KeyPath<GoldenMetrics, Double?> & Sendable, _ priority: Int) -> TableColumn<Row> {
            TableColumn(header, width: 6, .right, priority: priority, sort: number(descending: true) { $0[keyPath: path][keyPath: q] }) {
                TableCell(StatTable.ms($0[keyPath: path][keyPath: q]))
            }
        }
        return [
            TableColumn("SUCCESS", width: 8, .right, priority: 19, sort: number { $0[keyPath: path].success }) {
                success($0[keyPath: path].success, glyphs)
            },
            TableColumn("RPS", width: 7, .right, priority: 17, sort: number(descending: true) { $0[keyPath: path].rps }) { row in
                TableCell(row[keyPath: path].rps.map { StatTable.fixed($0, 1) } ?? "-")
            },
            quantile("P50", \.latencyP50, 13), quantile("P95", \.latencyP95, 15), quantile("P99", \.latencyP99, 16),
        ]
    }

    /// `99.50%` in the good role, `▼ 87.50%` bold in the bad role, `-` without data.
    static func success(_ value: Double?, _ glyphs: Glyphs) -> TableCell {
        guard let value else { return TableCell("-") }
        if value < warnBelow {
            return TableCell("\(glyphs.lowSuccess) \(StatTable.percent(value))", Style(.bad, bold: true))
        }
        return TableCell(StatTable.percent(value), Style(.good))
    }

    /// `✓ mtls`, or `✗ no: reason` in the bad role: a glyph and a word, never colour alone.
    static func secured(_ edge: EdgeStats, _ glyphs: Glyphs) -> TableCell {
        if edge.mtls { return TableCell("\(glyphs.secured) mtls", Style(.good)) }
        let reason = edge.noTLSReason.isEmpty ? "unknown" : StatTable.display(edge.noTLSReason)
        return TableCell("\(glyphs.insecure) no: \(reason)", Style(.bad, bold: true))
    }

    /// `emojivoto/web → voting`: the destination's namespace only when it differs from the
    /// source's, as a Kubernetes short name resolves in its own namespace. Kinds are left out
    /// (the workloads table has them) to keep both ends readable at 80 columns.
    static func route(_ edge: EdgeStats, _ glyphs: Glyphs) -> String {
        let dst = edge.dst.namespace == edge.src.namespace ? edge.dst.name : name(edge.dst)
        return StatTable.display("\(name(edge.src)) \(glyphs.arrow) \(dst)")
    }

    /// `namespace/name`, or `name` without a namespace.
    static func name(_ ref: WorkloadRef) -> String {
        ref.namespace.isEmpty ? ref.name : "\(ref.namespace)/\(ref.name)"
    }

    /// What went wrong with a target's last scrape: its error, or its unreadable lines.
    static func problem(_ health: TargetHealth?) -> String {
        guard let health else { return "not scraped yet" }
        if let error = health.error { return error }
        guard health.parseErrors > 0 else { return "" }
        return "\(health.parseErrors) unreadable line(s), first: \(health.parseErrorMessages.first ?? "")"
    }

    /// `812B`, `66K`, `1.2M`: a body size in four or five cells.
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes)B" }
        if bytes < 1_000_000 { return "\(bytes / 1000)K" }
        return StatTable.fixed(Double(bytes) / 1e6, 1) + "M"
    }

    private static func text<Row>(_ value: @escaping @Sendable (Row) -> String) -> ColumnSort<Row> {
        ColumnSort { .text(value($0)) }
    }

    private static func number<Row>(descending: Bool = false, _ value: @escaping @Sendable (Row) -> Double?) -> ColumnSort<Row> {
        ColumnSort(descendingFirst: descending) { .number(value($0)) }
    }
}
