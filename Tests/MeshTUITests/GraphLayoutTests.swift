import MeshModel
import MeshTUI
import XCTest

final class GraphLayoutTests: XCTestCase {
    func layout(_ graph: MeshGraph, previous: GraphLayout? = nil) -> GraphLayout {
        GraphLayout.make(GraphCanvas.topology(of: graph, glyphs: .unicode), previous: previous)
    }

    /// No two boxes overlap; each route starts next to its source's box and ends next to its
    /// destination's, runs in horizontal and vertical segments, crosses no box and stays on the canvas.
    func assertInvariants(_ layout: GraphLayout, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let boxes = layout.boxes, bounds = layout.bounds
        let byRow = boxes.indices.sorted { boxes[$0].x < boxes[$1].x }
        for (k, i) in byRow.enumerated() {
            for j in byRow[(k + 1)...] {
                if boxes[j].x >= boxes[i].x + boxes[i].width { break }
                XCTAssertFalse(boxes[i].intersects(boxes[j]), "\(name): boxes \(i) and \(j) overlap", file: file, line: line)
            }
            XCTAssertTrue(bounds.contains(GraphPoint(x: boxes[i].x, y: boxes[i].y)), "\(name): box \(i) off the canvas", file: file, line: line)
        }
        XCTAssertEqual(layout.routes.count, layout.topology.links.count, name, file: file, line: line)
        for (e, link) in layout.topology.links.enumerated() {
            let route = layout.routes[e]
            guard let first = route.first, let last = route.last, route.count >= 2 else {
                XCTFail("\(name): edge \(e) has no route", file: file, line: line)
                continue
            }
            XCTAssertNotNil(boxes[link.from].side(touchedBy: first), "\(name): edge \(e) leaves away from its source", file: file, line: line)
            XCTAssertNotNil(boxes[link.to].side(touchedBy: last), "\(name): edge \(e) ends away from its destination", file: file, line: line)
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

    func testRandomAcyclicGraphs() {
        for seed in 1...8 as ClosedRange<UInt64> {
            assertInvariants(layout(GraphSamples.random(nodes: 30, edges: 60, seed: seed)), "DAG seed \(seed)")
        }
    }

    func testGraphsWithCyclesAndSelfCalls() {
        for seed in 1...8 as ClosedRange<UInt64> {
            let graph = GraphSamples.random(nodes: 25, edges: 70, seed: seed, cycles: true, selfCalls: true)
            XCTAssertTrue(graph.edges.contains { $0.from == $0.to }, "the sample has self-calls")
            assertInvariants(layout(graph), "cyclic seed \(seed)")
        }
    }

    func testATwoNodeCycleAndASelfCall() {
        let a = GraphSamples.ref("a"), b = GraphSamples.ref("b")
        let graph = MeshGraph(nodes: [.init(id: a, role: .workload), .init(id: b, role: .workload)],
                              edges: [.init(from: 0, to: 0, metrics: GoldenMetrics(), mtls: true),
                                      .init(from: 0, to: 1, metrics: GoldenMetrics(), mtls: true),
                                      .init(from: 1, to: 0, metrics: GoldenMetrics(), mtls: true)])
        let laid = layout(graph)
        assertInvariants(laid, "two-cycle")
        XCTAssertEqual(laid.boxes[0].side(touchedBy: laid.routes[0].last!), .up, "the loop comes down on the box")
        XCTAssertEqual(laid.boxes[0].side(touchedBy: laid.routes[2].last!), .right, "the closing edge arrives from the right")
    }

    func testAFanOutOf50() {
        let laid = layout(GraphSamples.fanOut(50))
        assertInvariants(laid, "fan-out")
        XCTAssertEqual(Set(laid.layers), [0, 1])
    }

    func testTwoHundredNodesAndAThousandEdges() {
        let graph = GraphSamples.random(nodes: 200, edges: 1000, seed: 42, cycles: true)
        XCTAssertEqual(graph.edges.count, 1000)
        assertInvariants(layout(graph), "200/1000")
    }

    func testTheEmojivotoSample() {
        assertInvariants(layout(GraphSamples.emojivoto), "emojivoto")
    }

    func testTheSameInputGivesTheSameLayout() {
        let graph = GraphSamples.random(nodes: 40, edges: 90, seed: 7, cycles: true)
        XCTAssertEqual(layout(graph), layout(graph))
    }

    func testARateChangeKeepsTheLayout() {
        let graph = GraphSamples.random(nodes: 40, edges: 90, seed: 3)
        let first = layout(graph)
        XCTAssertEqual(layout(GraphSamples.withNewRates(graph, factor: 3.5), previous: first), first)
    }

    /// A newcomer that is a new caller, a new callee, or sits between two nodes with a layer
    /// free between them. (One between two adjacent layers pushes its callee right.)
    func testANewNodeKeepsTheOthersInTheirLayersAndOrder() {
        for seed in 1...6 as ClosedRange<UInt64> {
            let graph = GraphSamples.random(nodes: 30, edges: 50, seed: seed)
            let before = layout(graph)
            let roomy = graph.edges.first { before.layers[$0.to] - before.layers[$0.from] >= 2 }!
            for (caller, callee) in [(3, nil), (nil, 5), (roomy.from, roomy.to)] as [(Int?, Int?)] {
                var grown = graph
                grown.nodes.append(MeshGraph.Node(id: GraphSamples.ref("newcomer"), role: .workload))
                if let caller { grown.edges.append(.init(from: caller, to: 30, metrics: GoldenMetrics(), mtls: true)) }
                if let callee { grown.edges.append(.init(from: 30, to: callee, metrics: GoldenMetrics(), mtls: true)) }
                let after = layout(grown, previous: before)
                let name = "seed \(seed), newcomer \(String(describing: caller)) → \(String(describing: callee))"
                assertInvariants(after, name)
                let shift = after.layers[0] - before.layers[0]
                XCTAssertEqual(Array(after.layers.prefix(30)).map { $0 - shift }, before.layers, "\(name): layers")
                XCTAssertEqual(after.columns.map { $0.filter(isOldNode) }, before.columns.map { $0.filter(isOldNode) }
                    .enumerated().map { $0.element }.shifted(by: shift, count: after.columns.count), "\(name): order")
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
