import MeshModel
import MeshTUI
import XCTest

final class GraphLayoutTests: XCTestCase {
    static let orientations: [GraphOrientation] = [.leftToRight, .topDown]

    func layout(_ graph: MeshGraph, previous: GraphLayout? = nil, _ orientation: GraphOrientation = .leftToRight) -> GraphLayout {
        GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode), previous: previous, orientation: orientation)
    }

    /// No two boxes overlap; each route starts next to its source's box and ends next to its
    /// destination's, on the sides the orientation says (see ``assertSides``), runs in
    /// horizontal and vertical segments, crosses no box and stays on the canvas.
    func assertInvariants(_ layout: GraphLayout, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let name = "\(name), \(layout.orientation)"
        let boxes = layout.boxes, bounds = layout.bounds
        let byRow = boxes.indices.sorted { boxes[$0].x < boxes[$1].x }
        for (k, i) in byRow.enumerated() {
            for j in byRow[(k + 1)...] {
                if boxes[j].x >= boxes[i].x + boxes[i].width { break }
                XCTAssertFalse(boxes[i].intersects(boxes[j]), "\(name): boxes \(i) and \(j) overlap", file: file, line: line)
            }
            let corners = [GraphPoint(x: boxes[i].x, y: boxes[i].y),
                           GraphPoint(x: boxes[i].x + boxes[i].width - 1, y: boxes[i].y + boxes[i].height - 1)]
            XCTAssertTrue(corners.allSatisfy(bounds.contains), "\(name): box \(i) off the canvas", file: file, line: line)
        }
        XCTAssertEqual(layout.routes.count, layout.topology.links.count, name, file: file, line: line)
        for e in layout.topology.links.indices {
            let route = layout.routes[e]
            guard route.count >= 2 else {
                XCTFail("\(name): edge \(e) has no route", file: file, line: line)
                continue
            }
            assertSides(layout, edge: e, name, file: file, line: line)
            for (a, b) in zip(route, route.dropFirst()) {
                XCTAssertTrue(a.x == b.x || a.y == b.y, "\(name): edge \(e) has a diagonal segment", file: file, line: line)
                let segment = GraphRect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 1, height: abs(a.y - b.y) + 1)
                XCTAssertTrue(bounds.contains(a) && bounds.contains(b), "\(name): edge \(e) leaves the canvas", file: file, line: line)
                if let hit = boxes.firstIndex(where: { $0.intersects(segment) }) {
                    XCTFail("\(name): edge \(e) runs through box \(hit)", file: file, line: line)
                }
            }
        }
    }

    /// A call leaves its caller's far side (right, or bottom) and comes into its callee's near
    /// side (left, or top), so the arrowhead points along the layers; a call back (closing a
    /// cycle) runs from near side to far side, its arrowhead pointing back; a self-call comes
    /// back into its box from the gap before it (above, or left).
    func assertSides(_ layout: GraphLayout, edge e: Int, _ name: String, file: StaticString, line: UInt) {
        let link = layout.topology.links[e], route = layout.routes[e]
        let (far, near): (GraphDirection, GraphDirection) = layout.orientation == .leftToRight ? (.right, .left) : (.down, .up)
        let leaves = layout.boxes[link.from].side(touchedBy: route[0]), arrives = layout.boxes[link.to].side(touchedBy: route.last!)
        let (from, to) = (layout.layers[link.from], layout.layers[link.to])
        let expected: (GraphDirection, GraphDirection) = from < to ? (far, near) : from > to ? (near, far)
            : (far, layout.orientation == .leftToRight ? .up : .left)
        let edge = "\(name): edge \(e), layer \(from) → \(to),"
        XCTAssertEqual(leaves, expected.0, "\(edge) leaves from the wrong side", file: file, line: line)
        XCTAssertEqual(arrives, expected.1, "\(edge) arrives from the wrong side", file: file, line: line)
    }

    func testRandomAcyclicGraphs() {
        for orientation in Self.orientations {
            for seed in 1...8 as ClosedRange<UInt64> {
                assertInvariants(layout(GraphSamples.random(nodes: 30, edges: 60, seed: seed), orientation), "DAG seed \(seed)")
            }
        }
    }

    func testGraphsWithCyclesAndSelfCalls() {
        for orientation in Self.orientations {
            for seed in 1...8 as ClosedRange<UInt64> {
                let graph = GraphSamples.random(nodes: 25, edges: 70, seed: seed, cycles: true, selfCalls: true)
                XCTAssertTrue(graph.edges.contains { $0.from == $0.to }, "the sample has self-calls")
                assertInvariants(layout(graph, orientation), "cyclic seed \(seed)")
            }
        }
    }

    func testATwoNodeCycleAndASelfCall() {
        let a = GraphSamples.ref("a"), b = GraphSamples.ref("b")
        let graph = MeshGraph(nodes: [.init(id: a, role: .workload), .init(id: b, role: .workload)],
                              edges: [.init(from: 0, to: 0, metrics: GoldenMetrics(), mtls: true),
                                      .init(from: 0, to: 1, metrics: GoldenMetrics(), mtls: true),
                                      .init(from: 1, to: 0, metrics: GoldenMetrics(), mtls: true)])
        for (orientation, loopEnd, closingEnd) in [(GraphOrientation.leftToRight, GraphDirection.up, GraphDirection.right),
                                                   (.topDown, .left, .down)] {
            let laid = layout(graph, orientation)
            assertInvariants(laid, "two-cycle")
            XCTAssertEqual(laid.boxes[0].side(touchedBy: laid.routes[0].last!), loopEnd,
                           "\(orientation): the loop comes back on the box")
            XCTAssertEqual(laid.boxes[0].side(touchedBy: laid.routes[2].last!), closingEnd,
                           "\(orientation): the closing edge comes back from the far side")
        }
    }

    func testAFanOutOf50() {
        for orientation in Self.orientations {
            let laid = layout(GraphSamples.fanOut(50), orientation)
            assertInvariants(laid, "fan-out")
            XCTAssertEqual(Set(laid.layers), [0, 1])
        }
    }

    func testTwoHundredNodesAndAThousandEdges() {
        let graph = GraphSamples.random(nodes: 200, edges: 1000, seed: 42, cycles: true)
        XCTAssertEqual(graph.edges.count, 1000)
        for orientation in Self.orientations { assertInvariants(layout(graph, orientation), "200/1000") }
    }

    func testTheEmojivotoSample() {
        for orientation in Self.orientations { assertInvariants(layout(GraphSamples.emojivoto, orientation), "emojivoto") }
    }

    func testTheSameInputGivesTheSameLayout() {
        let graph = GraphSamples.random(nodes: 40, edges: 90, seed: 7, cycles: true)
        for orientation in Self.orientations { XCTAssertEqual(layout(graph, orientation), layout(graph, orientation)) }
    }

    func testARateChangeKeepsTheLayout() {
        let graph = GraphSamples.random(nodes: 40, edges: 90, seed: 3)
        for orientation in Self.orientations {
            let first = layout(graph, orientation)
            XCTAssertEqual(layout(GraphSamples.withNewRates(graph, factor: 3.5), previous: first, orientation), first)
        }
    }

    /// Layering and ordering don't depend on the orientation: top-down shows the same layers
    /// in the same order as left to right, and turning a layout keeps its order.
    func testBothOrientationsShareTheLayersAndTheOrder() {
        let graph = GraphSamples.random(nodes: 40, edges: 90, seed: 11, cycles: true, selfCalls: true)
        let across = layout(graph), down = layout(graph, .topDown)
        XCTAssertEqual(down.layers, across.layers)
        XCTAssertEqual(down.columns, across.columns)
        XCTAssertEqual(layout(graph, previous: across, .topDown).columns, across.columns)
        XCTAssertEqual(layout(graph, previous: down, .topDown), down, "the same topology and orientation: the same layout")
    }

    /// A newcomer that is a new caller, a new callee, or sits between two nodes with a layer
    /// free between them. (One between two adjacent layers pushes its callee on.)
    func testANewNodeKeepsTheOthersInTheirLayersAndOrder() {
        for orientation in Self.orientations {
            for seed in 1...6 as ClosedRange<UInt64> {
                let graph = GraphSamples.random(nodes: 30, edges: 50, seed: seed)
                let before = layout(graph, orientation)
                let roomy = graph.edges.first { before.layers[$0.to] - before.layers[$0.from] >= 2 }!
                for (caller, callee) in [(3, nil), (nil, 5), (roomy.from, roomy.to)] as [(Int?, Int?)] {
                    var grown = graph
                    grown.nodes.append(MeshGraph.Node(id: GraphSamples.ref("newcomer"), role: .workload))
                    if let caller { grown.edges.append(.init(from: caller, to: 30, metrics: GoldenMetrics(), mtls: true)) }
                    if let callee { grown.edges.append(.init(from: 30, to: callee, metrics: GoldenMetrics(), mtls: true)) }
                    let after = layout(grown, previous: before, orientation)
                    let name = "seed \(seed), newcomer \(String(describing: caller)) → \(String(describing: callee))"
                    assertInvariants(after, name)
                    let shift = after.layers[0] - before.layers[0]
                    XCTAssertEqual(Array(after.layers.prefix(30)).map { $0 - shift }, before.layers, "\(name): layers")
                    XCTAssertEqual(after.columns.map { $0.filter(isOldNode) }, before.columns.map { $0.filter(isOldNode) }
                        .enumerated().map { $0.element }.shifted(by: shift, count: after.columns.count), "\(name): order")
                }
            }
        }
    }

    private func isOldNode(_ key: GraphLayout.ItemKey) -> Bool {
        if case .node(let ref) = key { return ref.name != "newcomer" }
        return false
    }
}

private extension Array where Element == [GraphLayout.ItemKey] {
    /// The columns moved `shift` to the right, padded with empty ones to `count`.
    func shifted(by shift: Int, count: Int) -> [[GraphLayout.ItemKey]] {
        var out = Array(repeating: [GraphLayout.ItemKey](), count: Swift.max(0, shift)) + self
        while out.count < count { out.append([]) }
        return out
    }
}
