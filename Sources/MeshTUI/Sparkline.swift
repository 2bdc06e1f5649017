/// A one-row chart of a series, oldest value on the left and newest on the right: `▁▂▄█·▆`.
///
/// One value a cell. With more values than cells the newest are shown; with fewer, the run is
/// right-aligned so the newest value always sits at the right end. Heights are scaled over the
/// values shown. A missing value (nil, or not a finite number) draws as `Glyphs.noData`, so no
/// traffic is told apart from zero, which draws as the lowest height.
public struct Sparkline: Sendable, Equatable {
    /// The series, oldest first; nil where there was no data.
    public var values: [Double?]
    /// Which values the lowest and the highest glyph stand for.
    public var scale: ChartScale
    /// Draws the heights: eight of them in Unicode, six in ASCII.
    public var glyphs: Glyphs

    /// A sparkline of `values`, oldest first.
    public init(_ values: [Double?], scale: ChartScale = .zeroToMax, glyphs: Glyphs) {
        self.values = values
        self.scale = scale
        self.glyphs = glyphs
    }

    /// Draws the newest `width` values into row `y`, columns `x..<x+width`; cells without a
    /// value to show are left as they are.
    public func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let shown = scale.fractions(of: values.suffix(max(0, width))).fractions
        for (i, fraction) in shown.enumerated() {
            let column = x + width - shown.count + i
            if let fraction, 
                let cell = GraphCells.column(fraction, rows: 1, heights: glyphs.heights).compactMap({ $0 }).first {
                grid.put(cell.glyph, x: column, y: y, style: cell.style, limit: 1)
            } else {
                grid.put(glyphs.noData, x: column, y: y, style: GraphCells.noData, limit: 1)
            }
        }
    }
}
