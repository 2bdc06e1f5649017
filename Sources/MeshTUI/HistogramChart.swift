import MeshModel

/// A latency histogram drawn as one row per band: its upper bound, a bar as long as its
/// count is against the largest band's, the count, its share of all observations, and
/// markers at the bands that hold the given quantiles:
///
///      ≤ 10ms ████████████████████ 50 50.0% ◂ p50
///      ≤ 50ms ████████████         30 30.0%
///     ≤ 100ms ██████               15 15.0% ◂ p95 p99
///     > 100ms ██                    5  5.0%
///
/// More bands than rows are merged: the empty ones at either end first, then the neighbours
/// with the fewest observations. Narrower than it needs, the chart leaves out the share, then
/// the count, then the markers, before the bar gets shorter than 8 cells. It never draws
/// outside its rectangle.
public struct HistogramChart: Sendable {
    /// Cumulative buckets: `le` in milliseconds, `+Inf` last, as `histogram_quantile` takes them.
    public var buckets: [(le: Double, count: Double)]
    /// Quantiles to mark, in milliseconds: `("p99", 98.2)`. One that is not a number is left out.
    public var markers: [(name: String, ms: Double)]
    /// Draws the bars and marks: Unicode or ASCII.
    public var glyphs: Glyphs

    /// The bar's width below which the columns after it are given up.
    static let minimumBar = 8

    /// A histogram of `buckets` with `markers` at their quantiles.
    public init(buckets: [(le: Double, count: Double)], markers: [(name: String, ms: Double)] = [], glyphs: Glyphs) {
        self.buckets = buckets
        self.markers = markers
        self.glyphs = glyphs
    }

    /// Draws the bands into columns `x..<x+width` of rows `y..<y+height`, lowest latency at the
    /// top; rows without a band are left as they are.
    public func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        let histogram = HistogramBands(buckets)
        let bands = histogram.fitted(rows: height)
        let total = histogram.total
        let largest = bands.map(\.count).max() ?? 0
        let rows = bands.enumerated().map { i, band in
            Row(label: label(band), count: ChartNumber.compact(band.count),
                share: total > 0 ? StatTable.fixed(100 * (band.count / total), 1) + "%" : "",
                markers: markerText(bands, i), fraction: largest > 0 ? band.count / largest : 0)
        }
        let layout = Layout(rows, width: width)
        for (i, row) in rows.enumerated() {
            draw(row, layout, into: &grid, x: x, y: y + i)
        }
    }

    /// One band's texts, and its bar's length as a fraction of the longest.
    private struct Row {
        var label, count, share, markers: String
        var fraction: Double
    }

    /// How wide each column is; a width of 0 leaves the column out.
    private struct Layout {
        var label = 0, bar = 0, count = 0, share = 0, markers = 0

        init(_ rows: [Row], width: Int) {
            func widest(_ text: (Row) -> String) -> Int { rows.map { CharacterWidth.of(text($0)) }.max() ?? 0 }
            label = min(width, widest(\.label))
            // Given up from the right: the share, the count, then the markers.
            var columns = [widest(\.markers), widest(\.count), widest(\.share)]
            while !columns.isEmpty, Self.room(width, label, columns) < HistogramChart.minimumBar {
                columns.removeLast()
            }
            columns += [0, 0, 0].dropFirst(columns.count)
            (markers, count, share) = (columns[0], columns[1], columns[2])
            bar = max(0, Self.room(width, label, columns))
        }

        /// What is left for the bar of `width` beside a label and the `columns`, each after a space.
        private static func room(_ width: Int, _ label: Int, _ columns: [Int]) -> Int {
            width - label - 1 - columns.reduce(0) { $0 + ($1 > 0 ? $1 + 1 : 0) }
        }
    }

    private func draw(_ row: Row, _ layout: Layout, into grid: inout CellGrid, x: Int, y: Int) {
        var column = x
        func put(_ text: String, width: Int, style: Style = .normal, alignRight: Bool = true) {
            guard width > 0 else { return }
            let shown = CharacterWidth.truncate(text, width: width, cut: glyphs.cut)
            let pad = alignRight ? width - CharacterWidth.of(shown) : 0
            grid.put(shown, x: column + pad, y: y, style: style, limit: width - pad)
            column += width + 1
        }
        put(row.label, width: layout.label)
        put(GraphCells.bar(row.fraction, width: layout.bar, fills: glyphs.barFills), width: layout.bar,
            style: GraphCells.style(level: Int((row.fraction * Double(GraphCells.topLevel)).rounded())), alignRight: false)
        put(row.count, width: layout.count)
        put(row.share, width: layout.share, style: Style(.dim))
        put(row.markers, width: layout.markers, style: Style(.normal, bold: true), alignRight: false)
    }

    /// `≤ 10ms`, or `> 50s` for the band that ends at `+Inf` (`all` when it is the only one).
    private func label(_ band: HistogramBands.Band) -> String {
        if band.upper < .infinity { return "\(glyphs.atMost) \(ChartNumber.milliseconds(band.upper))" }
        return band.lower.map { "> \(ChartNumber.milliseconds($0))" } ?? "all"
    }

    /// `◂ p95 p99` for the quantiles in band `i`: a quantile belongs to the first band whose upper
    /// bound it does not exceed, or to the last.
    private func markerText(_ bands: [HistogramBands.Band], _ i: Int) -> String {
        let names = markers.filter { !$0.ms.isNaN }.filter { marker in
            (bands.firstIndex { marker.ms <= $0.upper } ?? bands.count - 1) == i
        }.map(\.name)
        return names.isEmpty ? "" : ([glyphs.marker] + names).joined(separator: " ")
    }
}
