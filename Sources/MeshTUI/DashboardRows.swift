import MeshModel
import MeshTap

/// A row of the Workloads table: a workload's stats and its recent trend.
public struct WorkloadRow: Sendable {
    public var stats: WorkloadStats
    /// Where the trend is read from, when the row is drawn (most rows never are).
    var trends: Trends

    /// The workload's recent points, oldest first.
    public var trend: [TrendPoint] { trends.points(for: stats.workload) }
}

/// A row of the Pods table: a pod's stats and how its last scrape went.
public struct PodRow: Sendable {
    public var stats: PodStats
    public var health: TargetHealth?
}

/// Which row a selection is on, whatever its position: a workload, an edge or a pod's target.
public enum RowKey: Hashable, Sendable {
    case workload(WorkloadRef)
    case edge(WorkloadRef, WorkloadRef)
    case target(String)
}

/// The rows the current page shows: the snapshot's, in the chosen namespace, through the
/// filter, in the chosen order. Built once per frame and handed both to the view and to
/// ``DashboardState`` (which needs their count, identities and workloads).
public struct DashboardRows: Sendable {
    /// The rows of one of the pages' tables.
    public enum Table: Sendable {
        case workloads([WorkloadRow])
        case edges([EdgeStats])
        case pods([PodRow])
        /// The Graph page's nodes, laid out.
        case graph(GraphScene)
        /// The Tap page's requests (through its filter, oldest first), of the feed drawn.
        case tap(TapFeed, shown: [TappedRequest])
        /// The Top page's rows.
        case top(TapFeed, TapFeed.TopRows)
    }

    /// When the tap pages are drawn, in ms since the epoch (the feed's clock).
    public var tapNowMs: Int64 = 0

    /// The Tap page's requests, for the keys that move among them.
    public var tapShown: [TappedRequest] {
        if case .tap(_, let shown) = table { return shown }
        return []
    }

    public let table: Table
    /// Every namespace in the snapshot, sorted: what `n` steps through.
    public let namespaces: [String]
    /// The columns the table can be sorted by.
    public let sortable: [Int]
    /// How many rows fit on the screen: what PgUp and PgDn move by.
    public var visible: Int
    /// Why the filter isn't applied, when it is a bad regular expression.
    public let filterProblem: String?

    public var count: Int {
        switch table {
        case .workloads(let rows): rows.count
        case .edges(let rows): rows.count
        case .pods(let rows): rows.count
        case .graph(let scene): scene.graph.nodes.count
        case .tap(_, let shown): shown.count
        case .top(_, let top): top.rows.count
        }
    }

    /// The identity of row `index`, if there is such a row.
    public func key(at index: Int) -> RowKey? {
        guard index >= 0, index < count else { return nil }
        switch table {
        case .workloads(let rows): return .workload(rows[index].stats.workload)
        case .edges(let rows): return .edge(rows[index].src, rows[index].dst)
        case .pods(let rows): return .target(rows[index].stats.url)
        case .graph(let scene): return .workload(scene.graph.nodes[index].id)
        case .tap, .top: return nil
        }
    }

    /// The position of the row `key` names, if it is shown.
    public func index(of key: RowKey) -> Int? {
        switch (table, key) {
        case (.workloads(let rows), .workload(let ref)): rows.firstIndex { $0.stats.workload == ref }
        case (.edges(let rows), .edge(let src, let dst)): rows.firstIndex { $0.src == src && $0.dst == dst }
        case (.pods(let rows), .target(let url)): rows.firstIndex { $0.stats.url == url }
        case (.graph(let scene), .workload(let ref)): scene.index(of: ref)
        default: nil
        }
    }

    /// The workload Enter opens on row `index`: the row's, an edge's destination, a pod's.
    public func workload(at index: Int) -> WorkloadRef? {
        guard index >= 0, index < count else { return nil }
        switch table {
        case .workloads(let rows): return rows[index].stats.workload
        case .edges(let rows): return rows[index].dst
        case .pods(let rows): return rows[index].stats.workload
        case .graph(let scene):
            let node = scene.graph.nodes[index]
            return node.metrics != nil && [.workload, .otherNamespace].contains(node.role) ? node.id : nil
        case .tap, .top: return nil
        }
    }

