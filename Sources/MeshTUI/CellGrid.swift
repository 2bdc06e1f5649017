import MeshModel

/// A screen's worth of cells, drawn into by the views and written out by the backend.
///
/// Pure and value-typed, so a view's output can be compared in a test. Text written into it
/// is clipped at the grid's edges and at an optional column limit; a wide grapheme that
/// doesn't fit whole leaves a blank instead, and overwriting half of a wide grapheme blanks
/// its other half, so the grid never holds a broken one.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A blank grid of `width` x `height` cells (negative sizes count as 0).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// The text of every row, one string each; continuation cells add nothing, so a row with
    /// wide graphemes has fewer characters than `width`.
    public var rows: [String] {
        (0..<height).map { y in
            String(cells[(y * width)..<((y + 1) * width)].filter { !$0.isContinuation }.map(\.character))
        }
    }

    /// Writes `text` at column `x` of row `y` in `style`, stopping at the right edge and before
    /// column `x + limit` when a limit is given. Control characters are shown as `?`.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        for character in text {
            let shown = Self.isControl(character) ? "?" : character
            let w = CharacterWidth.of(shown)
            if w == 0 { continue }
            if column + w > end {
                if column >= 0, column < end { place(" ", width: 1, x: column, y: y, style: style) }
                return end
            }
            if column >= 0 { place(shown, width: w, x: column, y: y, style: style) }
            column += w
        }
        return max(column, x)
    }

    /// Fills columns `from..<to` of row `y` with spaces in `style`.
    public mutating func fill(row y: Int, from: Int = 0, to: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for x in max(0, from)..<max(max(0, from), min(width, to ?? width)) {
            place(" ", width: 1, x: x, y: y, style: style)
        }
    }

    /// Changes the style of every cell in row `y`, keeping the text.
    public mutating func restyle(row y: Int, _ change: (Style) -> Style) {
        guard y >= 0, y < height else { return }
        for i in (y * width)..<((y + 1) * width) {
            cells[i].style = change(cells[i].style)
        }
    }

    private mutating func place(_ character: Character, width w: Int, x: Int, y: Int, style: Style) {
        breakWide(at: x, y: y)
        if w == 2 { breakWide(at: x + 1, y: y) }
        cells[y * width + x] = Cell(character, style)
        if w == 2 { cells[y * width + x + 1] = .continuation(style) }
    }

    /// Blanks the other half of a wide grapheme that covers (x, y), if any.
    private mutating func breakWide(at x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation {
            cells[i - 1] = Cell(" ", cells[i - 1].style)
            cells[i] = Cell(" ", cells[i].style)
        } else if x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(" ", cells[i + 1].style)
        }
    }

    /// Whether any scalar of `character` could steer the terminal or reorder the line
    /// (controls, separators, bidirectional overrides): those are drawn as `?`.
    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: StatTable.isUnsafe)
    }
}
