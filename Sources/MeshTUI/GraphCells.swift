/// The glyphs and styles that charts fill cells with: stacked column heights, horizontal bar
/// lengths, and a gradient level 0...7 per cell for the theme.
enum GraphCells {
    /// The top gradient level.
    static let topLevel = 7

    /// The cells of a column `rows` high filled to `fraction` (0…1) of its height, bottom first;
    /// nil above the top. Even 0 fills the lowest height of the bottom cell, so a zero is told
    /// from a missing value. Each cell's level is how high its top is.
    static func column(_ fraction: Double, rows: Int, heights: [String]) -> [(glyph: String, style: Style)?] {
        let total = rows * heights.count
        guard total > 0 else { return [] }
        let filled = 1 + Int((fraction * Double(total - 1)).rounded())
        return (0..<rows).map { row in
            let content = min(heights.count, filled - row * heights.count)
            guard content > 0 else { return nil }
            let top = row * heights.count + content
            let level = total == 1 ? topLevel : Int((Double(topLevel * (top - 1)) / Double(total - 1)).rounded())
            return (heights[content - 1], style(level: level))
        }
    }

    /// A bar `fraction` (0…1) of `width` cells long, in sub-cell steps of `fills`; at least the
    /// thinnest fill when `fraction` is above 0, so a small count is told from none.
    static func bar(_ fraction: Double, width: Int, fills: [String]) -> String {
        guard fraction > 0, width > 0, let full = fills.last else { return "" }
        let steps = max(1, Int((min(1, fraction) * Double(width * fills.count)).rounded()))
        let (cells, rest) = steps.quotientAndRemainder(dividingBy: fills.count)
        return String(repeating: full, count: cells) + (rest > 0 ? fills[rest - 1] : "")
    }

    /// The style of a graph cell at gradient `level` 0...7, low to high: the theme's `graph`
    /// gradient, which says nothing about good or bad (a full success-rate bar is not bad).
    static func style(level: Int) -> Style {
        Style(.graph(UInt8(clamping: max(0, min(topLevel, level)))))
    }

    /// A missing value: dim, and drawn with its own glyph so it doesn't rest on colour.
    static let noData = Style(.dim, dim: true)
}
