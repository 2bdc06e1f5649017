import MeshModel

/// The columns of the dashboard's workloads and edges tables, as data.
///
/// Numbers use `StatTable`'s formatting so the screen and `--once` agree; units live in the
/// headers. A success rate below ``warnBelow`` is bold, coloured as bad and marked with a
/// glyph, so it stands out without colour too.
public enum DashboardColumns {
    /// Success rates below this fraction are flagged.
    public static let warnBelow = 0.95

    /// NAMESPACE, NAME, MESHED, SUCCESS, RPS, P50, P95, P99, TCP.
    public static func workloads(_ glyphs: Glyphs) -> [TableColumn<WorkloadStats>] {
        [
            TableColumn("NAMESPACE", width: 9, grow: 11, priority: 8) {
                TableCell(StatTable.display($0.workload.namespace))
            },
            TableColumn("NAME", width: 12, grow: 28, priority: 10) {
                TableCell(StatTable.display("\($0.workload.kind)/\($0.workload.name)"))
            },
            TableColumn("MESHED", width: 6, .right, priority: 3) { TableCell("\($0.meshedPods)/\($0.totalPods)") },
        ] + metrics(\WorkloadStats.metrics, glyphs) + [
            TableColumn("TCP", width: 4, .right, priority: 2) { row in
                TableCell(row.metrics.tcpOpenConnections.map { StatTable.fixed($0, 0) } ?? "-")
            },
        ]
    }

    /// SRC → DST, SUCCESS, RPS, P50, P95, P99, SECURED.
    public static func edges(_ glyphs: Glyphs) -> [TableColumn<EdgeStats>] {
        [
            TableColumn("SRC \(glyphs.arrow) DST", width: 16, grow: 44, priority: 10) {
                TableCell(route($0, glyphs))
            },
        ] + metrics(\EdgeStats.metrics, glyphs) + [
            TableColumn("SECURED", width: 8, grow: 22, priority: 8) { secured($0, glyphs) },
        ]
    }

    /// SUCCESS, RPS, P50, P95, P99 of the metrics at `path`.
    static func metrics<Row>(_ path: KeyPath<Row, GoldenMetrics> & Sendable, _ glyphs: Glyphs) -> [TableColumn<Row>] {
        [
            TableColumn("SUCCESS", width: 8, .right, priority: 9) { success($0[keyPath: path].success, glyphs) },
            TableColumn("RPS", width: 7, .right, priority: 7) { row in
                TableCell(row[keyPath: path].rps.map { StatTable.fixed($0, 1) } ?? "-")
            },
            TableColumn("P50", width: 6, .right, priority: 4) { TableCell(StatTable.ms($0[keyPath: path].latencyP50)) },
            TableColumn("P95", width: 6, .right, priority: 5) { TableCell(StatTable.ms($0[keyPath: path].latencyP95)) },
            TableColumn("P99", width: 6, .right, priority: 6) { TableCell(StatTable.ms($0[keyPath: path].latencyP99)) },
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
}
