import MeshModel

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

/// The rows the current page shows: the snapshot's, in the chosen namespace, through the
/// filter, in the chosen order. Built once per frame and handed both to the view and to
/// ``DashboardState`` (which needs their count, identities and workloads).
public struct DashboardRows: Sendable {
    /// The rows of one of the pages' tables.
    public enum Table: Sendable {
        case workloads([WorkloadRow])
        case edges([EdgeStats])
        case pods([PodRow])
    }

    public let table: Table
    /// Each row's identity, to keep it selected when the rows move.
    public let keys: [String]
    /// The workload Enter opens on each row.
    private let targets: [WorkloadRef]
    /// Every namespace in the snapshot, sorted: what `n` steps through.
    public let namespaces: [String]
    /// The columns the table can be sorted by.
    public let sortable: [Int]
    /// How many rows fit on the screen: what PgUp and PgDn move by.
    public var visible: Int
    /// Why the filter isn't applied, when it is a bad regular expression.
    public let filterProblem: String?

    public var count: Int { keys.count }

    /// The workload of row `index`, if there is such a row.
    public func workload(at index: Int) -> WorkloadRef? {
        targets.indices.contains(index) ? targets[index] : nil
    }

    /// The rows of `state`'s page for `snapshot` (none before the first), with trends from `trends`.
    public init(_ snapshot: Snapshot?, trends: Trends, state: DashboardState, glyphs: Glyphs, visible: Int) {
        let filter = RowFilter(state.shownFilter)
        if case .invalid(let reason) = filter { filterProblem = reason } else { filterProblem = nil }
        let sort = state.tables[state.page]!
        let ns = state.namespace
        namespaces = Array(Set((snapshot?.workloads ?? []).map(\.workload.namespace))).sorted()
        self.visible = visible
        switch state.page {
        case .workloads:
            let rows = (snapshot?.workloads ?? [])
                .filter { ns == nil || $0.workload.namespace == ns }
                .filter { filter.matches("\($0.workload.namespace)/\($0.workload.kind)/\($0.workload.name)") }
                .map { WorkloadRow(stats: $0, trends: trends) }
            let columns = DashboardColumns.workloads(glyphs)
            let sorted = Self.sorted(rows, columns, sort)
            (table, keys, targets) = (.workloads(sorted), sorted.map { "\($0.stats.workload)" }, sorted.map(\.stats.workload))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        case .edges:
            let rows = (snapshot?.edges ?? [])
                .filter { ns == nil || $0.src.namespace == ns || $0.dst.namespace == ns }
                .filter { filter.matches(DashboardColumns.name($0.src) + " " + DashboardColumns.name($0.dst)) }
            let columns = DashboardColumns.edges(glyphs)
            let sorted = Self.sorted(rows, columns, sort)
            (table, keys, targets) = (.edges(sorted), sorted.map { "\($0.src)>\($0.dst)" }, sorted.map(\.dst))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        case .pods:
            let health = Dictionary((snapshot?.targets ?? []).map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = (snapshot?.pods ?? [])
                .map { PodRow(stats: $0, health: health[$0.url]) }
                .filter { ns == nil || $0.stats.workload.namespace == ns }
                .filter { !state.failedOnly || !($0.health?.ok ?? false) }
                .filter { filter.matches("\($0.stats.workload.namespace)/\($0.stats.pod) \($0.stats.workload.name) \(DashboardColumns.problem($0.health))") }
            let columns = DashboardColumns.pods(glyphs)
            let sorted = Self.sorted(rows, columns, sort)
            (table, keys, targets) = (.pods(sorted), sorted.map(\.stats.url), sorted.map(\.stats.workload))
            sortable = columns.indices.filter { columns[$0].sort != nil }
        }
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
        }
    }

    private static func sorted<Row>(_ rows: [Row], _ columns: [TableColumn<Row>], _ state: TableState) -> [Row] {
        guard columns.indices.contains(state.sortColumn), let sort = columns[state.sortColumn].sort else { return rows }
        return sort.sorted(rows, descending: state.descending)
    }
}
