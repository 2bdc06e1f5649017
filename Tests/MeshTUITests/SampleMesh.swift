@testable import MeshModel
import MeshTUI
import XCTest

/// A small hand-made mesh: two workloads, one edge without mTLS, one failed target.
enum SampleMesh {
    static let emoji = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "emoji")
    static let voting = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "voting")
    static let web = WorkloadRef(namespace: "emojivoto", kind: "deployment", name: "web")

    /// 2023-11-14 22:13:20 UTC.
    static let snapshot = Snapshot(
        generatedAtMs: 1_700_000_000_000, windowSeconds: 10,
        workloads: [
            WorkloadStats(workload: emoji, meshedPods: 1, totalPods: 1, metrics: GoldenMetrics(
                rps: 5.04, success: 1, latencyP50: 3.2, latencyP95: 8.7, latencyP99: 9.8, tcpOpenConnections: 3)),
            WorkloadStats(workload: voting, meshedPods: 2, totalPods: 2, metrics: GoldenMetrics(
                rps: 2.9, success: 0.8889, latencyP50: 40, latencyP95: 94, latencyP99: 99, tcpOpenConnections: 4)),
        ],
        edges: [
            EdgeStats(src: web, dst: voting, metrics: GoldenMetrics(
                rps: 2.9, success: 0.8889, latencyP50: 15, latencyP95: 28, latencyP99: 30),
                      mtls: false, noTLSReason: "not_provided_by_remote", serverID: ""),
        ],
        pods: [
            PodStats(pod: "emoji-1", workload: emoji, metrics: GoldenMetrics(rps: 5.04, success: 1),
                     url: "http://10.0.0.7:4191/metrics"),
            PodStats(pod: "voting-1", workload: voting, metrics: GoldenMetrics(rps: 1.9, success: 0.9),
                     url: "http://10.0.0.8:4191/metrics"),
            PodStats(pod: "voting-2", workload: voting, metrics: GoldenMetrics(), url: "http://10.0.0.9:4191/metrics"),
        ],
        targets: [
            target("http://10.0.0.7:4191/metrics", "emoji-1", emoji, ok: true),
            target("http://10.0.0.8:4191/metrics", "voting-1", voting, ok: true),
            target("http://10.0.0.9:4191/metrics", "voting-2", voting, ok: false, error: "connection refused"),
        ])

    /// A workload whose name label carries a screen-clearing escape and an OSC sequence that
    /// would retitle the terminal: what a scraped label may hold.
    static let bot = WorkloadRef(namespace: "default", kind: "deployment",
                                 name: "bot\u{1b}[2J\u{1b}]0;pwned\u{07}")

    /// The sample as the screen snapshots show it: besides its failed target, its edge without
    /// mTLS and its low success rate, the hostile `bot` with a lower rate and no latency, a
    /// secured edge from it, and a failed target on an IDN host, whose characters are wide.
    static let screens: Snapshot = {
        var screens = snapshot
        screens.workloads.append(WorkloadStats(workload: bot, meshedPods: 1, totalPods: 3, metrics: GoldenMetrics(
            rps: 0.4, success: 0.5)))
        screens.edges.append(EdgeStats(
            src: bot, dst: emoji, metrics: GoldenMetrics(rps: 0.4, success: 1, latencyP50: 2, latencyP95: 4, latencyP99: 5),
            mtls: true, noTLSReason: "", serverID: "emoji.emojivoto.serviceaccount.identity.linkerd.cluster.local"))
        screens.pods.append(PodStats(pod: "bot-1", workload: bot, metrics: GoldenMetrics(rps: 0.4, success: 0.5),
                                     url: "http://网格.example:4191/metrics"))
        screens.targets.append(target("http://网格.example:4191/metrics", "bot-1", bot, ok: false, error: "could not resolve host"))
        return screens
    }()

    static func target(_ url: String, _ pod: String = "", _ workload: WorkloadRef = emoji, ok: Bool,
                       error: String? = nil) -> TargetHealth {
        TargetHealth(url: url, pod: pod, workload: workload, ok: ok, error: error, bytes: 30_000, durationMs: 12)
    }

    /// The rows of `state`'s page of `snapshot`, with room for `visible` rows.
    static func rows(_ state: DashboardState, _ snapshot: Snapshot? = snapshot, visible: Int = 10) -> DashboardRows {
        DashboardRows(snapshot, trends: Trends(), state: state, glyphs: .unicode, visible: visible)
    }

    /// A fresh state over a 10 s window scraped every 2 s.
    static func state() -> DashboardState {
        DashboardState(windowMs: 10_000, intervalMs: 2_000)
    }

    /// `state` after pressing `keys` in order, each on the rows of the moment.
    static func pressing(_ keys: [Key], on state: DashboardState = state(), _ snapshot: Snapshot = snapshot) -> DashboardState {
        var state = state
        for key in keys {
            state.press(key, keymap: .standard, rows: rows(state, snapshot))
            state.follow(rows(state, snapshot))
        }
        return state
    }

    /// The keys that type `text`.
    static func typing(_ text: String) -> [Key] {
        text.map { Key.character($0) }
    }

    /// `count` workloads named `w00`, `w01`…, for scrolling.
    static func workloads(_ count: Int) -> [WorkloadStats] {
        (0..<count).map { i in
            let name = i < 10 ? "w0\(i)" : "w\(i)"
            return WorkloadStats(workload: WorkloadRef(namespace: "ns", kind: "deployment", name: name),
                                 meshedPods: 1, totalPods: 1, metrics: GoldenMetrics())
        }
    }

    static let context = DashboardContext(source: "targets", intervalMs: 2_000, glyphs: .unicode)
}

extension CellGrid {
    /// The grid's rows with trailing blanks removed, joined by newlines: what a screen shows.
    var screen: String {
        trimmedRows.joined(separator: "\n")
    }

    /// The grid's rows with trailing blanks removed.
    var trimmedRows: [String] {
        rows.map { row in String(row.reversed().drop { $0 == " " }.reversed()) }
    }
}

/// Compares a rendered screen with the expected one, line by line, so a failure names the line.
func assertScreen(_ grid: CellGrid, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let actual = grid.screen.split(separator: "\n", omittingEmptySubsequences: false)
    let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(actual.count, wanted.count, "line count", file: file, line: line)
    for (i, (a, w)) in zip(actual, wanted).enumerated() where a != w {
        XCTFail("line \(i + 1):\n  got:  \(a)\n  want: \(w)", file: file, line: line)
    }
}
