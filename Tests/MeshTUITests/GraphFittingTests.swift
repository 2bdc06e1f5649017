import MeshModel
import MeshTUI
import XCTest

/// `GraphLayout.make(_:previous:fitting:)`: the orientation that needs less panning, kept
/// while the topology changes a little.
final class GraphFittingTests: XCTestCase {
    func topology(_ graph: MeshGraph) -> GraphTopology { GraphCanvas.topology(of: graph, glyphs: .unicode) }

    func testALongChainOnAWideShortScreenStaysLeftToRight() {
        let chain = topology(GraphSamples.chain(10)), screen = GraphSize(width: 200, height: 20)
        let chosen = GraphLayout.make(chain, previous: nil, fitting: screen)
        XCTAssertEqual(chosen.orientation, .leftToRight)
        XCTAssertEqual(chosen, GraphLayout.make(chain))
        XCTAssertLessThan(chosen.cellsOutside(screen), GraphLayout.make(chain, orientation: .topDown).cellsOutside(screen))
    }

    /// Where the wider layout still fits the screen whole, it is chosen, and every call but the
    /// self-call gets its rate on the canvas; on 80x24 it does not fit, and the compact one is used.
    func testAWideScreenGetsRoomForEveryRateLabel() {
        let graph = GraphSamples.emojivoto, emojivoto = topology(graph)
        let wide = GraphLayout.make(emojivoto, previous: nil, fitting: GraphSize(width: 160, height: 40))
        XCTAssertTrue(wide.labelled)
        XCTAssertEqual(wide.orientation, .leftToRight)
        XCTAssertFalse(GraphLayout.make(emojivoto, previous: nil, fitting: GraphSize(width: 80, height: 24)).labelled)
        XCTAssertFalse(GraphLayout.make(emojivoto, previous: wide, fitting: GraphSize(width: 80, height: 24)).labelled,
                       "a screen made smaller gets the compact layout")
        let canvas = GraphCanvas(graph: graph, layout: wide, glyphs: .unicode)
        let text = rendered(width: 160, height: 40) {
            canvas.draw(into: &$0, screen: GraphRect(x: 0, y: 0, width: 160, height: 40), viewport: GraphPoint(x: 0, y: 0))
        }.rows.joined(separator: "\n")
        for edge in graph.edges where edge.from != edge.to {
            let rate = StatTable.fixed(edge.metrics.rps!, 1) + "rps"
            // On its line: a line cell right after it (a box's health line has a blank there).
            XCTAssertTrue(text.contains(rate + "─") || text.contains(rate + "┄"), "\(rate) of \(graph.nodes[edge.from].id.name) → \(graph.nodes[edge.to].id.name):\n\(text)")
        }
    }

    /// Twelve callees side by side are about 230 columns wide: on 80x40 stacking them (61 rows)
    /// leaves less off the screen, on a 250-column screen the row of them fits.
    func testAWideFanOutGoesTopDownWhenThatNeedsLessPanning() {
        let fanOut = topology(GraphSamples.fanOut(12))
        let across = GraphLayout.make(fanOut), down = GraphLayout.make(fanOut, orientation: .topDown)
        for (screen, expected) in [(GraphSize(width: 80, height: 40), GraphOrientation.leftToRight),
                                   (GraphSize(width: 250, height: 40), .topDown)] {
            let chosen = GraphLayout.make(fanOut, previous: nil, fitting: screen)
            XCTAssertEqual(chosen, down.cellsOutside(screen) < across.cellsOutside(screen) ? down : across, "\(screen)")
            XCTAssertEqual(chosen.orientation, expected, "\(screen): \(across.size) or \(down.size)")
        }
    }

    func testATieGoesLeftToRight() {
        let one = topology(GraphSamples.fanOut(1)), screen = GraphSize(width: 120, height: 40)
        XCTAssertEqual(GraphLayout.make(one, previous: nil, fitting: screen).cellsOutside(screen), 0)
        XCTAssertEqual(GraphLayout.make(one, previous: nil, fitting: screen).orientation, .leftToRight)
    }

    func testTheChoiceSticksWhileTheTopologyChangesSlightly() {
        let wide = GraphSize(width: 250, height: 40), narrow = GraphSize(width: 80, height: 40)
        let first = GraphLayout.make(topology(GraphSamples.fanOut(12)), previous: nil, fitting: wide)
        XCTAssertEqual(first.orientation, .topDown)
        XCTAssertEqual(GraphLayout.make(first.topology, previous: first, fitting: narrow), first, "unchanged: the same layout")
        let grown = topology(GraphSamples.fanOut(13))
        XCTAssertEqual(GraphLayout.make(grown, previous: nil, fitting: narrow).orientation, .leftToRight, "afresh")
        let kept = GraphLayout.make(grown, previous: first, fitting: narrow)
        XCTAssertEqual(kept.orientation, .topDown, "one more callee keeps the orientation")
        XCTAssertEqual(kept, GraphLayout.make(grown, previous: first, orientation: .topDown))
        let other = topology(GraphSamples.chain(10)), short = GraphSize(width: 200, height: 20)
        XCTAssertEqual(GraphLayout.make(other, previous: first, fitting: short).orientation, .leftToRight,
                       "another graph is chosen for afresh")
    }
}
