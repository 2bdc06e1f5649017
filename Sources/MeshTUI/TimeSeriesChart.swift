/// A column chart of one series over time in a rectangle, newest value on the right, with
/// the top and bottom of its scale labelled on a y axis:
///
///     100ms┤   █
///          │  ▅█
///       0ms┤▁▇██
///
/// One value a column, scaled over the values shown; each column stacks `Glyphs.heights` up
/// the rows, so a chart `h` rows high has `h` times the levels of a sparkline. A missing value
/// draws as `Glyphs.noData` on the bottom row. Too narrow for labels and a column, the chart
/// leaves the axis out.
public struct TimeSeriesChart: Sendable {
    /// The series, oldest first; nil where there was no data.
    public var values: [Double?]
    /// Which values the bottom and top rows stand for.
    public var scale: ChartScale
    /// Draws the columns and the axis: Unicode or ASCII.
    public var glyphs: Glyphs
    /// Writes the axis labels: `ChartNumber.milliseconds` for a latency.
    public var label: @Sendable (Double) -> String

    /// A chart of `values`, oldest first.
    public init(_ values: [Double?], scale: ChartScale = .zeroToMax, glyphs: Glyphs,
                label: @escaping @Sendable (Double) -> String = ChartNumber.compact) {
        self.values = values
        self.scale = scale
        self.glyphs = glyphs
        self.label = label
    }

    /// Draws the chart into columns `x..<x+width` of rows `y..<y+height`; cells without
    /// anything to show are left as they are.
    public func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, height: Int) {
        guard width > 0, height > 0 else { return }
        // The labels of the widest plot fix the axis's column; the plot beside it shows fewer
        // values, whose labels are cut in the rare case they are wider (`10` before, `9.5` now).
        let widest = axisLabels(scale.fractions(of: values.suffix(width)), rows: height)
        let labelWidth = widest.map(CharacterWidth.of).max() ?? 0
        let withAxis = width - labelWidth - 1 >= 1
        let plotWidth = withAxis ? width - labelWidth - 1 : width
        let scaled = scale.fractions(of: values.suffix(plotWidth))
        if withAxis {
            drawAxis(axisLabels(scaled, rows: height), labelWidth: labelWidth, into: &grid, x: x, y: y, height: height)
        }
        let left = x + width - scaled.fractions.count
        for (i, fraction) in scaled.fractions.enumerated() {
            drawColumn(fraction, into: &grid, x: left + i, bottom: y + height - 1, rows: height)
        }
    }

    /// The top label, and the bottom one when there are two rows or more.
    private func axisLabels(_ scaled: (fractions: [Double?], lower: Double, upper: Double), rows: Int) -> [String] {
        rows > 1 ? [label(scaled.upper), label(scaled.lower)] : [label(scaled.upper)]
    }

    private func drawAxis(_ labels: [String], labelWidth: Int, into grid: inout CellGrid, x: Int, y: Int, height: Int) {
        for row in 0..<height {
            let tick = row == 0 ? labels[0] : row == height - 1 ? labels[1] : nil
            if let tick {
                let text = CharacterWidth.truncate(tick, width: labelWidth, cut: glyphs.cut)
                grid.put(text, x: x + labelWidth - CharacterWidth.of(text), y: y + row, limit: labelWidth)
            }
            grid.put(tick == nil ? glyphs.axis : glyphs.axisTick, x: x + labelWidth, y: y + row, style: Style(.dim),
                     limit: 1)
        }
    }

    private func drawColumn(_ fraction: Double?, into grid: inout CellGrid, x: Int, bottom: Int, rows: Int) {
        guard let fraction else {
            grid.put(glyphs.noData, x: x, y: bottom, style: GraphCells.noData, limit: 1)
            return
        }
        for (row, cell) in GraphCells.column(fraction, rows: rows, heights: glyphs.heights).enumerated() {
            guard let cell else { break }
            grid.put(cell.glyph, x: x, y: bottom - row, style: cell.style, limit: 1)
        }
    }
}
