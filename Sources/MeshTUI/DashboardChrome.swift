import MeshModel

/// The parts of the dashboard around its pages: the header line, the tabs, the failing
/// targets, the footer of keys, and the whole-screen messages.
enum DashboardChrome {
    /// A piece of the header line; the lowest priorities are left out when the line is too long.
    private struct Segment {
        var text: String
        var style: Style
        var priority: Int
    }

    /// `meshtop · ctx prod · cluster https://… · demo · ns all · window 10s · every 2s · 2/3 proxies ok`
    /// and, on the right, the snapshot's time; `PAUSED` after the name while paused. Parts that don't fit are
    /// left out, least important first.
    static func drawHeader(_ snapshot: Snapshot?, state: DashboardState, context: DashboardContext,
                           into grid: inout CellGrid) {
        var segments = headerSegments(snapshot, state: state, context: context, width: grid.width)
        var clock = snapshot.map { Segment(text: DashboardContext.clock($0.generatedAtMs), style: .normal, priority: 5) }
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

    private static func headerSegments(_ snapshot: Snapshot?, state: DashboardState, context: DashboardContext,
                                       width: Int) -> [Segment] {
        func shown(_ text: String, _ room: Int) -> String {
            CharacterWidth.truncate(StatTable.display(text), width: room, cut: context.glyphs.cut)
        }
        let namespace = state.namespace.map { shown($0, 24) }
        var segments = [Segment(text: "meshtop", style: .header, priority: 100)]
        if state.paused { segments.append(Segment(text: "PAUSED", style: Style(.warn, bold: true, reverse: true), priority: 99)) }
        if let kubeContext = context.status.context {
            segments.append(Segment(text: "ctx \(shown(kubeContext, min(32, max(12, width / 4))))", style: Style(bold: true), priority: 8))
            if let cluster = context.status.cluster, cluster != kubeContext {
                segments.append(Segment(text: "cluster \(shown(cluster, min(48, width / 3)))", style: .normal, priority: 2))
            }
        }
        if context.status.context == nil {  // a context says where the pods come from better
            segments.append(Segment(text: shown(context.source, 30), style: .normal, priority: 1))
        }
        segments.append(Segment(text: "ns \(namespace ?? "all")", style: namespace == nil ? .normal : Style(bold: true), priority: 7))
        segments.append(Segment(text: "window \(DashboardContext.duration(state.windowMs))", style: .normal, priority: 4))
        segments.append(Segment(text: "every \(DashboardContext.duration(context.intervalMs))", style: .normal, priority: 3))
        if let snapshot {
            let ok = snapshot.targets.reduce(0) { $0 + ($1.ok ? 1 : 0) }, all = snapshot.targets.count
            let text = ok < all ? "\(context.glyphs.failed) \(ok)/\(all) proxies ok" : "\(ok)/\(all) proxies ok"
            segments.append(Segment(text: text, style: ok < all ? Style(.bad, bold: true) : .normal, priority: 6))
        }
        return segments
    }

    /// ` 1 Workloads   2 Edges   3 Pods ` with the current page in reverse video, and on the
    /// right where the selection is among the rows (`12/340`) and the filter.
    static func drawTabs(_ state: DashboardState, rows: DashboardRows, glyphs: Glyphs, y: Int, into grid: inout CellGrid) {
        var x = 0
        let tabs = DashboardPage.allCases.enumerated().map { " \($0 + 1) \($1.title) " }
        let gap = tabs.reduce(tabs.count - 1) { $0 + CharacterWidth.of($1) } <= grid.width ? 1 : 0
        for (i, page) in DashboardPage.allCases.enumerated() {
            let current = page == state.page && state.detail == nil
            x = grid.put(tabs[i], x: x, y: y, style: current ? Style(.header, bold: true, reverse: true) : .normal) + gap
        }
        if let detail = state.detail {
            x = grid.put(" \(glyphs.focus) \(StatTable.display(DashboardColumns.name(detail))) ", x: x, y: y,
                         style: Style(.header, bold: true, reverse: true))
        }
        var right: [String] = []
        if state.failedOnly, state.page == .pods { right.append("failed only") }
        if !state.filter.isEmpty, state.page != .graph { right.append("/\(StatTable.display(state.filter))") }
        if state.detail == nil, state.page.tapView == nil, rows.count > 0 { right.append("\(min(state.table.selected + 1, rows.count))/\(rows.count)") }
        let text = right.joined(separator: "  ")
        let start = grid.width - CharacterWidth.of(text)
        if !text.isEmpty, start > x + 1 { grid.put(text, x: start, y: y, style: Style(.dim)) }
    }

    /// When targets fail, one line: `✗ 2 of 43 targets failing: url: error (f lists them)`.
    /// Returns whether it drew the line.
    static func drawFailures(_ targets: [TargetHealth], glyphs: Glyphs, y: Int, into grid: inout CellGrid) -> Bool {
        guard let first = targets.first(where: { !$0.ok }) else { return false }
        let failed = targets.reduce(0) { $0 + ($1.ok ? 0 : 1) }
        let text = "\(glyphs.failed) \(failed) of \(targets.count) targets failing: "
            + "\(StatTable.display(first.url)): \(StatTable.display(first.error ?? "unknown error"))"
        let hint = " (f lists them)"
        let room = grid.width - CharacterWidth.of(hint)
        let x = grid.put(CharacterWidth.truncate(text, width: room, cut: glyphs.cut), x: 0, y: y, style: Style(.bad, bold: true))
        grid.put(hint, x: x, y: y, style: Style(.dim))
        return true
    }

    /// The bottom line: the line being typed, else the last message, else the keys that work
    /// here (`? help  q quit  Tab next view  …`).
    static func drawFooter(_ state: DashboardState, keymap: Keymap, y: Int, into grid: inout CellGrid) {
        switch state.input {
        case .filter(let text):
            let x = grid.put("/" + StatTable.display(text), x: 0, y: y, style: Style(bold: true))
            grid.put("_", x: x, y: y, style: Style(bold: true))
            grid.put("  Enter apply  Esc cancel  ~regex", x: min(grid.width, x + 1), y: y, style: Style(.dim))
            return
        case .command(let text):
            let x = grid.put(":" + StatTable.display(text), x: 0, y: y, style: Style(bold: true))
            grid.put("_", x: x, y: y, style: Style(bold: true))
            return
        case .find(let text):
            let x = grid.put("find /" + StatTable.display(text), x: 0, y: y, style: Style(bold: true))
            grid.put("_", x: x, y: y, style: Style(bold: true))
            let again = state.graph.lastFind.isEmpty ? "" : " (empty: next \(StatTable.display(state.graph.lastFind)))"
            grid.put("  Enter go\(again)  Esc cancel", x: min(grid.width, x + 1), y: y, style: Style(.dim))
            return
        case nil:
            break
        }
        if let message = state.message {
            grid.put(message, x: 0, y: y, style: Style(.warn, bold: true))
            return
        }
        var hints = keymap.hints(in: state.scope)
        if state.picker != nil {
            hints = [("Up/Down", "move"), ("Enter", "choose"), ("Esc", "close"), ("type", "to filter")]
        } else if state.showingHelp {
            hints = [("?/Esc", "close help")]
        } else if state.showingProblems {
            hints = [("Esc", "close")]
        } else if state.detail != nil {
            hints.insert(("Esc", "back"), at: 0)
        }
        var x = 0
        for (i, hint) in hints.enumerated() {
            let width = (i > 0 ? 2 : 0) + CharacterWidth.of(hint.keys) + 1 + CharacterWidth.of(hint.help)
            guard x + width <= grid.width else { break }  // whole hints only
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
