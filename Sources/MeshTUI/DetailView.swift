import MeshModel

/// A workload's detail (Enter on a row): its golden metrics, their history, the latency
/// distribution of the window, the edges into and out of it, and its pods with their scrapes.
///
/// Sections are stacked top to bottom and each gets the lines it needs while there are
/// lines; on a wide screen the latency histogram sits beside the history charts.
struct DetailView {
    var workload: WorkloadRef
    var snapshot: Snapshot
    var trend: [TrendPoint]
    var glyphs: Glyphs

    /// Lines of the history charts and the histogram, their titles included.
    static let shortestChart = 7
    static let tallestChart = 14
    /// From this width the histogram sits beside the charts.
    static let wide = 120

    func draw(lines: Range<Int>, into grid: inout CellGrid) {
        var y = lines.lowerBound
        guard let stats = snapshot.workloads.first(where: { $0.workload == workload }) else {
            grid.put("\(StatTable.display(DashboardColumns.name(workload))) is not in the latest snapshot: "
                     + "its pods are gone or were never scraped. Esc goes back.", x: 0, y: y, style: Style(.warn))
            return
        }
        drawSummary(stats, y: y, into: &grid)
        y += 2
        let inbound = snapshot.edges.filter { $0.dst == workload }
        let outbound = snapshot.edges.filter { $0.src == workload }
        let pods = podRows()
        let sections = [("INBOUND: who calls it", inbound.count), ("OUTBOUND: what it calls", outbound.count),
                        ("PODS", pods.count)]
        let wanted = sections.map { max(1, $0.1) + 2 }  // title, header, rows (or "none")
        // Charts when there is room for them beside the tables' first lines; taller with more room.
        let spare = lines.upperBound - y - wanted.reduce(0, +)
        let chartHeight = min(Self.tallestChart, max(Self.shortestChart, spare - 1))
        if lines.upperBound - y >= Self.shortestChart + 7 {
            drawCharts(stats, y: y, height: chartHeight, into: &grid)
            y += chartHeight + 1
            // Narrow screens have no room beside the charts: the histogram goes under them.
            if grid.width < Self.wide, lines.upperBound - y - wanted.reduce(0, +) >= Self.shortestChart {
                drawHistogram(stats, x: 0, y: y, width: grid.width, height: Self.shortestChart, into: &grid)
                y += Self.shortestChart + 1
            }
        }
        let heights = Self.share(lines.upperBound - y, among: wanted)
        for (i, section) in sections.enumerated() where heights[i] >= 2 {
            grid.put("\(section.0) (\(section.1))", x: 0, y: y, style: Style(.header, bold: true))
            let height = heights[i] - 1
            switch i {
            case 0: table(edgeColumns(peer: \.src, "FROM"), inbound, y: y + 1, height: height, into: &grid)
            case 1: table(edgeColumns(peer: \.dst, "TO"), outbound, y: y + 1, height: height, into: &grid)
            default: table(DashboardColumns.pods(glyphs), pods, y: y + 1, height: height, into: &grid)
            }
            y += heights[i]
        }
    }

    /// `deployment/web in emojivoto · 2/2 pods · success 99.50% · 12.3 rps · p50 3ms · p95 9ms · p99 20ms`.
    private func drawSummary(_ stats: WorkloadStats, y: Int, into grid: inout CellGrid) {
        let m = stats.metrics
        var x = grid.put("\(stats.workload.kind)/\(StatTable.display(stats.workload.name))", x: 0, y: y, style: Style(.header, bold: true))
        x = grid.put(" in \(StatTable.display(stats.workload.namespace))\(glyphs.separator)\(stats.meshedPods)/\(stats.totalPods) pods"
                     + "\(glyphs.separator)success ", x: x, y: y)
        let success = DashboardColumns.success(m.success, glyphs)
        x = grid.put(success.text, x: x, y: y, style: success.style)
        let rest = [m.rps.map { "\(StatTable.fixed($0, 1)) rps" } ?? "- rps", "p50 \(StatTable.ms(m.latencyP50))",
                    "p95 \(StatTable.ms(m.latencyP95))", "p99 \(StatTable.ms(m.latencyP99))"]
        grid.put(glyphs.separator + rest.joined(separator: glyphs.separator), x: x, y: y)
    }

