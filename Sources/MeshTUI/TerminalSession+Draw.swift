import CNCurses
#if canImport(Glibc)
import Glibc
#endif

extension TerminalSession {
    /// Shows `grid`, writing only the cells that differ from the frame on screen (all of
    /// them after a resize), then refreshes. On an ASCII terminal, other characters are shown
    /// as `?` (a wide one as `??`).
    public func draw(_ grid: CellGrid) {
        let (width, height) = size
        guard grid.width == width, grid.height == height else { return }
        let old = previous.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if old == nil { werase(window) }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                var cell = grid[x, y]
                if old?[x, y] == cell { continue }
                if !utf8 {
                    // Without a UTF-8 locale ncurses drops other characters, shifting the rest of the row.
                    if cell.isContinuation || !cell.character.isASCII { cell = Cell("?", cell.style) }
                } else if cell.isContinuation {
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        previous = grid
        wrefresh(window)
    }

    /// Forgets the frame on screen, so the next `draw` writes every cell.
    public func invalidate() {
        previous = nil
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        // A cell holds at most CCHARW_MAX (5) wide characters: the grapheme and its marks.
        var chars = cell.character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        chars.append(0)
        var cc = cchar_t()
        let (attributes, pair) = look(cell.style)
        setcchar(&cc, chars, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cc)  // ERR in the bottom-right corner, but drawn
    }

    /// The ncurses attributes and colour pair of `style` under this terminal's capabilities:
    /// without colours, the roles that carry meaning fall back to bold, reverse or dim.
    func look(_ style: Style) -> (attr_t, Int16) {
        var a = attr_t(0)
        if style.bold { a |= meshtop_A_BOLD() }
        if style.dim { a |= meshtop_A_DIM() }
        if style.reverse { a |= meshtop_A_REVERSE() }
        if style.underline { a |= meshtop_A_UNDERLINE() }
        let pair: Pair?
        switch style.role {
        case .normal: pair = nil
        case .header: pair = .header
        case .good: pair = .good
        case .warn: pair = .warn
        case .bad: pair = .bad
        case .dim: pair = nil; a |= meshtop_A_DIM()
        case .selected: pair = nil; a |= meshtop_A_REVERSE()
        }
        guard let pair else { return (a, 0) }
        if colors { return (a, pair.rawValue) }
        if pair != .good { a |= meshtop_A_BOLD() }
        return (a, 0)
    }
}
