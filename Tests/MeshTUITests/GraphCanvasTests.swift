import MeshModel
import MeshTUI
import XCTest

final class GraphCanvasTests: XCTestCase {
    func canvas(_ graph: MeshGraph, _ glyphs: Glyphs, _ orientation: GraphOrientation = .leftToRight) -> GraphCanvas {
        let layout = GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: glyphs), orientation: orientation)
        return GraphCanvas(graph: graph, layout: layout, glyphs: glyphs)
    }

    func render(_ graph: MeshGraph, _ glyphs: Glyphs, width: Int, height: Int, viewport: GraphPoint = GraphPoint(x: 0, y: 0),
                selected: WorkloadRef? = nil, _ orientation: GraphOrientation = .leftToRight) -> CellGrid {
        let c = canvas(graph, glyphs, orientation)
        return rendered(width: width, height: height) {
            c.draw(into: &$0, screen: GraphRect(x: 0, y: 0, width: width, height: height), viewport: viewport, selected: selected)
        }
    }

    func testEmojivotoSnapshots() {
        for (glyphs, name) in [(Glyphs.unicode, "unicode"), (.ascii, "ascii")] {
            assertSnapshot(render(GraphSamples.emojivoto, glyphs, width: 80, height: 24, selected: GraphSamples.ref("web")),
                           named: "graph-emojivoto-80x24-\(name)", colors: false)
        }
    }

    func testALargerGraphAt200x60() {
        let graph = GraphSamples.random(nodes: 24, edges: 40, seed: 5, cycles: true, selfCalls: true)
        assertSnapshot(render(graph, .unicode, width: 200, height: 60), named: "graph-random-200x60-unicode", colors: true)
    }

    /// Callers above their callees, arrowheads down onto the boxes' tops (and up for the call
    /// that closes the cycle), the self-call's loop round checkout's bottom left corner, labels
    /// on the tracks or beside the lines.
    func testASmallGraphTopDown() {
        let grid = render(GraphSamples.shop, .unicode, width: 46, height: 24, .topDown)
        let text = grid.rows.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        XCTAssertEqual(text, """
              ┌───────────────┐
              │frontend       │
              │10.0rps 100.0% │
              └───────────────┘
                      ▲
                      │
                      ├───────────1.0rps────────────┐
                      ├─────✗ 4.0rps─────┐          │
                      │ 6.0rps           │          │
                      ▼                  ▼          │
              ┌───────────────┐  ┌───────────────┐  │
              │cart           │  │checkout       │  │
              │10.0rps 100.0% │ ▶│10.0rps 100.0% │  │
              └───────────────┘ │└───────────────┘  │
                                │ │      ┆ ○ 4.0rps │
                                └─┘      ┆          │
                                         └┄┄┄┄┐     │
                                              ├─────┘
                                              │
                                              ▼
                                      ┌───────────────┐
                                      │payments       │
                                      │10.0rps 100.0% │
                                      └───────────────┘
            """, text)
        let layout = canvas(GraphSamples.shop, .unicode, .topDown).layout
        for callee in ["cart", "checkout", "payments"] {
            let box = layout.box(of: GraphSamples.ref(callee, ns: "shop"))!
            XCTAssertEqual(grid[box.x + box.width / 2, box.y - 1].character, "▼", "\(callee): the arrowhead points down onto its top")
        }
        let ascii = render(GraphSamples.shop, .ascii, width: 46, height: 24, .topDown).rows.joined(separator: "\n")
        XCTAssertEqual(ascii.filter { $0 == "v" }.count, 3, ascii)
        XCTAssertEqual(ascii.filter { $0 == "^" }.count, 1, ascii)
    }

    func testMarksAreGlyphsNotColoursAlone() {
        let text = render(GraphSamples.emojivoto, .unicode, width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(text.contains("✗"), "the failing web → voting edge is marked")
        XCTAssertTrue(text.contains("○"), "edges without mTLS are marked")
        XCTAssertTrue(text.contains("⇢ api.example.com"), "the external peer is marked")
        XCTAssertTrue(text.contains("? unmeshed"), "unmeshed clients are marked")
        XCTAssertTrue(text.contains("linkerd-viz/prom"), "another namespace's workload shows its namespace")
        XCTAssertTrue(text.contains("▼ 3.5rps 82.0%"), "a failing node's health line is marked")
    }

    func testAHostileNameIsEscaped() {
        let rows = render(GraphSamples.emojivoto, .ascii, width: 80, height: 24).rows
        XCTAssertTrue(rows.contains { $0.contains("bot\\x1b[2J\\x1b]0;pw") }, rows.joined(separator: "\n"))
        XCTAssertFalse(rows.joined().unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertTrue(rows.joined().allSatisfy(\.isASCII), "the ASCII set draws only ASCII")
    }

    func testPanningMovesTheDrawing() {
        let whole = render(GraphSamples.emojivoto, .unicode, width: 120, height: 40)
        let panned = render(GraphSamples.emojivoto, .unicode, width: 100, height: 30, viewport: GraphPoint(x: 5, y: 3))
        XCTAssertEqual(whole[5 + 2, 3 + 1].character, panned[2, 1].character)
    }

    func testHitTestingAndNeighbours() {
        for (orientation, onwards, back) in [(GraphOrientation.leftToRight, GraphDirection.right, GraphDirection.left),
                                             (.topDown, .down, .up)] {
            let c = canvas(GraphSamples.emojivoto, .unicode, orientation)
            let layout = c.layout, web = GraphSamples.ref("web")
            let box = layout.box(of: web)!
            let screen = GraphRect(x: 0, y: 1, width: 80, height: 23), viewport = GraphPoint(x: 0, y: 0)
            XCTAssertEqual(c.node(atScreenX: box.x + 1, y: box.y + 1 + 1, screen: screen, viewport: viewport), web, "\(orientation)")
            XCTAssertNil(c.node(atScreenX: 79, y: 0, screen: screen, viewport: viewport))
            let callee = layout.neighbour(of: web, direction: onwards).flatMap(layout.box(of:))
            let caller = layout.neighbour(of: web, direction: back).flatMap(layout.box(of:))
            let along = { (b: GraphRect) in orientation == .leftToRight ? b.x : b.y }
            XCTAssertGreaterThan(along(callee!), along(box), "\(orientation): a callee is further on")
            XCTAssertLessThan(along(caller!), along(box), "\(orientation): a caller is before")
            XCTAssertTrue(layout.bounds.contains(GraphPoint(x: box.x, y: box.y)))
        }
    }
}
