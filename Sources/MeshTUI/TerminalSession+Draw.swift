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

    /// The ncurses attributes and colour pair of `style`: the attributes ``ScreenLook`` gives
    /// it, and its role's colour pair from the palette.
    func look(_ style: Style) -> (attr_t, Int16) {
        let attributes = ScreenLook(style, colors: colors, theme: theme).attributes
        var a = attr_t(0)
        if attributes.contains(.bold) { a |= meshtop_A_BOLD() }
        if attributes.contains(.dim) { a |= meshtop_A_DIM() }
        if attributes.contains(.reverse) { a |= meshtop_A_REVERSE() }
        if attributes.contains(.underline) { a |= meshtop_A_UNDERLINE() }
        return (a, palette.pair(for: style.role))
    }
}
