import MeshModel
import MeshTUI
import XCTest

final class DashboardViewTests: XCTestCase {
    private typealias S = SampleMesh

    private func render(_ snapshot: Snapshot? = SampleMesh.snapshot, state: DashboardState = SampleMesh.state(),
                        glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24) -> CellGrid {
        var context = S.context
        context.glyphs = glyphs
        let rows = DashboardRows(snapshot, trends: Trends(), state: state, glyphs: glyphs,
                                 visible: DashboardView.visibleRows(height: height))
        return DashboardView.render(snapshot, rows: rows, trends: Trends(), state: state, context: context,
                                    width: width, height: height)
    }

    func testWorkloadsPageAt80x24() {
        let grid = render()
        XCTAssertEqual(Array(grid.screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(6)), [
            "meshtop · ns all · window 10s · every 2s · ✗ 2/3 proxies ok         22:13:20 UTC",
            " 1 Workloads   2 Edges   3 Pods   4 Graph   5 Tap   6 Top                    1/2",
            "✗ 1 of 3 targets failing: http://10.0.0.9:4191/metrics: connecti… (f lists them)",
            "NAMESPACE▲ NAME               SUCCESS     RPS    P50    P95    P99 RPS TREND",
            "emojivoto  deployment/emoji   100.00%     5.0    3ms    9ms   10ms",
            "emojivoto  deployment/voting ▼ 88.89%     2.9   40ms   94ms   99ms",
        ])
        XCTAssertEqual(grid.rows[23].trimmingCharacters(in: .whitespaces),
                       "? help  q quit  Tab next view  Enter detail  j/k move  / filter  :ctx/:ns switch",
                       "whole hints only")
    }

    func testEdgesAndPodsPages() {
        let edges = render(state: S.pressing([.character("2")])).screen
        XCTAssertTrue(edges.contains("emojivoto/web → voting ▼ 88.89%"), edges)
        XCTAssertTrue(edges.contains("✗ no: not_provided"), edges)
        let pods = render(state: S.pressing([.character("3")]), width: 120).screen
        XCTAssertTrue(pods.contains("voting-2       ✗ failed"), pods)
        XCTAssertTrue(pods.contains("connection refused"), pods)
        XCTAssertTrue(pods.split(separator: "\n")[4].contains("voting-2"), "failed scrapes first:\n\(pods)")
    }

    func testDetailShowsTheWorkloadsEdgesAndPods() {
        let screen = render(state: S.pressing([.character("j"), .enter]), width: 120, height: 40).screen
        for part in ["deployment/voting in emojivoto · 2/2 pods · success ▼ 88.89% · 2.9 rps",
                     "INBOUND: who calls it (1)", "emojivoto/web", "OUTBOUND: what it calls (0)", "PODS (2)",
                     "voting-1", "voting-2", "RPS", "LATENCY over the window", "Esc back"] {
            XCTAssertTrue(screen.contains(part), "\(part) missing from:\n\(screen)")
        }
    }

    /// On a 120x40 screen, where its three sections have room (at 80 columns they are cut).
    func testHelpListsEveryBinding() {
        let screen = render(state: S.pressing([.character("?")]), width: 120, height: 40).screen
        for binding in Keymap.standard.bindings {
            XCTAssertTrue(screen.contains(binding.help), "\(binding.help) missing:\n\(screen)")
        }
        XCTAssertTrue(screen.hasSuffix("?/Esc close help"), screen)
    }

    func testFilterLineAndMessagesTakeTheFooter() {
        let typing = render(state: S.pressing([.character("/")] + S.typing("voti")))
        XCTAssertTrue(typing.rows[23].hasPrefix("/voti_  Enter apply  Esc cancel"), typing.rows[23])
        XCTAssertTrue(typing.screen.contains("deployment/voting"))
        XCTAssertFalse(typing.screen.contains("deployment/emoji"))
        let bad = render(state: S.pressing([.character(":"), .character("x"), .enter]))
        XCTAssertTrue(bad.rows[23].hasPrefix("unknown command :x"), bad.rows[23])
    }

    func testASCIIHasOnlyASCII() {
        for keys in [[], [Key.character("2")], [.character("3")], [.enter], [.character("?")]] {
            let grid = render(state: S.pressing(keys), glyphs: .ascii, width: 120, height: 40)
            XCTAssertTrue(grid.rows.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(keys):\n\(grid.screen)")
        }
    }

    func testTooSmallSaysSoInsteadOfDrawing() {
        let narrow = render(width: 39, height: 10).screen
        XCTAssertEqual(narrow.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) },
                       ["terminal too small (39x10), need 40x10"])
        XCTAssertFalse(render(width: 40, height: 10).screen.contains("too small"))
        for (w, h) in [(1, 1), (0, 0), (5, 30), (300, 3)] { _ = render(width: w, height: h) }  // never traps
    }

    func testWaitingBeforeTheFirstSnapshot() {
        let grid = render(nil)
        XCTAssertEqual(grid.rows[0].trimmingCharacters(in: .whitespaces), "meshtop · targets · ns all · window 10s · every 2s")
        XCTAssertTrue(grid.screen.contains("waiting for the first window…"))
    }

    func testLowSuccessIsBoldAndMarkedNotOnlyColoured() {
        let grid = render(glyphs: .ascii)
        let row = grid.rows[5]
        let x = row.distance(from: row.startIndex, to: row.range(of: "! 88.89%")!.lowerBound)
        XCTAssertEqual(grid[x, 5].style, Style(.bad, bold: true))
    }

    func testSelectionIsReverseVideo() {
        let grid = render(state: S.pressing([.character("j")]))
        XCTAssertEqual((0..<80).filter { grid[$0, 5].style.reverse }.count, 80, "the whole voting row")
        XCTAssertFalse(grid[0, 4].style.reverse)
    }

    func testLongTablesScrollToKeepTheSelectionOnScreen() {
        var snapshot = S.snapshot
        snapshot.workloads = S.workloads(30)
        let state = S.pressing(Array(repeating: .character("j"), count: 25), snapshot)
        let grid = render(snapshot, state: state)
        XCTAssertTrue(grid.rows[1].hasSuffix("26/30"), grid.rows[1])
        XCTAssertTrue(grid.rows[22].hasPrefix("ns         deployment/w25 "), grid.rows[22])
        XCTAssertTrue(grid[0, 22].style.reverse)
    }

    func testControlCharactersInScrapedTextAreNeutralised() {
        var snapshot = S.snapshot
        snapshot.targets[2].error = "bad\u{1b}[2Jthing\u{1b}]0;pwned\u{07}"
        snapshot.workloads[0].workload.name = "evil\u{1b}[2J"
        let screen = render(snapshot, width: 120).screen
        XCTAssertFalse(screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, screen)
        XCTAssertTrue(screen.contains("bad\\x1b[2Jthing\\x1b]0;pwned\\x07"), screen)
        XCTAssertTrue(screen.contains("deployment/evil\\x1b[2J"), screen)
    }
}
