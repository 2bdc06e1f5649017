import MeshModel

/// The source's problems, the things a user can act on (an unreachable API server, an RBAC
/// refusal, a missing namespace): the first on a line under the header, every one of them in
/// the `:problems` list.
enum ProblemsView {
    /// `✗ first problem (+2 more)` on line `y`, the problem cut to fit. Returns whether there
    /// was a problem to draw.
    static func drawLine(_ problems: [String], glyphs: Glyphs, y: Int, into grid: inout CellGrid) -> Bool {
        guard let first = problems.first else { return false }
        let more = problems.count > 1 ? " (+\(problems.count - 1) more)" : ""
        let text = "\(glyphs.failed) \(StatTable.display(first))"
        let x = grid.put(CharacterWidth.truncate(text, width: grid.width - CharacterWidth.of(more), cut: glyphs.cut),
                         x: 0, y: y, style: Style(.bad, bold: true))
        grid.put(more, x: x, y: y, style: Style(.warn, bold: true))
        return true
    }

    /// Every problem over `lines` of `grid`, each wrapped to the width.
    static func draw(_ problems: [String], glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        for y in lines { grid.fill(row: y, style: .normal) }
        var y = lines.lowerBound
        grid.put("Problems (\(problems.count))", x: 1, y: y, style: .header)
        y += 1
        let mark = glyphs.failed + " "
        let indent = CharacterWidth.of(mark)
        for problem in problems {
            for (i, line) in DashboardChrome.wrap(StatTable.display(problem), width: grid.width - 1 - indent).enumerated()
            where y < lines.upperBound {
                if i == 0 { grid.put(mark, x: 1, y: y, style: Style(.bad, bold: true)) }
                grid.put(line, x: 1 + indent, y: y, style: Style(.bad, bold: true))
                y += 1
            }
        }
    }
}
