import MeshModel

/// Where the Graph page stands, beyond its selected node: what it is focused on, which way it
/// is laid out, and which part of a canvas larger than the screen is shown.
public struct GraphViewState: Equatable, Sendable {
    /// The node whose neighbourhood is shown (`f`), or nil for the whole selection.
    public var focus: WorkloadRef?
    /// How many calls away from the focus the neighbourhood reaches (`+`/`-`).
    public var hops = 1
    /// The layout's direction, or nil for whichever fits the screen better (`o` cycles).
    public var orientation: GraphOrientation?
    /// The canvas cell at the page's top left.
    public var viewport = GraphPoint(x: 0, y: 0)
    /// The last text looked for with `/`.
    public var lastFind = ""
    /// What the viewport last scrolled to show: the selected node, its box and the page's
    /// size. A pan leaves the selection off screen until one of them changes.
    var followed: Followed?

    struct Followed: Equatable, Sendable {
        var node: WorkloadRef
        var box: GraphRect
        var area: GraphSize
    }

    /// The widest neighbourhood `+` reaches.
    public static let maximumHops = 9

    /// Sets the focused neighbourhood's reach, within 1 and ``maximumHops``.
    mutating func reach(_ hops: Int) {
        self.hops = max(1, min(Self.maximumHops, hops))
    }

    /// auto → left to right → top down → auto.
    mutating func turn() {
        switch orientation {
        case nil: orientation = .leftToRight
        case .leftToRight: orientation = .topDown
        case .topDown: orientation = nil
        }
    }

    /// Brings a newly selected node's box on screen, scrolling as little as it takes, and
    /// keeps the viewport within the canvas.
    mutating func follow(_ scene: GraphScene, selected: Int) {
        let area = scene.area
        if let node = scene.node(at: selected), let box = scene.layout.box(of: node.id),
           followed != Followed(node: node.id, box: box, area: area) {
            viewport.x = Self.scroll(viewport.x, toShow: box.x, box.width, within: area.width)
            viewport.y = Self.scroll(viewport.y, toShow: box.y, box.height, within: area.height)
            followed = Followed(node: node.id, box: box, area: area)
        }
        viewport = scene.clamped(viewport, area: area)
    }

    /// The start of a window of `length` cells, moved from `start` as little as it takes to
    /// show `from..<from + count` (its start, when it is longer than the window).
    private static func scroll(_ start: Int, toShow from: Int, _ count: Int, within length: Int) -> Int {
        if from < start || count > length { return from }
        if from + count > start + length { return from + count - length }
        return start
    }
}

extension DashboardState {
    /// hjkl on the Graph page: to the nearest node that way.
    mutating func step(_ direction: GraphDirection, _ rows: DashboardRows) {
        guard case .graph(let scene) = rows.table else { return }
        guard let node = scene.node(at: table.selected) else { return select(0, rows) }
        guard let next = scene.step(from: node.id, direction), let index = scene.index(of: next) else { return }
        select(index, rows)
    }

    /// HJKL on the Graph page: half a screen that way (or `by` cells), leaving the selection
    /// where it is.
    mutating func pan(_ direction: GraphDirection, _ rows: DashboardRows, by cells: Int? = nil) {
        guard case .graph(let scene) = rows.table else { return }
        let area = scene.area
        var v = graph.viewport
        switch direction {
        case .left: v.x -= cells ?? max(1, area.width / 2)
        case .right: v.x += cells ?? max(1, area.width / 2)
        case .up: v.y -= cells ?? max(1, area.height / 2)
        case .down: v.y += cells ?? max(1, area.height / 2)
        }
        graph.viewport = scene.clamped(v, area: area)
    }

    /// `f`: shows the selected node's neighbourhood, or the whole graph again.
    mutating func toggleFocus(_ rows: DashboardRows) {
        guard case .graph(let scene) = rows.table else { return }
        if graph.focus != nil {
            graph.focus = nil
        } else if let node = scene.node(at: table.selected) {
            graph.focus = node.id
        }

    }

    /// Selects the first node whose name holds `text`; with `next`, the first one after the
    /// selected node (wrapping around). Says so when none does.
    mutating func find(_ text: String, next: Bool, rows: DashboardRows) {
        guard case .graph(let scene) = rows.table, !text.isEmpty else { return }
        let matches = scene.matches(text)
        guard let first = matches.first else {
            message = "no node matches \(StatTable.display(text))"
            return
        }
        let after = next ? matches.first { $0 > table.selected } : nil
        select(after ?? first, rows)
    }
}
