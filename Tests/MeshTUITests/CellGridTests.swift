import MeshTUI
import XCTest

final class CellGridTests: XCTestCase {
    func testWideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 8, height: 1)
        let end = grid.put("日本a", x: 1, y: 0)
        XCTAssertEqual(end, 6)
        XCTAssertEqual(grid.rows, [" 日本a  "])
        XCTAssertEqual(grid[1, 0].character, "日")
        XCTAssertTrue(grid[2, 0].isContinuation)
        XCTAssertEqual(grid[3, 0].character, "本")
        XCTAssertEqual(grid[5, 0].character, "a")
    }

    func testTextIsClippedAtTheRightEdge() {
        var grid = CellGrid(width: 5, height: 2)
        XCTAssertEqual(grid.put("abcdefg", x: 0, y: 0), 5)
        grid.put("xyz", x: 3, y: 1)
        XCTAssertEqual(grid.rows, ["abcde", "   xy"])
    }

    func testAWideCharacterThatDoesNotFitLeavesABlank() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("xxxx", x: 0, y: 0)
        grid.put("a日本", x: 0, y: 0)
        XCTAssertEqual(grid.rows, ["a日 "])
        XCTAssertFalse(grid[3, 0].isContinuation)
    }

    func testLimitStopsTextBeforeTheGridEdge() {
        var grid = CellGrid(width: 8, height: 1)
        grid.put("abcdef", x: 1, y: 0, limit: 3)
        grid.put("日本", x: 5, y: 0, limit: 3)
        XCTAssertEqual(grid.rows, [" abc 日 "])
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 2)
        grid.put("日本", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        grid.put("日本", x: 0, y: 1)
        grid.put("y", x: 2, y: 1)
        XCTAssertEqual(grid.rows, [" x本", "日y "])
        XCTAssertFalse(grid.cells.contains { $0.isContinuation && $0.character != " " })
        XCTAssertFalse(grid[1, 0].isContinuation)
        XCTAssertFalse(grid[3, 1].isContinuation)
    }

    func testAWideCharacterOverANarrowOneAndAWideHalf() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("a本", x: 0, y: 0)
        grid.put("日", x: 0, y: 0)
        XCTAssertEqual(grid.rows, ["日   "], "本 lost its left half, so it is blanked")
        grid.put("中", x: 1, y: 0)
        XCTAssertEqual(grid.rows, [" 中  "], "both broken wide characters are blanked")
    }

    func testControlCharactersAreShownAsQuestionMarks() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put("a\u{1b}[2J\u{7}\u{9b}b", x: 0, y: 0)
        XCTAssertEqual(grid.rows, ["a?[2J??b  "])
    }

    func testTextStartingLeftOfTheGridIsClipped() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("abcdef", x: -2, y: 0)
        XCTAssertEqual(grid.rows, ["cdef"])
    }

    func testRowsOutsideTheGridAreIgnored() {
        var grid = CellGrid(width: 3, height: 1)
        XCTAssertEqual(grid.put("abc", x: 0, y: 1), 0)
        grid.put("abc", x: 0, y: -1)
        XCTAssertEqual(grid.rows, ["   "])
    }

    func testCombiningMarksStayWithTheirBase() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("e\u{301}x", x: 0, y: 0)
        XCTAssertEqual(grid[0, 0].character, "e\u{301}")
        XCTAssertEqual(grid[1, 0].character, "x")
    }

    func testFillAndRestyleKeepTheText() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("ab", x: 0, y: 0)
        grid.fill(row: 0, from: 2, style: Style(.bad))
        grid.restyle(row: 0) { $0.selected }
        XCTAssertEqual(grid.rows, ["ab  "])
        XCTAssertEqual(grid[0, 0].style, Style(.selected, reverse: true))
        XCTAssertEqual(grid[3, 0].style, Style(.bad, reverse: true))
    }

    func testZeroSizedGridsAreEmpty() {
        var grid = CellGrid(width: -3, height: 0)
        grid.put("abc", x: 0, y: 0)
        XCTAssertEqual(grid.rows, [])
        XCTAssertEqual(grid.cells.count, 0)
    }
}
