import MeshModel
import MeshTUI
import XCTest

final class DashboardViewTests: XCTestCase {
    private func render(_ snapshot: Snapshot? = SampleMesh.snapshot, state: DashboardState = DashboardState(),
                        glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24) -> CellGrid {
        var context = SampleMesh.context
        context.glyphs = glyphs
        return DashboardView.render(snapshot, state: state, context: context, width: width, height: height)
    }

    func testSampleMeshAt80x24() {
        assertScreen(render(), """
        meshtop · targets · window 10s · every 2s · 2/3 targets ok          22:13:20 UTC
        ✗ failed: http://10.0.0.9:4191/metrics: connection refused

        ▸ WORKLOADS (2)
        NAMESPACE NAME              MESHED  SUCCESS     RPS    P50    P95    P99  TCP
        emojivoto deployment/emoji     1/1  100.00%     5.0    3ms    9ms   10ms    3
        emojivoto deployment/voting    2/2 ▼ 88.89%     2.9   40ms   94ms   99ms    4

          EDGES (1)
        SRC → DST               SUCCESS     RPS    P50    P95    P99 SECURED
        emojivoto/web → voting ▼ 88.89%     2.9   15ms   28ms   30ms ✗ no: not_provided…












        q quit  Tab switch  j/k move  p pause
        """)
    }

    func testSampleMeshInASCII() {
        assertScreen(render(glyphs: .ascii), """
        meshtop | targets | window 10s | every 2s | 2/3 targets ok          22:13:20 UTC
        x failed: http://10.0.0.9:4191/metrics: connection refused

        > WORKLOADS (2)
        NAMESPACE NAME              MESHED  SUCCESS     RPS    P50    P95    P99  TCP
        emojivoto deployment/emoji     1/1  100.00%     5.0    3ms    9ms   10ms    3
        emojivoto deployment/voting    2/2 ! 88.89%     2.9   40ms   94ms   99ms    4

          EDGES (1)
        SRC -> DST               SUCCESS     RPS    P50    P95    P99 SECURED
        emojivoto/web -> voting ! 88.89%     2.9   15ms   28ms   30ms ! no: not_provide~












        q quit  Tab switch  j/k move  p pause
        """)
        XCTAssertTrue(render(glyphs: .ascii).rows.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    func testSmallestScreenPausedWithEdgesFocused() {
        var state = DashboardState()
        state.apply(.togglePause, workloads: 2, edges: 1)
        state.apply(.switchFocus, workloads: 2, edges: 1)
        assertScreen(render(state: state, width: 40, height: 10), """
        meshtop · PAUSED · 2/3 targets ok
        ✗ failed: http://10.0.0.9:4191/metrics:…
          WORKLOADS (2)  rows 1-1
        NAMESPACE NAME           SUCCESS     RPS
        emojivoto deployment/e…  100.00%     5.0

        ▸ EDGES (1)
        SRC → DST            SUCCESS SECURED
        emojivoto/web → vo… ▼ 88.89% ✗ no: not_…
        q quit  Tab switch  j/k move  p pause
        """)
    }

    func testTooSmallSaysSoInsteadOfDrawing() {
        let narrow = render(width: 39, height: 10).screen
        XCTAssertEqual(narrow.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) },
                       ["terminal too small (39x10), need 40x10"])
        let short = render(width: 80, height: 9).screen
        XCTAssertTrue(short.contains("terminal too small (80x9), need 40x10"), short)
        assertScreen(render(width: 20, height: 6), """

         terminal too small
              (20x6),
             need 40x10


        """)
        XCTAssertFalse(render(width: 40, height: 10).screen.contains("too small"))
    }

