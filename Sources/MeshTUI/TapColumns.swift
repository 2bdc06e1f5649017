import MeshModel
import MeshTap

/// The columns of the Tap stream and the Top table, as data, and how their values read.
///
/// Everything a tap reports is the cluster's text: each string is escaped
/// (``StatTable/display(_:)``) before it is shown. A failure and an unencrypted connection
/// each carry a glyph, never colour alone.
enum TapColumns {
    /// TIME, DIR, SOURCE → DESTINATION, METHOD, AUTHORITY, PATH, STATUS, LATENCY, BYTES, TLS.
    static func stream(_ glyphs: Glyphs) -> [TapTableColumn<TappedRequest>] {
        [
            TapTableColumn(column: TableColumn("TIME UTC", width: 12, priority: 15) {
                TableCell(time($0.endedAtMs), Style(.dim))
            }),
            TapTableColumn(column: TableColumn("DIR", width: 3, priority: 11) { TableCell(direction($0.direction)) }),
            TapTableColumn(column: TableColumn("FROM \(glyphs.arrow) TO", width: 16, grow: 40, priority: 19) {
                TableCell("\(peer($0.source)) \(glyphs.arrow) \(peer($0.destination))")
            }),
            TapTableColumn(column: TableColumn("METHOD", width: 6, grow: 1, priority: 14) {
                TableCell(StatTable.display($0.request.method?.description ?? "-"))
            }),
            TapTableColumn(column: TableColumn("AUTHORITY", width: 9, grow: 21, priority: 8) {
                TableCell(StatTable.display($0.request.authority), Style(.dim))
            }),
            TapTableColumn(column: TableColumn("PATH", width: 12, grow: 60, priority: 18) {
                TableCell(StatTable.display($0.request.path))
            }, keepsEnd: true),
            TapTableColumn(column: TableColumn("STATUS", width: 12, grow: 10, priority: 17) { status($0, glyphs) }),
            TapTableColumn(column: TableColumn("LATENCY", width: 7, .right, priority: 16) { TableCell(latency($0.latency)) }),
            TapTableColumn(column: TableColumn("BYTES", width: 5, .right, priority: 10) {
                TableCell(DashboardColumns.size(Int(clamping: $0.end.responseBytes)))
            }),
            TapTableColumn(column: TableColumn("TLS", width: 3, priority: 12) { tls($0.tls, glyphs, short: true) }),
        ]
    }

    /// The columns of Top in the order of ``topOrders``: SOURCE, DESTINATION, METHOD, PATH,
    /// COUNT, SUCCESS, BEST, WORST, LAST, P95, as `linkerd viz top` has them.
    static func top(_ glyphs: Glyphs) -> [TapTableColumn<TapTopRow>] {
        func quantity(_ header: String, _ priority: Int, _ value: @escaping @Sendable (TapTopRow) -> Duration?) -> TapTableColumn<TapTopRow> {
            TapTableColumn(column: TableColumn(header, width: 6, .right, priority: priority) { TableCell(latency(value($0))) })
        }
        return [
            TapTableColumn(column: TableColumn("SOURCE", width: 10, grow: 26, priority: 20) {
                TableCell(name($0.key.source))
            }),
            TapTableColumn(column: TableColumn("DESTINATION", width: 10, grow: 26, priority: 19) {
                TableCell(name($0.key.destination))
            }),
            TapTableColumn(column: TableColumn("METHOD", width: 6, grow: 2, priority: 13) {
                TableCell(StatTable.display($0.key.method.isEmpty ? "-" : $0.key.method))
            }),
            TapTableColumn(column: TableColumn("PATH", width: 10, grow: 70, priority: 18) {
                TableCell(StatTable.display($0.key.path))
            }, keepsEnd: true),
            TapTableColumn(column: TableColumn("COUNT", width: 6, .right, priority: 17) { TableCell("\($0.count)") }),
            TapTableColumn(column: TableColumn("SUCCESS", width: 8, .right, priority: 16) {
                DashboardColumns.success($0.successRate, glyphs)
            }),
            quantity("BEST", 11, \.best), quantity("WORST", 12, \.worst), quantity("LAST", 10, \.last),
            quantity("P95", 15, \.p95),
        ]
    }

    /// The orders of the Top columns, left to right: `s`, `<` and `>` step through them.
    static let topOrders: [TapTopOrder] = [.source, .destination, .method, .path, .count, .successRate, .best,
                                           .worst, .last, .p95]

    /// `12:00:01.234`: the time of day (UTC) of a time in milliseconds since the epoch.
    static func time(_ ms: Int64) -> String {
        let dayMs = ((ms % 86_400_000) + 86_400_000) % 86_400_000
        let clock = DashboardContext.clock(dayMs).dropLast(4)  // without " UTC"
        let millis = String(dayMs % 1000 + 1000).dropFirst()
        return "\(clock).\(millis)"
    }

    /// `in`, `out`, or `?` when the proxy did not say.
    static func direction(_ direction: TapDirection) -> String {
        switch direction {
        case .inbound: "in"
        case .outbound: "out"
        case .unknown: "?"
        }
    }

    /// An endpoint by its workload, else its pod, else its IP, as ``name(_:)`` shows it.
    static func peer(_ endpoint: TapEndpoint) -> String {
        name(TapPeer(endpoint, naming: .workload))
    }

    /// A peer's name, escaped: a deployment by its bare name (`web`, as most workloads are
    /// deployments and 80 columns are few), any other workload with its kind (`sts/db`).
    static func name(_ peer: TapPeer) -> String {
        StatTable.display(peer.name.hasPrefix("deploy/") ? String(peer.name.dropFirst("deploy/".count)) : peer.name)
    }

    /// `0.4ms`, `12ms`, `1.2s`, `2m`; `-` without a latency.
    static func latency(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let ms = max(0, Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
        if ms < 1000 { return StatTable.ms(ms) }
        if ms < 60_000 { return StatTable.fixed(ms / 1000, 1) + "s" }
        return DashboardContext.duration(Int64(ms))
    }

    /// The HTTP status, or the gRPC status by name, or `reset`; a failure (as `linkerd viz top`
    /// counts it) marked with ``Glyphs/failed`` in bold, a 4xx or a gRPC error that isn't one
    /// in the warning role.
    static func status(_ request: TappedRequest, _ glyphs: Glyphs) -> TableCell {
        let text: String
        var warning = false
        switch request.end.end {
        case let .grpcStatus(code)?:
            text = TapGRPCStatus.name(code)
            warning = code != 0
        case .reset?:
            text = "reset"
        case nil:
            text = request.response.map { "\($0.httpStatus)" } ?? "no response"
            warning = (400..<500).contains(request.response?.httpStatus ?? 0)
        }
        if !request.isSuccess { return TableCell("\(glyphs.failed) \(text)", Style(.bad, bold: true)) }
        return TableCell(text, warning ? Style(.warn) : Style(.good))
    }

    /// `✓ mtls`, else `✗` and the proxy's word for it (`✗ no_identity`), or when `short` the
    /// glyph alone; `?` when the proxy did not say.
    static func tls(_ value: String?, _ glyphs: Glyphs, short: Bool) -> TableCell {
        guard let value, !value.isEmpty else { return TableCell("?", Style(.dim)) }
        if value == "true" { return TableCell(short ? glyphs.secured : "\(glyphs.secured) mtls", Style(.good)) }
        return TableCell(short ? glyphs.insecure : "\(glyphs.insecure) \(StatTable.display(value))", Style(.bad, bold: true))
    }
}
