/// What the user has done to the dashboard: which table has the focus, which row is
/// selected in each, whether updates are paused, and whether they asked to quit.
///
/// Pure: the run loop feeds it actions and the row counts of the snapshot on screen.
public struct DashboardState: Equatable, Sendable {
    /// The tables the focus moves between.
    public enum Pane: Hashable, Sendable {
        case workloads, edges
    }

    public var focus: Pane = .workloads
    /// The selected row of each table, an index into the snapshot's rows.
    public var selectedWorkload = 0
    public var selectedEdge = 0
    /// When set, new snapshots are not shown.
    public var paused = false
    public private(set) var quitRequested = false

    /// The initial state: workloads focused, first rows selected, live.
    public init() {}

    /// Applies `action` to a screen showing `workloads` and `edges` rows; selections stay
    /// within the rows that exist.
    public mutating func apply(_ action: DashboardAction, workloads: Int, edges: Int) {
        switch action {
        case .quit: quitRequested = true
        case .switchFocus: focus = focus == .workloads ? .edges : .workloads
        case .togglePause: paused.toggle()
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        }
        clamp(workloads: workloads, edges: edges)
    }

    /// Keeps both selections within tables of `workloads` and `edges` rows, as after a new
    /// snapshot with fewer rows.
    public mutating func clamp(workloads: Int, edges: Int) {
        selectedWorkload = max(0, min(selectedWorkload, workloads - 1))
        selectedEdge = max(0, min(selectedEdge, edges - 1))
    }

    private mutating func move(by delta: Int) {
        switch focus {
        case .workloads: selectedWorkload += delta
        case .edges: selectedEdge += delta
        }
    }
}
