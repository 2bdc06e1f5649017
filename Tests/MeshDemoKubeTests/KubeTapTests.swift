import Foundation
import MeshKube
import MeshSources
import MeshTap
import XCTest

/// `KubeTap`, meshtop's client of the tap API, against the demo's API server: a stream that goes
/// quiet is opened again with a notice, and a refusal ends the tap with its problem.
final class KubeTapTests: XCTestCase {
    private static let web = TapResource(namespace: "emojivoto", kind: .deployment, name: "web")

    private func client(_ fixture: DemoKubeFixture, context: String? = nil) throws -> KubeClient {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-kubetap-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = try fixture.api.writeKubeconfig(to: folder.appendingPathComponent("kubeconfig").path).kubeconfig
        let chosen = try KubeconfigOptions(kubeconfig: path, context: context, namespace: nil, allNamespaces: false)
            .resolve(environment: [:])
        return KubeClient(selection: chosen.selection)
    }

    /// Runs `tap` for `seconds`, collecting what it delivers.
    private func run(_ tap: KubeTap, seconds: Int) throws -> (events: Int, notices: [String]) {
        var (events, notices) = (0, [String]())
        let start = ContinuousClock.now
        try tap.run(fetcher: HTTPFetcher(limits: FetchLimits(maxConcurrent: 1)),
                    stopped: { ContinuousClock.now - start > .seconds(seconds) }) { update in
            switch update {
            case .event: events += 1
            case .notice(let text): notices.append(text)
            }
        }
        return (events, notices)
    }

    func testAQuietStreamIsOpenedAgainWithANotice() throws {
        let fixture = try DemoKubeFixture()
        // The demo never sends DELETE: the stream stays open and silent.
        var tap = KubeTap(client: try client(fixture), request: TapRequest(target: Self.web, filter: TapFilter(method: "DELETE")))
        tap.quietSeconds = 1
        let (events, notices) = try run(tap, seconds: 4)
        XCTAssertEqual(events, 0)
        XCTAssertTrue(notices.contains { $0.hasPrefix("no tap data for 1 s; reconnecting") }, "\(notices)")
    }

    func testAStreamWithTrafficDeliversEventsAndNoNotice() throws {
        let fixture = try DemoKubeFixture()
        let (events, notices) = try run(KubeTap(client: try client(fixture), request: TapRequest(target: Self.web)), seconds: 2)
        XCTAssertGreaterThan(events, 30, "web serves about 10 requests a second and makes about 17")
        XCTAssertEqual(notices, [])
    }

    func testARefusalEndsTheTapWithItsProblem() throws {
        let fixture = try DemoKubeFixture()
        let tap = KubeTap(client: try client(fixture, context: "demo-forbidden"), request: TapRequest(target: Self.web))
        XCTAssertThrowsError(try run(tap, seconds: 5)) { error in
            guard case .forbidden(let target, let role, _)? = error as? TapProblem else { return XCTFail("\(error)") }
            XCTAssertEqual(target, Self.web)
            XCTAssertEqual(role, "linkerd-linkerd-viz-tap-admin")
        }
    }
}
