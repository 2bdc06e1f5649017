import MeshKube
import MeshModel
import XCTest

final class PodSetTests: XCTestCase {
    private func workload(_ kind: String, _ name: String) -> WorkloadRef {
        WorkloadRef(namespace: "emojivoto", kind: kind, name: name)
    }

    private func counts(_ set: PodSet) -> [String: String] {
        Dictionary(uniqueKeysWithValues: set.meshedCounts().map { ("\($0.key.kind)/\($0.key.name)", $0.value.description) })
    }

    func testTargetsOfTheListAreTheMeshedRunningPodsInOrder() throws {
        let set = PodSet(list: try PodFixture.emojivotoList())
        XCTAssertEqual(set.resourceVersion, "48250")
        XCTAssertEqual(set.pods.count, 9)
        let targets = set.scrapeTargets(route: .direct)
        XCTAssertEqual(targets.map { "\($0.workload.kind)/\($0.workload.name) \($0.pod) \($0.url)" }, [
            "deployment/emoji emoji-6c9b8f7d5-q7wzk http://10.42.0.21:4191/metrics",
            "deployment/legacy-api legacy-api-5d6f7b8c9-r2t4w http://10.42.0.61:4191/metrics",
            "deployment/vote-bot vote-bot-7b9f5c8d4-m2xvt http://10.42.0.41:4191/metrics",
            "deployment/voting voting-5f8d9c6b7-h4jpl http://10.42.0.31:4191/metrics",
            "deployment/web web-7d9c8b5f4-b8r4m http://10.42.0.12:4191/metrics",
            "deployment/web web-7d9c8b5f4-x2kq9 http://10.42.0.11:4191/metrics",
        ])
        XCTAssertEqual(set.scrapeTargets(route: .apiServer(server: "https://k:6443")).first?.url,
                       "https://k:6443/api/v1/namespaces/emojivoto/pods/emoji-6c9b8f7d5-q7wzk:4191/proxy/metrics")
    }

    func testMeshedCountsAreOfRunningPods() throws {
        let set = PodSet(list: try PodFixture.emojivotoList())
        XCTAssertEqual(counts(set), [
            "deployment/web": "2/3",
            "deployment/emoji": "1/1",
            "deployment/voting": "1/1",
            "deployment/vote-bot": "1/1",
            "deployment/legacy-api": "1/1",
            "job/db-migrate": "0/0",
        ])
    }

    func testWatchKeepsTheSetCurrentUntilGone() throws {
        var set = PodSet(list: try PodFixture.emojivotoList())
        var decoder = PodWatchDecoder()
        decoder.append(try PodFixture.emojivotoWatch())
        var outcomes: [PodSet.Outcome] = []
        var versions: [String] = []
        while let event = try decoder.next() {
            outcomes.append(set.apply(event))
            versions.append(set.resourceVersion)
        }
        XCTAssertEqual(versions, ["48260", "48262", "48270", "48301", "48301"])
        XCTAssertEqual(outcomes.dropLast(), [.applied, .applied, .applied, .applied])
        XCTAssertEqual(outcomes.last, .relistNeeded(PodAPIStatus(code: 410, reason: "Expired",
                                                                  message: "too old resource version: 48250 (48320)",
                                                                  kind: "Status")))
        XCTAssertEqual(counts(set)["deployment/web"], "2/3")
        XCTAssertEqual(counts(set)["deployment/emoji"], "2/2")
        let pods = set.scrapeTargets(route: .direct).map(\.pod)
        XCTAssertTrue(pods.contains("web-7d9c8b5f4-n6w9d"))
        XCTAssertTrue(pods.contains("emoji-6c9b8f7d5-pnd9x"))
        XCTAssertFalse(pods.contains("web-7d9c8b5f4-x2kq9"))
        XCTAssertNil(set.pods[PodSet.Key(namespace: "emojivoto", name: "web-7d9c8b5f4-x2kq9")])
    }

    func testOtherWatchErrorsEndTheWatchWithoutAVersionChange() throws {
        var set = PodSet(list: try PodFixture.emojivotoList())
        let status = PodAPIStatus(code: 500, reason: "InternalError", message: "etcd timeout")
        XCTAssertEqual(set.apply(.error(status)), .watchEnded(status))
        XCTAssertEqual(set.apply(.error(PodAPIStatus(reason: "Gone"))), .relistNeeded(PodAPIStatus(reason: "Gone")))
        XCTAssertEqual(set.resourceVersion, "48250")
        XCTAssertEqual(set.pods.count, 9)
    }

    func testModifiedPodThatStopsRunningLeavesTheTargets() throws {
        var set = PodSet(list: PodList(resourceVersion: "1", items: [PodFixture.pod()]))
        XCTAssertEqual(set.scrapeTargets(route: .direct).count, 1)
        XCTAssertEqual(set.apply(.modified(PodFixture.pod { $0.status.phase = "Failed" })), .applied)
        XCTAssertEqual(set.scrapeTargets(route: .direct), [])
        XCTAssertEqual(set.meshedCounts(), [workload("deployment", "web"): PodMeshedCount(meshed: 0, total: 0)])
        XCTAssertEqual(set.resourceVersion, "1", "an event without a version keeps the last one")
    }
}