    /// RPS, success and p99 over the last minutes, and beside them when the screen is wide
    /// enough the window's latency histogram.
    private func drawCharts(_ stats: WorkloadStats, y: Int, height: Int, into grid: inout CellGrid) {
        let histogramWidth = grid.width >= Self.wide ? grid.width / 3 : 0
        let charts: [(String, [Double?], ChartScale, @Sendable (Double) -> String)] = [
            ("RPS", trend.map(\.rps), .zeroToMax, ChartNumber.compact),
            ("SUCCESS", trend.map(\.successRate), .fixed(lower: 0, upper: 1), { StatTable.percent($0) }),
            ("P99", trend.map(\.p99Ms), .zeroToMax, ChartNumber.milliseconds),
        ]
        let width = (grid.width - histogramWidth) / charts.count
        for (i, chart) in charts.enumerated() {
            let x = i * width
            grid.put(chart.0, x: x, y: y, style: Style(.header, bold: true))
            TimeSeriesChart(chart.1, scale: chart.2, glyphs: glyphs, label: chart.3)
                .draw(into: &grid, x: x, y: y + 1, width: width - 2, height: height - 1)
        }
        if histogramWidth > 0 {
            drawHistogram(stats, x: grid.width - histogramWidth, y: y, width: histogramWidth, height: height, into: &grid)
        }
    }

    /// The window's latency distribution, with p50, p95 and p99 marked.
    private func drawHistogram(_ stats: WorkloadStats, x: Int, y: Int, width: Int, height: Int, into grid: inout CellGrid) {
        grid.put("LATENCY over the window", x: x, y: y, style: Style(.header, bold: true))
        let markers = [("p50", stats.metrics.latencyP50), ("p95", stats.metrics.latencyP95), ("p99", stats.metrics.latencyP99)]
            .compactMap { name, ms in ms.map { (name: name, ms: $0) } }
        HistogramChart(buckets: stats.latencyBuckets.map { (le: $0.upperBound, count: $0.count) }, markers: markers, glyphs: glyphs)
            .draw(into: &grid, x: x, y: y + 1, width: width, height: height - 1)
    }

    private func podRows() -> [PodRow] {
        let health = Dictionary(snapshot.targets.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
        return snapshot.pods.filter { $0.workload == workload }.map { PodRow(stats: $0, health: health[$0.url]) }
    }

    /// FROM (or TO), SUCCESS, RPS, P50, P95, P99, SECURED of the edges on one side.
    private func edgeColumns(peer: KeyPath<EdgeStats, WorkloadRef> & Sendable, _ header: String) -> [TableColumn<EdgeStats>] {
        var columns = DashboardColumns.edges(glyphs)
        columns[0] = TableColumn(header, width: 16, grow: 40, priority: 20) {
            TableCell(StatTable.display(DashboardColumns.name($0[keyPath: peer])))
        }
        return columns
    }

    private func table<Row>(_ columns: [TableColumn<Row>], _ rows: [Row], y: Int, height: Int, into grid: inout CellGrid) {
        TableView(columns: columns, rows: rows, selected: nil, emptyMessage: "none", glyphs: glyphs)
            .draw(into: &grid, y: y, height: height)
    }

    /// `lines` shared among sections wanting `wanted` lines each: every section its need when
    /// all fit, else the small ones their need and the rest an equal share of what is left.
    static func share(_ lines: Int, among wanted: [Int]) -> [Int] {
        var heights = Array(repeating: 0, count: wanted.count)
        var left = max(0, lines)
        var open = Array(wanted.indices)
        while !open.isEmpty, left > 0 {
            let fair = left / open.count
            let small = open.filter { wanted[$0] <= fair }
            if small.isEmpty {
                for (k, i) in open.enumerated() { heights[i] = fair + (k < left % open.count ? 1 : 0) }
                return heights
            }
            for i in small { heights[i] = wanted[i]; left -= wanted[i] }
            open.removeAll { small.contains($0) }
        }
        return heights
    }
}
