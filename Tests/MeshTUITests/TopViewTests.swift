import MeshTUI
import MeshTap
import XCTest

/// The Top view: its rows, sort and span keys, filters, and the rendered table.
final class TopViewTests: XCTestCase {
    private typealias S = TapSamples

    private func render(_ feed: TapFeed = TapSamples.feed(), state: TapViewState = TapViewState(),
                        glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24, atMs: Int64 = TapSamples.nowMs)
        -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        TopPageView.draw(feed, state: state, glyphs: glyphs, atMs: atMs, lines: 0..<height, into: &grid)
        return grid
    }

    private func pressing(_ keys: [Key], state: TapViewState = TapViewState()) -> TapViewState {
        let feed = S.feed()
        var state = state
        for key in keys {
            let rows = TopPageView.rows(feed, state: state, atMs: S.nowMs).rows.count
            state.press(key, in: .top, shown: [], topRows: rows, visible: 10)
        }
        return state
    }

    private func rows(_ state: TapViewState = TapViewState(), atMs: Int64 = TapSamples.nowMs) -> [TapTopRow] {
        TopPageView.rows(S.feed(), state: state, atMs: atMs).rows
    }

    func testRowsByCountMostFirstAsVizTop() {
        let top = rows()
        XCTAssertEqual(top.map(\.count), [4, 3, 1, 1, 1, 1, 1])
        XCTAssertEqual(top[0].key.path, "/api/list")
        XCTAssertEqual(top[0].key.source.name, "deploy/web")
        XCTAssertEqual(top[0].key.destination.name, "deploy/emoji")
        XCTAssertEqual(top[1].key.path, "/emojivoto.v1.VotingService/VoteDoughnut")
        XCTAssertEqual(top[1].successes, 2, "the reset failed")
        XCTAssertEqual(top[1].best, .milliseconds(12))
        XCTAssertEqual(top[1].worst, .milliseconds(1_502))
        XCTAssertEqual(top[1].last, .milliseconds(1_502))
    }

    func testWindowForgetsWhatSinceStartKeeps() {
        var state = TapViewState()
        XCTAssertTrue(rows(state, atMs: S.nowMs + 61_000).isEmpty, "the window has moved on")
        state = pressing([.character("w")])
        XCTAssertEqual(state.topSpan, .sinceStart)
        XCTAssertEqual(rows(state, atMs: S.nowMs + 61_000).count, 7)
        let screen = render(state: state, atMs: S.nowMs + 61_000).screen
        XCTAssertTrue(screen.hasPrefix("TOP · 0.0 req/s · 0 lost · sampled: ≤100 rps per proxy · since start · 7 rows"), screen)
        XCTAssertTrue(render(atMs: S.nowMs + 61_000).screen.contains("No request in the window: w shows all since the start."))
        XCTAssertEqual(pressing([.character("w"), .character("w")]).topSpan, .window)
    }

    func testSortKeys() {
        XCTAssertEqual(pressing([]).topOrder, .count)
        let next = pressing([.character("s")])
        XCTAssertEqual(next.topOrder, .successRate)
        XCTAssertFalse(next.topDescending, "the worst success rate first")
        XCTAssertEqual(rows(next).first?.successRate, 0)
        XCTAssertEqual(pressing([.character("<")]).topOrder, .path)
        XCTAssertEqual(pressing([.left, .left, .left, .left, .left]).topOrder, .source, "stops at the first column")
        let p95 = pressing([.character(">"), .right, .right, .right, .right, .right, .right])
        XCTAssertEqual(p95.topOrder, .p95)
        XCTAssertTrue(p95.topDescending, "the slowest first")
        XCTAssertEqual(rows(p95).first?.key.path, "/emojivoto.v1.VotingService/VoteDoughnut")
        XCTAssertEqual(pressing([.character("s"), .character("s"), .character("s"), .character("s"), .character("s"),
                                 .character("s")]).topOrder, .source, "s wraps around")
        let reversed = pressing([.character("r")])
        XCTAssertFalse(reversed.topDescending)
        XCTAssertEqual(rows(reversed).last?.count, 4)
    }

    func testSelectionIsClampedToTheRows() {
        XCTAssertEqual(pressing([.character("j"), .character("j")]).topSelected, 2)
        XCTAssertEqual(pressing([.character("G")]).topSelected, 6)
        XCTAssertEqual(pressing([.pageDown, .pageDown]).topSelected, 6)
        XCTAssertEqual(pressing([.character("G"), .character("g")]).topSelected, 0)
        XCTAssertEqual(pressing([.character("k")]).topSelected, 0)
        XCTAssertFalse(TapViewState().uses(.enter, in: .top))
        XCTAssertTrue(TapViewState().uses(.character("w"), in: .top))
    }

    func testFiltersApplyToRowsAndStatusFiltersRecountTheKeptRequests() throws {
        var state = TapViewState()
        state.filter = try TapViewFilter(parsing: "emoji")
        XCTAssertEqual(rows(state).map(\.count), [4, 1])
        state.filter = try TapViewFilter(parsing: "ns=legacy")
        XCTAssertEqual(rows(state).map(\.key.path), ["/healthz"])
        state.filter = try TapViewFilter(parsing: "voting status=5xx")
        let failing = TopPageView.rows(S.feed(), state: state, atMs: S.nowMs)
        XCTAssertTrue(failing.fromKeptRequests)
        XCTAssertEqual(failing.rows.map(\.key.path), ["/api/vote?choice=:doughnut:"])
        let header = render(state: state, width: 120).trimmedRows[0]
        XCTAssertTrue(header.contains("last 1m · of the 12 kept requests · 1 row"), header)
    }

    func testTopAt80x24() {
        let rows = render().trimmedRows
        XCTAssertEqual(rows[0], "TOP · 1.8 req/s · 0 lost · sampled: ≤100 rps per proxy · last 1m · 7 rows")
        XCTAssertTrue(rows[2].hasPrefix("SOURCE"), rows[2])
        XCTAssertTrue(rows[2].contains("COUNT▼"), rows[2])
        XCTAssertTrue(rows[3].hasPrefix("web") && rows[3].contains("emoji") && rows[3].contains("/api/list"), rows[3])
        XCTAssertTrue(rows[3].contains("100.00%"), rows[3])
        let screen = rows.joined(separator: "\n")
        XCTAssertTrue(screen.contains("▼ 66.67%"), screen)
        XCTAssertTrue(screen.contains("1.5s"), screen)
        XCTAssertTrue(screen.contains("cron-28301"), "a peer without a workload by its pod:\n\(screen)")
        XCTAssertTrue(screen.contains("\\x1b"), screen)
        XCTAssertTrue(render().cells[(3 * 80)..<(4 * 80)].allSatisfy { $0.style.reverse }, "the first row is selected")
    }

    func testEmptyTop() {
        XCTAssertEqual(render(TapFeed()).trimmedRows[3], "No requests yet: Top counts them as tap reports them.")
    }

    func testSnapshots() {
        snapshotMatrix(name: "top") { width, height, glyphs in
            render(state: pressing([.character("j")]), glyphs: glyphs, width: width, height: height)
        }
        snapshotMatrix(name: "top-since-start-filtered") { width, height, glyphs in
            var state = pressing([.character("w"), .character(">"), .character(">")])
            state.filter = TapViewFilter(workload: "voting")
            return render(state: state, glyphs: glyphs, width: width, height: height)
        }
    }
}
