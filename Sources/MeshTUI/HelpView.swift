/// The `?` help: every key of the keymap and what it does, in as many columns as the lines
/// need, with a word on filters and the health cues.
enum HelpView {
    /// The lines under the keys.
    static func notes(_ glyphs: Glyphs) -> [String] {
        [
            "/web filters by substring, /~^api- by regex; Esc clears. Graph: / finds a node.",
            ":ctx picks a kubeconfig context, :ns a namespace: type to narrow the list.",
            "Tap, Top: j/k, Enter detail, p pause, /method=POST status=5xx latency>100ms; Top: s sort, w span.",
            "Marks: \(glyphs.lowSuccess) success below 95%, \(glyphs.failed) failed scrape, "
                + "\(glyphs.insecure) unsecured edge, \(glyphs.secured) mTLS.",
            "Nothing here changes the mesh: meshtop only reads the proxies' metrics.",
        ]
    }

    /// The help's sections: where keys work, and the bindings that work there.
    static func sections(_ keymap: Keymap) -> [(title: String, bindings: [KeyBinding])] {
        let places: [(String, (KeyBinding.Scope) -> Bool)] = [
            ("Everywhere", { $0 == .always }),
            ("Tables", { $0 == .tables || $0 == .views }),
            ("Graph", { $0 == .graph || $0 == .views }),
            ("Detail", { $0 == .detail }),
        ]
        return places.map { title, holds in (title, keymap.bindings.filter { holds($0.scope) }) }.filter { !$0.bindings.isEmpty }
    }

    /// Draws the help over `lines` of `grid`: each section under its title, in as many
    /// columns as the lines need, a section moving whole to the next column when it fits there.
    static func draw(_ keymap: Keymap, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        for y in lines { grid.put(String(repeating: " ", count: grid.width), x: 0, y: y) }
        let notes = notes(glyphs)
        let room = max(2, lines.count - notes.count - 1)
        var placed: [(column: Int, line: Int, label: String, help: String?)] = []  // help nil: a title
        var column = 0, line = 0
        for section in sections(keymap) {
            if line > 0, line + 1 + section.bindings.count > room { (column, line) = (column + 1, 0) }
            for (label, help) in [(section.title, nil)] + section.bindings.map({ ($0.label, Optional($0.help)) }) {
                if line == room { (column, line) = (column + 1, 0) }
                placed.append((column, line, label, help))
                line += 1
            }
            line += 1
        }
        let columnWidth = max(1, (grid.width - 1) / (column + 1))
        let labelWidth = placed.filter { $0.help != nil }.map { CharacterWidth.of($0.label) }.max() ?? 0
        for entry in placed {
            let x = 1 + entry.column * columnWidth, y = lines.lowerBound + entry.line
            guard y < lines.upperBound, x < grid.width else { continue }
            guard let help = entry.help else {
                grid.put(entry.label, x: x, y: y, style: Style(.header, bold: true), limit: columnWidth - 1)
                continue
            }
            let end = grid.put(entry.label, x: x, y: y, style: Style(bold: true), limit: columnWidth - 1)
            let helpX = max(end, x + labelWidth) + 2
            grid.put(help, x: helpX, y: y, limit: max(0, x + columnWidth - 1 - helpX))
        }
        var noteY = lines.lowerBound + min(room, (placed.map(\.line).max() ?? 0) + 1) + 1
        for note in notes where noteY < lines.upperBound {
            grid.put(CharacterWidth.truncate(note, width: grid.width - 2, cut: glyphs.cut), x: 1, y: noteY, style: Style(.dim))
            noteY += 1
        }
    }
}
