import MeshTUI
import XCTest

final class TimeSeriesChartTests: XCTestCase {
    func chart(_ values: [Double?], _ glyphs: Glyphs = .unicode, width: Int, height: Int,
               label: @escaping @Sendable (Double) -> String = ChartNumber.compact) -> [String] {
        rendered(width: width, height: height) {
            TimeSeriesChart(values, glyphs: glyphs, label: label).draw(into: &$0, x: 0, y: 0, width: width, height: height)
        }.rows
    }

    func testColumnsStackUpTheRowsBesideALabelledAxis() {
        XCTAssertEqual(chart([0, 25, 50, 100], width: 10, height: 3, label: ChartNumber.milliseconds), [
            "100ms┤   █",
            "     │  ▅█",
            "  0ms┤▁▇██",
        ])
        XCTAssertEqual(chart([0, 25, 50, 100], .ascii, width: 10, height: 3, label: ChartNumber.milliseconds), [
            "100ms+   #",
            "     |  =#",
            "  0ms+_*##",
        ])
    }

    func testMissingValuesAreMarkedOnTheBottomRow() {
        XCTAssertEqual(chart([nil, 4, nil, 8], width: 6, height: 2), [
            "8┤ ▁ █",
            "0┤·█·█",
        ])
    }

    func testFewerValuesThanColumnsAreRightAligned() {
        XCTAssertEqual(chart([1, 2], width: 6, height: 1), ["2┤  ▅█"])
    }

    func testAScaleFromTheSmallestValue() {
        let grid = rendered(width: 7, height: 2) {
            TimeSeriesChart([0.5, 0.75, 1], scale: .minToMax, glyphs: .ascii).draw(into: &$0, x: 0, y: 0, width: 7, height: 2)
        }
        XCTAssertEqual(grid.rows, ["  1+ _#", "0.5+_##"])
    }

    func testTooNarrowForTheAxisDrawsColumnsOnly() {
        XCTAssertEqual(chart([0, 50, 100], width: 3, height: 1, label: ChartNumber.milliseconds), ["▁▅█"])
    }

    func testALabelWiderThanTheAxisColumnIsCut() {
        // 10 sets the axis at two cells; the one column left shows 9.5 alone.
        XCTAssertEqual(chart([10, 0, 9.5], width: 4, height: 2), ["9…┤█", " 0┤█"])
    }

    func testCellsAreStyledByHeight() {
        let grid = rendered(width: 1, height: 3) {
            TimeSeriesChart([100], glyphs: .unicode).draw(into: &$0, x: 0, y: 0, width: 1, height: 3)
        }
        XCTAssertEqual(grid.rows, ["█", "█", "█"])
        XCTAssertEqual([grid[0, 0].style, grid[0, 1].style, grid[0, 2].style], [Style(.graph(7)), Style(.graph(5)), Style(.graph(2))])
    }

    func testLabelsAreShort() {
        let cases: [(Double, String, String)] = [
            (0, "0", "0ms"), (0.5, "0.5", "0.5ms"), (9.96, "10", "10ms"), (999.4, "999", "999ms"),
            (999.6, "1k", "1s"), (1234, "1.2k", "1.2s"), (2500, "2.5k", "2.5s"), (50_000, "50k", "50s"),
            (-1500, "-1.5k", "-1.5s"), (3.4e7, "34M", "34ks"), (2e21, "2e+21", "2Es"),
            (.nan, "-", "-"), (.infinity, "-", "-"),
        ]
        for (value, compact, ms) in cases {
            XCTAssertEqual(ChartNumber.compact(value), compact, "\(value)")
            XCTAssertEqual(ChartNumber.milliseconds(value), ms, "\(value) ms")
        }
    }

    func testNeverDrawsOutsideItsRectangle() {
        let series: [[Double?]] = [[], [nil], [0, 0], (0..<50).map { Double($0 * $0) }, [.nan, 1e308, -1e308, .infinity]]
        for rect in awkwardRects {
            for values in series {
                assertDrawsInside(rect, "\(values.count) values") {
                    TimeSeriesChart(values, scale: .minToMax, glyphs: .unicode, label: ChartNumber.milliseconds)
                        .draw(into: &$0, x: $1.x, y: $1.y, width: $1.width, height: $1.height)
                }
            }
        }
    }
}
