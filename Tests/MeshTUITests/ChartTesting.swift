import MeshTUI
import XCTest

/// A rectangle of a grid that a chart is given.
struct ChartRect {
    var x, y, width, height: Int
}

/// Draws into `rect` of a 14×8 grid full of `x`s and fails for every cell outside the
/// rectangle that changed: a chart must never draw outside what it was given.
func assertDrawsInside(_ rect: ChartRect, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                       _ draw: (inout CellGrid, ChartRect) -> Void) {
    var grid = CellGrid(width: 14, height: 8)
    for y in 0..<grid.height { grid.put(String(repeating: "x", count: grid.width), x: 0, y: y) }
    let before = grid
    draw(&grid, rect)
    for y in 0..<grid.height {
        for x in 0..<grid.width where x < rect.x || x >= rect.x + rect.width || y < rect.y || y >= rect.y + rect.height {
            XCTAssertEqual(grid[x, y], before[x, y], "\(what): (\(x), \(y)) is outside \(rect)", file: file, line: line)
        }
    }
}

/// Rectangles of awkward sizes and places in a 14×8 grid, the grid's edges included.
let awkwardRects = [
    ChartRect(x: 3, y: 2, width: 0, height: 3), ChartRect(x: 3, y: 2, width: 5, height: 0),
    ChartRect(x: 3, y: 2, width: 1, height: 1), ChartRect(x: 3, y: 2, width: 2, height: 1),
    ChartRect(x: 2, y: 1, width: 7, height: 2), ChartRect(x: 1, y: 1, width: 12, height: 6),
    ChartRect(x: 0, y: 0, width: 14, height: 8), ChartRect(x: 10, y: 5, width: 4, height: 3),
    ChartRect(x: 3, y: 2, width: -4, height: -1),
]

/// A `width`×`height` grid with `draw` done to it.
func rendered(width: Int, height: Int, _ draw: (inout CellGrid) -> Void) -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    draw(&grid)
    return grid
}
