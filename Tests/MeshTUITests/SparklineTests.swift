import MeshTUI
import XCTest

final class SparklineTests: XCTestCase {
    func row(_ values: [Double?], _ scale: ChartScale = .zeroToMax, _ glyphs: Glyphs = .unicode, width: Int) -> String {
        rendered(width: width, height: 1) { Sparkline(values, scale: scale, glyphs: glyphs).draw(into: &$0, x: 0, y: 0, width: width) }
            .rows[0]
    }

    func testRows() {
        let ramp: [Double?] = [0, 1, 2, 3, 4, 5, 6, 7]
        let cases: [(String, [Double?], ChartScale, Glyphs, Int, String)] = [
            ("eight levels from 0 to the max", ramp, .zeroToMax, .unicode, 8, "▁▂▃▄▅▆▇█"),
            ("the ASCII ramp has six", ramp, .zeroToMax, .ascii, 8, "_..-=**#"),
            ("missing and not-a-number values", [1, nil, 2, .nan], .zeroToMax, .unicode, 6, "  ▅·█·"),
            ("missing values are blank in ASCII", [1, nil, 2, .infinity], .zeroToMax, .ascii, 4, "= # "),
            ("the newest values when there are more", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], .zeroToMax, .unicode, 3, "▇▇█"),
            ("scaled over the values shown", [100, 8, 9, 10], .minToMax, .unicode, 3, "▁▅█"),
            ("a fixed range clamps", [1, 0.5, 0, 1.5, -1], .fixed(lower: 0, upper: 1), .unicode, 5, "█▅▁█▁"),
            ("a fixed range not from 0", [0.5, 0.75, 1], .fixed(lower: 0.5, upper: 1), .ascii, 3, "_=#"),
            ("a flat series is full", [5, 5, 5], .minToMax, .unicode, 3, "███"),
            ("zeros sit on the floor", [0, 0], .zeroToMax, .unicode, 2, "▁▁"),
            ("nothing to draw", [], .zeroToMax, .unicode, 2, "  "),
            ("only missing values", [nil, nil], .minToMax, .unicode, 3, " ··"),
            ("huge values of both signs", [1e308, -1e308, 0], .minToMax, .unicode, 3, "█▁▅"),
        ]
        for (name, values, scale, glyphs, width, expected) in cases {
            XCTAssertEqual(row(values, scale, glyphs, width: width), expected, name)
        }
    }

    func testCellsAreStyledByLevelAndMissingValuesAreDim() {
        let grid = rendered(width: 3, height: 1) { Sparkline([0, nil, 8], glyphs: .unicode).draw(into: &$0, x: 0, y: 0, width: 3) }
        XCTAssertEqual(grid[0, 0].style, Style(.graph(0)))
        XCTAssertEqual(grid[1, 0].style, Style(.dim, dim: true))
        XCTAssertEqual(grid[2, 0].style, Style(.graph(7)))
    }

    func testTheRunStartsAtX() {
        let grid = rendered(width: 8, height: 2) { Sparkline([1, 2], glyphs: .ascii).draw(into: &$0, x: 3, y: 1, width: 4) }
        XCTAssertEqual(grid.rows, ["        ", "     =# "])
    }

    func testEveryGlyphIsOneCell() {
        for glyphs in [Glyphs.unicode, .ascii] {
            for glyph in glyphs.heights + glyphs.barFills + [glyphs.noData, glyphs.marker, glyphs.axis, glyphs.axisTick] {
                XCTAssertEqual(CharacterWidth.of(glyph), 1, glyph)
            }
        }
    }

    func testNeverDrawsOutsideItsRow() {
        for rect in awkwardRects {
            for values in [[], [1, nil, 3], (0..<40).map { Double($0) }, [.nan, -.infinity, 1e308]] as [[Double?]] {
                assertDrawsInside(ChartRect(x: rect.x, y: rect.y, width: rect.width, height: 1), "\(values.count) values") {
                    Sparkline(values, scale: .minToMax, glyphs: .unicode).draw(into: &$0, x: $1.x, y: $1.y, width: $1.width)
                }
            }
        }
    }
}