    func testWaitingBeforeTheFirstSnapshot() {
        let grid = render(nil)
        XCTAssertEqual(grid.rows[0].trimmingCharacters(in: .whitespaces), "meshtop · targets · window 10s · every 2s")
        XCTAssertEqual(grid.rows[12], String(repeating: " ", count: 25) + "waiting for the first window…"
                       + String(repeating: " ", count: 26))
        XCTAssertEqual(grid.rows[23].trimmingCharacters(in: .whitespaces), "q quit  Tab switch  j/k move  p pause")
        XCTAssertEqual(grid.screen.split(separator: "\n").count, 3, "nothing else on screen")
    }

    func testLowSuccessIsBoldAndMarkedNotOnlyColoured() {
        let grid = render(glyphs: .ascii)
        let low = grid.rows[6].range(of: "! 88.89%")!
        let x = grid.rows[6].distance(from: grid.rows[6].startIndex, to: low.lowerBound)
        XCTAssertEqual(grid[x, 6].style, Style(.bad, bold: true))
        let fine = grid.rows[5].distance(from: grid.rows[5].startIndex, to: grid.rows[5].range(of: "100.00%")!.lowerBound)
        XCTAssertFalse(grid[fine, 5].style.bold)
        XCTAssertEqual(grid[fine - 1, 5].character, " ", "no glyph before a healthy rate")
    }

    func testSelectionIsReverseVideoInTheFocusedTableOnly() {
        var state = DashboardState()
        state.apply(.moveDown, workloads: 2, edges: 1)
        var grid = render(state: state)
        XCTAssertEqual((0..<80).filter { grid[$0, 6].style.reverse }.count, 80, "the whole voting row")
        XCTAssertFalse(grid[0, 5].style.reverse)
        XCTAssertFalse(grid[0, 10].style.reverse)
        state.apply(.switchFocus, workloads: 2, edges: 1)
        grid = render(state: state)
        XCTAssertFalse(grid[0, 6].style.reverse)
        XCTAssertTrue(grid[0, 10].style.reverse, "the edge row")
        XCTAssertTrue(grid.rows[8].hasPrefix("▸ EDGES"), grid.rows[8])
        XCTAssertTrue(grid.rows[3].hasPrefix("  WORKLOADS"), grid.rows[3])
    }

    func testLongTablesScrollToKeepTheSelectionOnScreen() {
        var snapshot = SampleMesh.snapshot
        snapshot.workloads = SampleMesh.workloads(30)
        var state = DashboardState()
        for _ in 0..<25 { state.apply(.moveDown, workloads: 30, edges: 1) }
        let grid = render(snapshot, state: state)
        XCTAssertEqual(grid.rows[3].trimmingCharacters(in: .whitespaces), "▸ WORKLOADS (30)  rows 13-26")
        XCTAssertTrue(grid.rows[5].hasPrefix("ns        deployment/w12 "), grid.rows[5])
        XCTAssertTrue(grid.rows[18].hasPrefix("ns        deployment/w25 "), grid.rows[18])
        XCTAssertTrue(grid[0, 18].style.reverse)
        XCTAssertTrue(grid.rows[22].hasPrefix("emojivoto/web → voting"), "the edge still shows: \(grid.rows[22])")
    }

    func testTableRowsShareTheScreen() {
        XCTAssertEqual(DashboardView.tableRows(workloads: 2, edges: 1, lines: 20).workloads, 2)
        XCTAssertEqual(DashboardView.tableRows(workloads: 40, edges: 3, lines: 25).workloads, 17)
        XCTAssertEqual(DashboardView.tableRows(workloads: 3, edges: 40, lines: 25).workloads, 3)
        XCTAssertEqual(DashboardView.tableRows(workloads: 40, edges: 40, lines: 25).workloads, 10)
        XCTAssertEqual(DashboardView.tableRows(workloads: 40, edges: 40, lines: 7).workloads, 1)
    }

    func testControlCharactersInTargetErrorsAreNeutralised() {
        var snapshot = SampleMesh.snapshot
        snapshot.targets[2].error = "bad\u{1b}[2Jthing"
        XCTAssertTrue(render(snapshot).rows[1].hasPrefix("✗ failed: http://10.0.0.9:4191/metrics: bad?[2Jthing"))
    }
}
