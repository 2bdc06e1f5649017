import MeshDemo
import MeshModel
import XCTest

/// The events scenario's script shows in the bodies at the scripted times, every cycle.
final class DemoEventTests: XCTestCase {
    private static let mesh = DemoFixtures.mesh("emojivoto", .events)

    private func body(_ pod: DemoProxy, _ t: Double) -> ScannedBody {
        ScannedBody(Self.mesh.metricsBody(pod.index, at: t))
    }

    /// Inbound success ratio of `workload`'s pods between `t0` and `t1`.
    private func inboundSuccess(_ workload: String, _ t0: Double, _ t1: Double) -> Double {
        var ok = 0.0, all = 0.0
        for pod in Self.mesh.proxies where pod.workload.name == workload && pod.index < 7 {
            let app = ["direction": "inbound", "target_port": "8080"]
            let before = body(pod, t0), after = body(pod, t1)
            ok += after.sum("response_total", app.merging(["classification": "success"]) { $1 })
                - before.sum("response_total", app.merging(["classification": "success"]) { $1 })
            all += after.sum("response_total", app) - before.sum("response_total", app)
        }
        return ok / all
    }

    func testScriptStartsWithin30SecondsAndRepeats() {
        XCTAssertEqual(Self.mesh.events.count, 5)
        XCTAssertLessThanOrEqual(Self.mesh.events.map(\.startSeconds).min()!, 30)
        XCTAssertTrue(Self.mesh.events.allSatisfy { $0.startSeconds + $0.durationSeconds <= DemoScenario.cycleSeconds })
        XCTAssertEqual(DemoFixtures.mesh("emojivoto").events, [])
        XCTAssertEqual(DemoFixtures.mesh("emojivoto").proxies.count, 7)
        XCTAssertEqual(Self.mesh.proxies.count, 8, "plus the pod the scale-up adds")
        XCTAssertEqual(Self.mesh.events(at: 10), [])
        XCTAssertEqual(Self.mesh.events(at: 75).map(\.startSeconds), [20, 70], "deploy and spike overlap")
        XCTAssertEqual(Self.mesh.events(at: 435).map(\.startSeconds), [130], "the restart, next cycle")
        XCTAssertEqual(Self.mesh.events[0].description, "0:20-1:20 deploy emojivoto/deployment/voting: success x0.7")
    }

    func testDeployDropsVotingSuccessFor60Seconds() {
        XCTAssertEqual(inboundSuccess("voting", -280, 20), 0.99, accuracy: 0.003, "steady before t = 0")
        XCTAssertEqual(inboundSuccess("voting", 22, 78), 0.693, accuracy: 0.02)
        XCTAssertEqual(inboundSuccess("voting", 82, 318), 0.99, accuracy: 0.003)
        XCTAssertEqual(inboundSuccess("voting", 322, 378), 0.693, accuracy: 0.02, "again next cycle")
    }

    func testLatencySpikeMultipliesWebToEmojiP99() {
        let web = DemoFixtures.proxy(Self.mesh, pod: "web")
        let toEmoji = ["direction": "outbound", "dst_deployment": "emoji"]
        let normal = DemoFixtures.quantile(0.99, body(web, 10), body(web, 65), toEmoji)
        let spiked = DemoFixtures.quantile(0.99, body(web, 72), body(web, 113), toEmoji)
        XCTAssertEqual(normal, 9, accuracy: 2)
        XCTAssertGreaterThan(spiked, normal * 5, "p99 ×10 while it lasts")
        let after = DemoFixtures.quantile(0.99, body(web, 120), body(web, 170), toEmoji)
        XCTAssertEqual(after, normal, accuracy: 2)
    }

    func testRestartResetsOnePodsCounters() {
        let emoji = DemoFixtures.proxy(Self.mesh, pod: "emoji")
        let before = body(emoji, 129.9), after = body(emoji, 130.5)
        XCTAssertLessThan(before.sum("process_start_time_seconds"), Self.mesh.epochSeconds - 3_600)
        XCTAssertEqual(after.sum("process_start_time_seconds"), Self.mesh.epochSeconds + 130, accuracy: 0.001)
        XCTAssertGreaterThan(before.sum("request_total", ["direction": "inbound"]), 10_000)
        XCTAssertLessThan(after.sum("request_total", ["direction": "inbound"]), 10)
        XCTAssertGreaterThan(body(emoji, 160).sum("request_total", ["direction": "inbound"]), 150, "counting again")
        let other = Self.mesh.proxies.first { $0.workload.name == "emoji" && $0.index != emoji.index }!
        XCTAssertEqual(body(other, 129.9).sum("process_start_time_seconds"), body(other, 130.5).sum("process_start_time_seconds"))
    }

    func testScaleAddsAPodThatLaterVanishes() throws {
        let added = Self.mesh.proxies[7]
        XCTAssertEqual(added.workload.name, "web")
        XCTAssertEqual(added.pod.split(separator: "-").dropLast().joined(separator: "-"),
                       Self.mesh.proxies[1].pod.split(separator: "-").dropLast().joined(separator: "-"), "same ReplicaSet")
        XCTAssertEqual([10, 149.9, 150, 239.9, 240, 449, 451].map { Self.mesh.isRunning(7, at: $0) },
                       [false, false, true, true, false, false, true])
        XCTAssertEqual(Self.mesh.metricsBody(7, at: 100), [])
        let voteBot = DemoFixtures.proxy(Self.mesh, pod: "vote-bot")
        let toAdded = ["direction": "outbound", "dst_pod": added.pod]
        XCTAssertEqual(body(voteBot, 149).values("request_total", toAdded).count, 0)
        XCTAssertGreaterThan(body(voteBot, 200).sum("request_total", toAdded), 50, "a third of vote-bot's calls")
        XCTAssertEqual(body(voteBot, 298).values("request_total", toAdded).count, 1, "kept while idle")
        XCTAssertEqual(body(voteBot, 301).values("request_total", toAdded).count, 0, "gone 60 s after the pod")
        let newcomer = body(added, 151)
        XCTAssertEqual(newcomer.sum("process_start_time_seconds"), Self.mesh.epochSeconds + 150, accuracy: 0.001)
        XCTAssertLessThan(newcomer.sum("request_total", ["direction": "inbound", "target_port": "8080"]), 15)
    }

    func testIdleEdgeFreezesVanishesAndComesBackFromZero() {
        let web = DemoFixtures.proxy(Self.mesh, pod: "web")
        let api = ["direction": "outbound", "authority": "api.example.com:443"]
        let frozen = body(web, 185).sum("request_total", api)
        XCTAssertGreaterThan(frozen, 1_000)
        XCTAssertEqual(body(web, 235).sum("request_total", api), frozen, "no traffic while idle")
        XCTAssertEqual(body(web, 245).values("request_total", api).count, 0, "dropped after the retention time")
        XCTAssertEqual(body(web, 245).values("tcp_open_connections", api).count, 0)
        let back = body(web, 290).sum("request_total", api)
        XCTAssertGreaterThan(back, 0)
        XCTAssertLessThan(back, 20, "a new series, from zero")
    }
}
