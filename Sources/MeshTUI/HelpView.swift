/// The `?` help: every key of the keymap and what it does, in as many columns as the lines
/// need, with a word on filters and the health cues.
enum HelpView {
    /// The lines under the keys.
    static func notes(_ glyphs: Glyphs) -> [String] {
        [
            "/web filters by substring; /~^api- by regular expression; Esc clears.",
            ":ctx picks a kubeconfig context, :ns a namespace: type to narrow the list.",
            "Marks: \(glyphs.lowSuccess) success below 95%, \(glyphs.failed) failed scrape, "
                + "\(glyphs.insecure) unsecured edge, \(glyphs.secured) mTLS.",
            "Nothing here changes the mesh: meshtop only reads the proxies' metrics.",
        ]
    }

    /// Draws the help over `lines` of `grid`.
    static func draw(_ keymap: Keymap, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        for y in lines { grid.put(String(repeating: " ", count: grid.width), x: 0, y: y) }
        var y = lines.lowerBound
        grid.put("Keys", x: 1, y: y, style: Style(.header, bold: true))
        y += 1
        let entries = keymap.bindings.map { (label: $0.label, help: $0.help) }
        let labelWidth = entries.map { CharacterWidth.of($0.label) }.max() ?? 0
        let notes = notes(glyphs)
        let room = max(1, lines.upperBound - y - notes.count - 1)
        let columns = (entries.count + room - 1) / room
        let columnWidth = max(1, (grid.width - 1) / max(1, columns))
        for (i, entry) in entries.enumerated() {
            let x = 1 + (i / room) * columnWidth
            let line = y + i % room
            guard line < lines.upperBound, x < grid.width else { continue }
            let end = grid.put(entry.label, x: x, y: line, style: Style(bold: true), limit: columnWidth - 1)
            grid.put(entry.help, x: max(end, x + labelWidth) + 2, y: line, limit: max(0, x + columnWidth - 1 - (max(end, x + labelWidth) + 2)))
        }
        var noteY = y + min(room, entries.count) + 1
        for note in notes where noteY < lines.upperBound {
            grid.put(CharacterWidth.truncate(note, width: grid.width - 2, cut: glyphs.cut), x: 1, y: noteY, style: Style(.dim))
            noteY += 1
        }
    }
}
