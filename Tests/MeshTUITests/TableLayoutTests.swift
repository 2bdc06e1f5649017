import MeshTUI
import XCTest

final class TableLayoutTests: XCTestCase {
    private let columns: [TableColumn<Int>] = [
        TableColumn("NAME", width: 6, grow: 10, priority: 10) { TableCell("\($0)") },
        TableColumn("A", width: 5, .right, priority: 5) { TableCell("\($0)") },
        TableColumn("B", width: 5, .right, priority: 3) { TableCell("\($0)") },
        TableColumn("NOTE", width: 4, grow: 10, priority: 4) { TableCell("\($0)") },
    ]

    private func shape(_ layout: TableLayout) -> [String] {
        layout.placements.map { "\(columns[$0.index].header)@\($0.x)+\($0.width)" }
    }

    func testAllColumnsFitAndGrowingColumnsTakeTurns() {
        XCTAssertEqual(shape(TableLayout(columns, width: 27)), ["NAME@0+8", "A@9+5", "B@15+5", "NOTE@21+6"])
    }

    func testGrowthStopsAtTheWidestContent() {
        XCTAssertEqual(shape(TableLayout(columns, width: 60, content: [8, 1, 1, 4])),
                       ["NAME@0+8", "A@9+5", "B@15+5", "NOTE@21+4"])
    }

    func testLowestPriorityColumnsAreDroppedFirst() {
        XCTAssertEqual(shape(TableLayout(columns, width: 20)), ["NAME@0+8", "A@9+5", "NOTE@15+5"])
        XCTAssertEqual(shape(TableLayout(columns, width: 12)), ["NAME@0+6", "A@7+5"])
        XCTAssertEqual(shape(TableLayout(columns, width: 3)), ["NAME@0+6"], "the last column stays, clipped")
    }

    func testTablesAlignAndCutCells() {
        var grid = CellGrid(width: 20, height: 4)
        let table = TableView(columns: [
            TableColumn<String>("NAME", width: 6, priority: 2) { TableCell($0) },
            TableColumn<String>("LEN", width: 4, .right, priority: 1) { TableCell("\($0.count)") },
        ], rows: ["web", "a-very-long-name"], selected: 1, emptyMessage: "none", glyphs: .ascii)
        XCTAssertEqual(table.draw(into: &grid, y: 1, height: 3), 0..<2)
        XCTAssertEqual(grid.screen, "\nNAME    LEN\nweb       3\na-ver~   16")
        XCTAssertTrue(grid[19, 3].style.reverse)
        XCTAssertFalse(grid[0, 2].style.reverse)
    }

    func testAnEmptyTableSaysSo() {
        var grid = CellGrid(width: 20, height: 3)
        let table = TableView(columns: [TableColumn<String>("NAME", width: 6, priority: 1) { TableCell($0) }],
                              rows: [], selected: 0, emptyMessage: "nothing yet", glyphs: .unicode)
        table.draw(into: &grid, y: 0, height: 3)
        XCTAssertEqual(grid.screen, "NAME\nnothing yet\n")
    }
}
