import MeshModel
import MeshTap

/// The dashboard's views of the mesh, switched with 1 to 6 and Tab.
public enum DashboardPage: String, CaseIterable, Hashable, Sendable {
    case workloads, edges, pods, graph, tap, top

    /// The title of its tab.
    public var title: String { rawValue.capitalized }

    /// The tap stream's view this page shows, if it is one of them.
    public var tapView: TapViewKind? {
        switch self {
        case .tap: return .stream
        case .top: return .top
        default: return nil
        }
    }
}

/// Where one table stands: its selected row (by position and by identity, so the selection
/// follows a row when a new snapshot reorders the table) and how it is sorted.
public struct TableState: Equatable, Sendable {
    public var selected = 0
    public var selectedKey: RowKey?
    /// The index of the column the table is sorted by, among its declared columns.
    public var sortColumn: Int
    public var descending: Bool
}

/// What the user has done to the dashboard: the page, the detail or help on top of it, the
/// filter, namespace and sort, the selection, pause, and the window asked for.
///
/// Pure: keys come in with a ``DashboardRows`` describing what is on screen, so every rule
/// (what Esc does here, where the selection goes) is tested without a terminal.
public struct DashboardState: Equatable, Sendable {
    /// A line being typed at the bottom of the screen.
    public enum Input: Equatable, Sendable {
        case filter(String)
        case command(String)
        /// A node's name being looked for on the Graph page.
        case find(String)
    }

    public var page: DashboardPage = .workloads
    /// The workload whose detail is open, if any.
    public var detail: WorkloadRef?
    public var showingHelp = false
    public var input: Input?
    /// The applied filter: a substring, or a regular expression after `~`.
    public var filter = ""
    /// Whether the Pods page shows only the targets whose last scrape failed.
    public var failedOnly = false
    /// The namespace shown, or nil for all.
    public var namespace: String?
    /// When set, new snapshots are not shown.
    public var paused = false
    /// The window rates and quantiles are computed over, in milliseconds.
    public var windowMs: Int64
    /// The shortest window allowed: two scrape intervals, so a window holds two scrapes.
    public let minimumWindowMs: Int64
    /// Feedback on the last command (an unknown command, a bad regular expression).
    public var message: String?
    public var tables: [DashboardPage: TableState]
    public private(set) var quitRequested = false
    /// The list of contexts or namespaces open over the page (`:ctx`, `:ns`), if any.
    public var picker: SourcePicker?
    /// Whether the list of the source's problems (`:problems`) covers the page.
    public var showingProblems = false
    /// The change of source chosen and not yet taken by the driver.
    var sourceRequest: SourceRequest?
    /// Where the Graph page stands: its focus, orientation and viewport (its selected node is
    /// in ``tables``, like a row).
    public var graph = GraphViewState()
    /// Where the Tap and Top pages stand: filter, pause, selection, sort.
    public var tap = TapViewState()
    /// What the tap stream watches: chosen with `t` on a workload, else the namespace shown.
    public var tapTarget: TapResource?

    /// The initial state: the Workloads page, all namespaces (or `namespace`), live.
    public init(windowMs: Int64, intervalMs: Int64, namespace: String? = nil) {
        self.windowMs = windowMs
        minimumWindowMs = 2 * intervalMs
        self.namespace = namespace
        tables = Dictionary(uniqueKeysWithValues: DashboardPage.allCases.map {
            ($0, TableState(sortColumn: DashboardRows.defaultSort($0), descending: false))
        })
    }

    /// Where keys are looked up: the tables, the graph or the detail.
    public var scope: KeyBinding.Scope { detail != nil ? .detail : page == .graph ? .graph : .tables }

    /// The state of the page's table.
    public var table: TableState {
        get { tables[page]! }
        set { tables[page] = newValue }
    }

    /// Handles one key press on a screen showing `rows`, over a source described by `status`
    /// and named `source` (``DashboardContext/source``): what `:ctx` and `:ns` offer.
    public mutating func press(_ key: Key, keymap: Keymap, rows: DashboardRows, status: SourceStatus = SourceStatus(),
                               source: String? = nil) {
        if input != nil { return type(key, rows: rows, status: status, source: source) }
        if picker != nil { return pick(key, rows: rows) }
        if showingHelp || showingProblems {
            if [.escape, .character("?"), .character("q"), .enter].contains(key) { (showingHelp, showingProblems) = (false, false) }
            return
        }
        message = nil
        if let view = page.tapView, detail == nil, tap.uses(key, in: view) {
            tap.press(key, in: view, shown: rows.tapShown, topRows: rows.count, visible: rows.visible)
            return
        }
        if let action = keymap.action(for: key, in: scope) { apply(action, rows: rows) }
    }

