/// One column of a table, declared as data: its header, how wide it is, how it aligns, and
/// how a row fills it.
public struct TableColumn<Row>: Sendable {
    /// Which side of the column text sticks to.
    public enum Alignment: Sendable {
        case left, right
    }

    public var header: String
    /// The narrowest the column gets; wider values are cut with an ellipsis.
    public var width: Int
    public var alignment: Alignment
    /// How many cells wider it may grow when the screen has room (0 for a fixed width).
    public var grow: Int
    /// Columns with lower priority are left out first when the screen is too narrow for all.
    public var priority: Int
    /// The text and style of one row's cell.
    public var cell: @Sendable (Row) -> TableCell
    /// How rows compare by this column, if the table can be sorted by it.
    public var sort: ColumnSort<Row>?

    /// A column; see the properties for what each value means.
    public init(_ header: String, width: Int, _ alignment: Alignment = .left, grow: Int = 0, priority: Int,
                sort: ColumnSort<Row>? = nil, cell: @escaping @Sendable (Row) -> TableCell) {
        self.header = header
        self.width = width
        self.alignment = alignment
        self.grow = grow
        self.priority = priority
        self.sort = sort
        self.cell = cell
    }
}

/// How a table sorts by one column: by text, or by a number where rows without one (no
/// traffic) always come last, whichever the direction.
public struct ColumnSort<Row>: Sendable {
    /// A row's value in this column.
    public enum Value: Sendable {
        case text(String)
        case number(Double?)
    }

    public var value: @Sendable (Row) -> Value
    /// Whether choosing this column sorts largest first (rates, latencies), rather than
    /// smallest first (names, success rates: the worst first).
    public var descendingFirst: Bool

    /// Sorting by `value`.
    public init(descendingFirst: Bool = false, _ value: @escaping @Sendable (Row) -> Value) {
        self.value = value
        self.descendingFirst = descendingFirst
    }

    /// `rows` sorted by this column, ties kept in their given order.
    public func sorted(_ rows: [Row], descending: Bool) -> [Row] {
        let values = rows.map(value)
        let order: [Int]
        if case .text = values.first {
            let keys = values.map { if case .text(let t) = $0 { t } else { "" } }
            order = rows.indices.sorted { a, b in
                keys[a] != keys[b] ? (keys[a] < keys[b]) != descending : a < b
            }
        } else {
            // NaN stands for no value: such rows go last in either direction.
            let keys = values.map { if case .number(let x?) = $0, !x.isNaN { x } else { Double.nan } }
            order = rows.indices.sorted { a, b in
                let (x, y) = (keys[a], keys[b])
                if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? a < b : y.isNaN }
                return x != y ? (x < y) != descending : a < b
            }
        }
        return order.map { rows[$0] }
    }
}

/// The content of one table cell: text, or a sparkline.
public struct TableCell: Equatable, Sendable {
    public var text: String
    public var style: Style
    /// Drawn across the cell instead of `text`.
    public var sparkline: Sparkline?

    /// `text` shown in `style`.
    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }

    /// A cell filled by `sparkline`.
    public init(_ sparkline: Sparkline) {
        self.init("")
        self.sparkline = sparkline
    }
}

/// Where each shown column of a table goes, for one screen width.
public struct TableLayout: Sendable {
    /// One shown column: its index among the declared columns, its first cell and its width.
    public struct Placement: Equatable, Sendable {
        public var index: Int
        public var x: Int
        public var width: Int
    }

    /// The shown columns, left to right, in their declared order.
    public var placements: [Placement]
    /// Blank cells between two table columns.
    public static let gap = 1

    /// Drops the lowest-priority columns until the rest fit in `width`, then widens the
    /// growing columns one cell at a time, in turn, while there is room: each up to its
    /// growth limit and to `content[i]`, the widest text column `i` has to show (no content
    /// limit when `content` is nil). Taking turns keeps one long value from starving the
    /// other growing columns.
    public init<Row>(_ declared: [TableColumn<Row>], width: Int, content: [Int]? = nil) {
        var kept = Array(declared.indices)
        func needed() -> Int { kept.reduce(0) { $0 + declared[$1].width } + Self.gap * max(0, kept.count - 1) }
        while kept.count > 1, needed() > width {
            let weakest = kept.min { declared[$0].priority < declared[$1].priority }!
            kept.removeAll { $0 == weakest }
        }
        var widths = kept.map { declared[$0].width }
        var room = kept.map { i in min(declared[i].grow, max(0, (content?[i] ?? Int.max) - declared[i].width)) }
        var spare = width - needed()
        while spare > 0, room.contains(where: { $0 > 0 }) {
            for slot in kept.indices where room[slot] > 0 && spare > 0 {
                widths[slot] += 1
                room[slot] -= 1
                spare -= 1
            }
        }
        var x = 0
        placements = zip(kept, widths).map { index, w in
            defer { x += w + Self.gap }
            return Placement(index: index, x: x, width: w)
        }
    }
}
