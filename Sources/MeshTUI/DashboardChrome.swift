import MeshModel

/// The parts of the dashboard around its tables: the header line, failed targets, the
/// footer of keys, and the whole-screen messages.
enum DashboardChrome {
    /// At most this many lines name failed targets; the rest are counted.
    static let maxFailureLines = 4

    /// A piece of the header line; the lowest priorities are left out when the line is too long.
    private struct Segment {
        var text: String
        var style: Style
        var priority: Int
    }

    /// `meshtop · targets · window 10s · every 2s · 2/3 targets ok` and, on the right, the
    /// snapshot's time; `PAUSED` after the name while paused. Parts that don't fit are left
    /// out, least important first.
    static func drawHeader(_ snapshot: Snapshot?, paused: Bool, context: DashboardContext, into grid: inout CellGrid) {
        var segments = headerSegments(snapshot, paused: paused, context: context)
        var clock = snapshot.map { Segment(text: DashboardContext.clock($0.generatedAtMs), style: .normal, priority: 4) }
        let separator = context.glyphs.separator
        func length() -> Int {
            segments.reduce(0) { $0 + CharacterWidth.of($1.text) } + CharacterWidth.of(separator) * (segments.count - 1)
                + (clock.map { 1 + CharacterWidth.of($0.text) } ?? 0)
        }
        while length() > grid.width, segments.count > 1 {
            let weakest = segments.indices.min { segments[$0].priority < segments[$1].priority }!
            if let c = clock, c.priority < segments[weakest].priority { clock = nil } else { segments.remove(at: weakest) }
        }
        var x = 0
        for (i, segment) in segments.enumerated() {
            if i > 0 { x = grid.put(separator, x: x, y: 0) }
            x = grid.put(segment.text, x: x, y: 0, style: segment.style)
        }
        if let clock { grid.put(clock.text, x: grid.width - CharacterWidth.of(clock.text), y: 0) }
    }

    private static func headerSegments(_ snapshot: Snapshot?, paused: Bool, context: DashboardContext) -> [Segment] {
        let source = CharacterWidth.truncate(StatTable.display(context.source), width: 30, cut: context.glyphs.cut)
        var segments = [Segment(text: "meshtop", style: .header, priority: 100)]
        if paused { segments.append(Segment(text: "PAUSED", style: Style(.warn, bold: true, reverse: true), priority: 99)) }
        segments.append(Segment(text: source, style: .normal, priority: 1))
        segments.append(Segment(text: "window \(DashboardContext.duration(context.windowMs))", style: .normal, priority: 3))
        segments.append(Segment(text: "every \(DashboardContext.duration(context.intervalMs))", style: .normal, priority: 2))
        if let snapshot {
            let ok = snapshot.targets.filter(\.ok).count, all = snapshot.targets.count
            segments.append(Segment(text: "\(ok)/\(all) targets ok", style: ok < all ? Style(.bad, bold: true) : .normal,
                                    priority: 5))
        }
        return segments
    }

    /// One line per failed target, `✗ failed: url: error`, from line `y`; when more failed than
    /// fit, the last line counts the rest. Returns the lines used.
    static func drawFailures(_ targets: [TargetHealth], glyphs: Glyphs, y: Int, maxLines: Int,
                             into grid: inout CellGrid) -> Int {
        let failed = targets.filter { !$0.ok }
        let lines = min(failed.count, maxLines, maxFailureLines)
        guard lines > 0 else { return 0 }
        let named = failed.count > lines ? lines - 1 : lines
        var texts = failed.prefix(named).map {
            "\(glyphs.failed) failed: \(StatTable.display($0.url)): \(StatTable.display($0.error ?? "unknown error"))"
        }
        if named < lines {
            let more = named == 0 ? "" : "more "
            texts.append("\(glyphs.failed) \(failed.count - named) \(more)of \(targets.count) targets failed")
        }
        for (i, text) in texts.enumerated() {
            grid.put(CharacterWidth.truncate(text, width: grid.width, cut: glyphs.cut), x: 0, y: y + i,
                     style: Style(.bad))
        }
        return lines
    }

    /// The keys that work, from the keymap: `q quit  Tab switch  j/k move  p pause`.
    static func drawFooter(_ keymap: Keymap, y: Int, into grid: inout CellGrid) {
        var x = 0
        for (i, hint) in keymap.hints.enumerated() {
            if i > 0 { x = grid.put("  ", x: x, y: y) }
            x = grid.put(hint.keys, x: x, y: y, style: Style(bold: true))
            x = grid.put(" " + hint.help, x: x, y: y)
        }
    }

    /// `terminal too small (WxH), need 40x10`, broken after the comma when it doesn't fit, and centred.
    static func drawTooSmall(into grid: inout CellGrid) {
        let size = "terminal too small (\(grid.width)x\(grid.height))"
        let need = "need \(DashboardView.minimumWidth)x\(DashboardView.minimumHeight)"
        let whole = "\(size), \(need)"
        let lines = CharacterWidth.of(whole) <= grid.width
            ? [whole] : wrap(size + ",", width: grid.width) + wrap(need, width: grid.width)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            center(line, y: top + i, style: Style(.warn, bold: true), into: &grid)
        }
    }

    /// `text` centred on line `y`.
    static func center(_ text: String, y: Int, style: Style, into grid: inout CellGrid) {
        grid.put(text, x: max(0, (grid.width - CharacterWidth.of(text)) / 2), y: y, style: style)
    }

    /// `text` broken at spaces into lines of at most `width` cells (a longer word is cut by the grid).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if CharacterWidth.of(line) + 1 + CharacterWidth.of(String(word)) <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