    /// Applies `action` on a screen showing `rows`.
    public mutating func apply(_ action: DashboardAction, rows: DashboardRows) {
        switch action {
        case .quit: quitRequested = true
        case .help: showingHelp = true
        case .back: back()
        case .show(let page): (self.page, detail) = (page, nil)
        case .nextPage: nextPage()
        case .open: open(rows)
        case .failedTargets: (page, detail, failedOnly) = (.pods, nil, !(failedOnly && page == .pods))
        case .moveUp: select(table.selected - 1, rows)
        case .moveDown: select(table.selected + 1, rows)
        case .step(let direction): step(direction, rows)
        case .pan(let direction): pan(direction, rows)
        case .focus: toggleFocus(rows)
        case .moreHops: if graph.focus == nil { apply(.widerWindow, rows: rows) } else { graph.reach(graph.hops + 1) }
        case .fewerHops: if graph.focus == nil { apply(.narrowerWindow, rows: rows) } else { graph.reach(graph.hops - 1) }
        case .find: input = .find("")
        case .turn: graph.turn()
        case .tapSelected: tapSelected(rows)
        case .pageUp: select(table.selected - max(1, rows.visible - 1), rows)
        case .pageDown: select(table.selected + max(1, rows.visible - 1), rows)
        case .top: select(0, rows)
        case .bottom: select(rows.count - 1, rows)
        case .nextSort: sort(by: rows.sortable.nextCyclic(after: table.sortColumn))
        case .sortLeft: sort(by: rows.sortable.last { $0 < table.sortColumn })
        case .sortRight: sort(by: rows.sortable.first { $0 > table.sortColumn })
        case .reverseSort: table.descending.toggle()
        case .filter: input = .filter(filter)
        case .command: input = .command("")
        case .nextNamespace: namespace = Self.namespace(after: namespace, in: rows.namespaces)
        case .togglePause: paused.toggle()
        case .widerWindow: windowMs = Self.windowSteps.first { $0 > windowMs } ?? windowMs
        case .narrowerWindow: windowMs = max(minimumWindowMs, Self.windowSteps.last { $0 < windowMs } ?? windowMs)
        }
    }

    /// The mouse (with `--mouse`): the wheel moves the selection three rows; a click selects
    /// the table row `row` it landed on, and a click on the selected row opens it. With a
    /// picker open, `row` is the picker's line and a click on the selected line chooses it.
    public mutating func point(_ mouse: MouseEvent, at row: Int?, rows: DashboardRows) {
        if picker != nil { return point(mouse, inPickerAt: row) }
        guard !showingHelp, !showingProblems, input == nil else { return }
        switch mouse.kind {
        case .wheelUp where page == .graph && detail == nil: pan(.up, rows, by: 3)
        case .wheelDown where page == .graph && detail == nil: pan(.down, rows, by: 3)
        case .wheelUp: select(table.selected - 3, rows)
        case .wheelDown: select(table.selected + 3, rows)
        case .click:
            guard let row, detail == nil else { return }
            if row == table.selected { apply(.open, rows: rows) } else { select(row, rows) }
        }
    }

    /// Follows the selected row of each table into `rows` (a new snapshot, or a new filter):
    /// the same row if it is still there, else the same position within the rows there are.
    public mutating func follow(_ rows: DashboardRows) {
        var t = table
        if let key = t.selectedKey, let index = rows.index(of: key) {
            t.selected = index
        } else {
            t.selected = max(0, min(t.selected, rows.count - 1))
            t.selectedKey = rows.key(at: t.selected)
        }
        table = t
        if case .graph(let scene) = rows.table { graph.follow(scene, selected: t.selected) }
    }

    /// Window lengths `+` and `-` step through.
    static let windowSteps: [Int64] = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map { $0 * 1000 }

    /// The namespace after `current` in the cycle all → first → … → last → all.
    static func namespace(after current: String?, in namespaces: [String]) -> String? {
        guard let current else { return namespaces.first }
        guard let i = namespaces.firstIndex(of: current), i + 1 < namespaces.count else { return nil }
        return namespaces[i + 1]
    }

    /// Esc: closes the detail, else leaves the graph's focus, else clears the filter and the
    /// failed-only view.
    private mutating func back() {
        if detail != nil { detail = nil; return }
        if page == .graph, graph.focus != nil { graph.focus = nil; return }
        filter = ""
        failedOnly = false
    }

    private mutating func nextPage() {
        let all = DashboardPage.allCases
        page = all[(all.firstIndex(of: page)! + 1) % all.count]
        detail = nil
    }

    /// `t`: the Tap page on the selected row's workload.
    private mutating func tapSelected(_ rows: DashboardRows) {
        guard let workload = rows.workload(at: table.selected) else {
            message = "nothing to tap here: select a workload"
            return
        }
        guard let kind = TapResourceKind(friendlyName: workload.kind) else {
            message = "tap can't target a \(StatTable.display(workload.kind)): tap its namespace with :tap"
            return
        }
        tapTarget = TapResource(namespace: workload.namespace, kind: kind, name: workload.name)
        (page, detail) = (.tap, nil)
    }

    /// Enter: the selected row's workload in detail; on the graph, a peer outside the mesh has none.
    private mutating func open(_ rows: DashboardRows) {
        detail = rows.workload(at: table.selected)
        if detail == nil, case .graph(let scene) = rows.table, let node = scene.node(at: table.selected) {
            message = "\(StatTable.display(node.id.name)) is not a meshed workload meshtop scrapes: it has no detail"
        }
    }

    mutating func select(_ index: Int, _ rows: DashboardRows) {
        table.selected = max(0, min(index, rows.count - 1))
        table.selectedKey = rows.key(at: table.selected)
    }

    private mutating func sort(by column: Int?) {
        guard let column, column != table.sortColumn else { return }
        table.sortColumn = column
        table.descending = DashboardRows.descendingFirst(page, column: column)
    }
}

extension Array where Element: Equatable {
    /// The element after `current` (the first after the last one, and the first when
    /// `current` isn't there); nil when empty.
    func nextCyclic(after current: Element?) -> Element? {
        guard let current, let i = firstIndex(of: current) else { return first }
        return self[(i + 1) % count]
    }
}
