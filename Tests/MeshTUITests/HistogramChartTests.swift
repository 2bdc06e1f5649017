import MeshTUI
import XCTest

final class HistogramChartTests: XCTestCase {
    /// 50 requests within 10 ms, 30 more within 50 ms, 15 within 100 ms, 5 slower.
    let buckets: [(le: Double, count: Double)] = [(10, 50), (50, 80), (100, 95), (.infinity, 100)]
    let quantiles: [(name: String, ms: Double)] = [("p50", 10), ("p95", 100), ("p99", 100)]

    func chart(_ buckets: [(le: Double, count: Double)], markers: [(name: String, ms: Double)] = [],
               _ glyphs: Glyphs = .ascii, width: Int, height: Int) -> CellGrid {
        rendered(width: width, height: height) {
            HistogramChart(buckets: buckets, markers: markers, glyphs: glyphs).draw(into: &$0, x: 0, y: 0, width: width, height: height)
        }
    }

    func testOneRowPerBandWithCountShareAndQuantileMarkers() {
        assertScreen(chart(buckets, markers: quantiles, .unicode, width: 60, height: 6), """
             ≤ 10ms █████████████████████████████████ 50 50.0% ◂ p50
             ≤ 50ms ███████████████████▊              30 30.0%
            ≤ 100ms █████████▉                        15 15.0% ◂ p95 p99
            > 100ms ███▎                               5  5.0%


            """)
        assertScreen(chart(buckets, markers: quantiles, width: 40, height: 4), """
             <= 10ms ############ 50 50.0% < p50
             <= 50ms #######      30 30.0%
            <= 100ms ####         15 15.0% < p95 p99
             > 100ms #             5  5.0%
            """)
    }

    func testNarrowChartsGiveUpTheShareThenTheCountThenTheMarkers() {
        assertScreen(chart(buckets, markers: quantiles, width: 30, height: 4), """
             <= 10ms ######## 50 < p50
             <= 50ms #####    30
            <= 100ms ##       15 < p95 p99
             > 100ms #         5
            """)
        assertScreen(chart(buckets, markers: quantiles, width: 24, height: 4), """
             <= 10ms ###############
             <= 50ms #########
            <= 100ms #####
             > 100ms ##
            """)
    }

    /// Bands of 1, 2, 5, 10, 20, 50, 100 ms and +Inf holding 0, 0, 10, 30, 5, 0, 0, 0.
    let sparse: [(le: Double, count: Double)] = [
        (1, 0), (2, 0), (5, 10), (10, 40), (20, 45), (50, 45), (100, 45), (.infinity, 45),
    ]

    func testEveryBandWhenTheyFit() {
        assertScreen(chart(sparse, width: 30, height: 8), """
              <= 1ms               0  0.0%
              <= 2ms               0  0.0%
              <= 5ms ####         10 22.2%
             <= 10ms ############ 30 66.7%
             <= 20ms ##            5 11.1%
             <= 50ms               0  0.0%
            <= 100ms               0  0.0%
             > 100ms               0  0.0%
            """)
    }

    func testEmptyBandsAtTheEndsGoFirstThenTheQuietestNeighboursMerge() {
        assertScreen(chart(sparse, width: 30, height: 3), """
             <= 5ms ####          10 22.2%
            <= 10ms ############# 30 66.7%
            <= 20ms ##             5 11.1%
            """)
        assertScreen(chart(sparse, width: 30, height: 2), """
             <= 5ms ####          10 22.2%
            <= 20ms ############# 35 77.8%
            """)
    }

    func testAnEmptyHistogramMergesEvenlyAndShowsNoShares() {
        let empty = sparse.map { (le: $0.le, count: 0.0) }
        assertScreen(chart(empty, width: 20, height: 4), """
             <= 2ms            0
            <= 10ms            0
            <= 50ms            0
             > 50ms            0
            """)
    }

    func testCumulativeCountsThatFallAreClampedAndBoundsMayComeInAnyOrder() {
        let unordered: [(le: Double, count: Double)] = [(.infinity, 20), (10, 10), (5, 12), (.nan, 99), (20, .nan)]
        assertScreen(chart(unordered, width: 30, height: 4), """
             <= 5ms ############# 12 60.0%
            <= 10ms                0  0.0%
            <= 20ms                0  0.0%
             > 20ms #########      8 40.0%
            """)
    }

    func testMarkersOutsideTheBandsGoToTheNearestEnd() {
        let noInf: [(le: Double, count: Double)] = [(10, 1), (20, 2)]
        assertScreen(chart(noInf, markers: [("lo", -5), ("hi", 1e9), ("nan", .nan)], width: 30, height: 2), """
            <= 10ms ######### 1 50.0% < lo
            <= 20ms ######### 1 50.0% < hi
            """)
    }

    func testTheOnlyBandIsAll() {
        assertScreen(chart([(.infinity, 3)], width: 22, height: 2), """
            all ######### 3 100.0%

            """)
    }

    func testHugeCountsStillFit() {
        assertScreen(chart([(1, 1e308), (.infinity, 1.5e308)], width: 30, height: 2), """
            <= 1ms ########## 1e+308 66.7%
             > 1ms #####      5e+307 33.3%
            """)
    }

    func testAOneByOneChartShowsTheCutMark() {
        XCTAssertEqual(chart(buckets, .unicode, width: 1, height: 1).rows, ["…"])
    }

    func testNeverDrawsOutsideItsRectangle() {
        let inputs: [[(le: Double, count: Double)]] = [
            [], buckets, sparse, [(.infinity, 0)], [(.nan, .nan)], [(1, 1e308), (.infinity, .infinity)],
            (0..<200).map { (le: Double($0), count: Double($0 * $0)) },
        ]
        for rect in awkwardRects {
            for (i, input) in inputs.enumerated() {
                for glyphs in [Glyphs.unicode, .ascii] {
                    assertDrawsInside(rect, "input \(i)") {
                        HistogramChart(buckets: input, markers: quantiles, glyphs: glyphs)
                            .draw(into: &$0, x: $1.x, y: $1.y, width: $1.width, height: $1.height)
                    }
                }
            }
        }
    }
}
