/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies two cells: the first holds it, the second is a
/// continuation cell that holds nothing and is never written to the terminal on its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown; a space for blank cells and continuation cells.
    public var character: Character
    public var style: Style
    /// Whether this cell is the right half of the wide grapheme to its left.
    public var isContinuation: Bool

    /// A cell showing `character` in `style`.
    public init(_ character: Character, _ style: Style = .normal) {
        self.character = character
        self.style = style
        self.isContinuation = false
    }

    /// A space in the default style.
    public static let blank = Cell(" ")

    /// The right half of a wide grapheme drawn in `style`.
    static func continuation(_ style: Style) -> Cell {
        var cell = Cell(" ", style)
        cell.isContinuation = true
        return cell
    }
}
