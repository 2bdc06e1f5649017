import MeshModel

/// The `:ctx` and `:ns` list over the page: a title with how many lines match, the filter
/// typed so far and the picker's note, then the matching choices, the selected one in reverse video behind the focus
/// mark and the current one marked `(current)`, scrolled to keep the selection on screen.
enum PickerView {
    /// Draws `picker` over `lines` of `grid`.
    static func draw(_ picker: SourcePicker, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        for y in lines { grid.fill(row: y, style: .normal) }
        let y = lines.lowerBound
        let matches = picker.matches
        var x = grid.put(picker.title, x: 1, y: y, style: .header)
        let count = matches.count == picker.choices.count ? "\(matches.count)" : "\(matches.count) of \(picker.choices.count)"
        x = grid.put("  \(count)", x: x, y: y, style: Style(.dim))
        x = grid.put("  filter: ", x: x, y: y, style: Style(.dim))
        x = grid.put(StatTable.display(picker.filter) + "_", x: x, y: y, style: Style(bold: true))
        if let note = picker.note { grid.put("  \(StatTable.display(note))", x: x, y: y, style: Style(.dim)) }
        guard !matches.isEmpty else {
            grid.put("nothing matches: Backspace edits the filter", x: 3, y: y + 1, style: Style(.warn))
            return
        }
        for (line, index) in shown(picker, lines: lines).enumerated() {
            let choice = matches[index]
            let selected = index == picker.selected
            let text = (selected ? glyphs.focus : " ") + " " + StatTable.display(choice.label)
                + (choice.isCurrent ? " (current)" : "")
            let style = selected ? Style(bold: choice.isCurrent).selected : Style(bold: choice.isCurrent)
            if selected { grid.fill(row: y + 1 + line, style: style) }
            grid.put(CharacterWidth.truncate(text, width: grid.width - 2, cut: glyphs.cut), x: 1, y: y + 1 + line, style: style)
        }
    }

    /// The position among the picker's matches of the line drawn at `y`; nil off the list.
    static func choice(atLine y: Int, _ picker: SourcePicker, lines: Range<Int>) -> Int? {
        let shown = shown(picker, lines: lines)
        let index = shown.lowerBound + y - lines.lowerBound - 1
        return y > lines.lowerBound && shown.contains(index) ? index : nil
    }

    /// The matches shown in `lines` under the title, the selected one among them.
    private static func shown(_ picker: SourcePicker, lines: Range<Int>) -> Range<Int> {
        TableView<WorkloadRow>.shownRows(of: picker.matches.count, visible: lines.count - 1, selected: picker.selected)
    }
}