    /// The rows of `state`'s page for `snapshot` (none before the first), with trends from `trends`.
    /// The Graph page is laid out for a screen `width` cells wide, reusing `graphLayout` (the
    /// last one shown) to keep it stable.
    /// The Tap and Top pages show `tap`, the feed of the moment, at `nowMs`.
    public init(_ snapshot: Snapshot?, trends: Trends, state: DashboardState, glyphs: Glyphs, visible: Int,
                width: Int = 80, graphLayout previous: GraphLayout? = nil, tap: TapFeed = TapFeed(), nowMs: Int64 = 0) {
        let filter = RowFilter(state.shownFilter)
        if case .invalid(let reason) = filter { filterProblem = reason } else { filterProblem = nil }
        let sort = state.tables[state.page]!
        let ns = state.namespace
        /// Whether a row passes the filter; its text is made only when there is one.
        func passes(_ text: @autoclosure () -> String) -> Bool {
            if case .everything = filter { return true }
            return filter.matches(text())
        }
        namespaces = Array(Set((snapshot?.workloads ?? []).map(\.workload.namespace))).sorted()
        self.visible = visible
        switch state.page {
        case .workloads:
            let rows = (snapshot?.workloads ?? []).compactMap { w -> WorkloadRow? in
                guard ns == nil || w.workload.namespace == ns,
                      passes("\(w.workload.namespace)/\(w.workload.kind)/\(w.workload.name)") else { return nil }
                return WorkloadRow(stats: w, trends: trends)
            }
            let columns = DashboardColumns.workloads(glyphs)
            table = .workloads(Self.sorted(rows, columns, sort))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        case .edges:
            let rows = (snapshot?.edges ?? []).filter { e in
                (ns == nil || e.src.namespace == ns || e.dst.namespace == ns)
                    && passes(DashboardColumns.name(e.src) + " " + DashboardColumns.name(e.dst))
            }
            let columns = DashboardColumns.edges(glyphs)
            table = .edges(Self.sorted(rows, columns, sort))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        case .pods:
            let health = Dictionary((snapshot?.targets ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = (snapshot?.pods ?? []).compactMap { p -> PodRow? in
                let row = PodRow(stats: p, health: health[p.url])
                guard ns == nil || p.workload.namespace == ns, !state.failedOnly || !(row.health?.ok ?? false),
                      passes("\(p.workload.namespace)/\(p.pod) \(p.workload.name) \(DashboardColumns.problem(row.health))")
                else { return nil }
                return row
            }
            let columns = DashboardColumns.pods(glyphs)
            table = .pods(Self.sorted(rows, columns, sort))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        case .graph:
            table = .graph(GraphScene(snapshot, state: state, glyphs: glyphs, area: GraphPageView.area(width: width, visible: visible, snapshot: snapshot),
                                      previous: previous))
            sortable = []
        case .tap:
            table = .tap(tap, shown: tap.shown(filter: state.tap.filter))
            sortable = []
        case .top:
            table = .top(tap, TopPageView.rows(tap, state: state.tap, atMs: nowMs))
            sortable = []
        }
        tapNowMs = nowMs
    }

    /// The Graph page's layout, when these are its rows.
    public var graphLayout: GraphLayout? {
        if case .graph(let scene) = table { return scene.layout }
        return nil
    }

    /// The column a page's table is sorted by at first: by name (Pods: failed scrapes first).
    static func defaultSort(_ page: DashboardPage) -> Int {
        page == .pods ? 2 : 0
    }

    /// Whether sorting `page`'s table by `column` starts with the largest values.
    static func descendingFirst(_ page: DashboardPage, column: Int) -> Bool {
        func first<Row>(_ columns: [TableColumn<Row>]) -> Bool {
            columns.indices.contains(column) ? columns[column].sort?.descendingFirst ?? false : false
        }
        switch page {
        case .workloads: return first(DashboardColumns.workloads(.ascii))
        case .edges: return first(DashboardColumns.edges(.ascii))
        case .pods: return first(DashboardColumns.pods(.ascii))
        case .graph, .tap, .top: return false
        }
    }

    private static func sorted<Row>(_ rows: [Row], _ columns: [TableColumn<Row>], _ state: TableState) -> [Row] {
        guard columns.indices.contains(state.sortColumn), let sort = columns[state.sortColumn].sort else { return rows }
        return sort.sorted(rows, descending: state.descending)
    }
}
