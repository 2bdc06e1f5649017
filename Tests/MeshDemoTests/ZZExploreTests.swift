import Foundation
import MeshDemo
import MeshModel
import XCTest

final class ZZExploreTests: XCTestCase {
    func testPrint() throws {
        let mesh = DemoFixtures.mesh("synthetic:2000", .events, seed: 11)
        let topo = mesh.topology
        let called = Set(topo.edges.map(\.dst)), callers = Set(topo.edges.map(\.src))
        print("workloads", topo.workloads.count, "edges", topo.edges.count, "uncalled", topo.workloads.filter { !called.contains($0.ref) }.count, "isolated", topo.workloads.filter { !called.contains($0.ref) && !callers.contains($0.ref) }.count)
        for e in mesh.events { print(e) }
        for t in [95.0, 200, 290] {
            var sizes: [Int] = []
            let clock = ContinuousClock()
            let el = clock.measure {
                for proxy in mesh.proxies where mesh.isRunning(proxy.index, at: t) {
                    sizes.append(mesh.metricsBody(proxy.index, at: t).count)
                }
            }
            sizes.sort(by: >)
            print(t, el, sizes.prefix(3), "p50", sizes[sizes.count / 2], "total MB", sizes.reduce(0, +) / 1_000_000)
        }
        let steady = DemoFixtures.mesh("synthetic:2000", .steady, seed: 11)
        let clock = ContinuousClock()
        let el = clock.measure { for proxy in steady.proxies { _ = steady.metricsBody(proxy.index, at: 1000) } }
        print("steady", el)
        let el2 = clock.measure { _ = DemoFixtures.mesh("synthetic:2000", .events, seed: 12) }
        print("init", el2)
    }
}
