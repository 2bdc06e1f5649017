import MeshModel
import MeshTUI

/// A rendered screen written as the text of a snapshot file: readable in an editor and in a
/// diff, and never holding a byte that could steer the terminal it is printed on.
///
/// The file has a legend (lines starting with `#`), then the text layer (one line per row of
/// the grid, after a `|`, trailing blanks trimmed, so blank rows still show), a blank line,
/// and the look layer (one line per row, after a `|`, one character per cell) saying how each
/// cell is shown, as ``ScreenLook`` decides it in the built-in default theme.
enum ScreenSnapshot {
    /// The snapshot file's text for `grid`, named `name`, on a screen with or without `colors`.
    static func text(of grid: CellGrid, named name: String, colors: Bool) -> String {
        let text = grid.trimmedRows.map { "|" + escaped($0) }
        let look = (0..<grid.height).map { y in
            "|" + String((0..<grid.width).map { x in letter(grid[x, y], colors: colors) })
        }
        let mode = colors ? "with colours." : "without colours (NO_COLOR)."
        let legend = ["# Snapshot \(name): \(grid.width)x\(grid.height) cells, \(mode)",
                      "# Re-record: see README.md in this folder."] + textLegend + (colors ? roleLegend : attributeLegend)
        return (legend + [""] + text + [""] + look).joined(separator: "\n") + "\n"
    }

    private static let textLegend = [
        "# Text: each row after \"|\", trailing blanks trimmed; a control character is written \\xNN",
        "#   (\\u{NNNN} above FF) and a backslash \\\\.",
    ]

    private static let roleLegend = [
        "# Look: each row after \"|\", one character per cell, the colour role of the cell:",
        "#   . normal  H header  g good  w warn  b bad  d dim  s selected  B border  0-7 graph level",
        "#   ~ right half of a wide character (drawn like the cell to its left)",
    ]

    private static let attributeLegend = [
        "# Look: each row after \"|\", one character per cell, the attributes that stand in for colour:",
        "#   . none  b bold  r reverse  u underline  d dim; with several, the first of r, u, d names",
        "#   the cell, in capitals when it is bold too (R reverse and bold, D dim and bold)",
        "#   ~ right half of a wide character (drawn like the cell to its left)",
    ]

    /// The look layer's character for `cell`.
    private static func letter(_ cell: Cell, colors: Bool) -> Character {
        if cell.isContinuation { return "~" }
        let look = ScreenLook(cell.style, colors: colors, theme: .builtInDefault)
        return look.colors == nil ? letter(look.attributes) : letter(cell.style.role)
    }

    private static func letter(_ role: Style.Role) -> Character {
        switch role {
        case .normal: return "."
        case .header: return "H"
        case .good: return "g"
        case .warn: return "w"
        case .bad: return "b"
        case .dim: return "d"
        case .selected: return "s"
        case .border: return "B"
        case .graph(let level): return Character(String(min(Int(level), Style.Role.graphLevels - 1)))
        }
    }

    private static func letter(_ attributes: TextAttributes) -> Character {
        let bold = attributes.contains(.bold)
        let named = [(TextAttributes.reverse, "r"), (.underline, "u"), (.dim, "d")].first { attributes.contains($0.0) }
        guard let name = named?.1 else { return bold ? "b" : "." }
        return Character(bold ? name.uppercased() : name)
    }

    /// `row` with its control characters and backslashes spelled out.
    static func escaped(_ row: String) -> String {
        var out = ""
        for scalar in row.unicodeScalars {
            if scalar == "\\" {
                out += "\\\\"
            } else if StatTable.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
