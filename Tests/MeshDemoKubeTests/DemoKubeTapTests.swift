import Foundation
import MeshDemo
import MeshDemoKube
import MeshSources
import MeshTap
import XCTest

/// The demo API server's tap API over real HTTPS on 127.0.0.1, with the demo kubeconfig's
/// credentials, read with meshtop's libcurl fetcher and decoded and paired with meshtop's own
/// tap types: the events follow the traffic model, `maxRps` and the match filters hold, and the
/// errors are the ones Linkerd's tap server and the Kubernetes API server give.
final class DemoKubeTapTests: XCTestCase {
    private static let web = TapResource(namespace: "emojivoto", kind: .deployment, name: "web")
    private static let emojivoto = TapResource(namespace: "", kind: .namespace, name: "emojivoto")

    func testATapOfWebPairsIntoTheTopologysRequestsLabelledAsLinkerdLabelsThem() throws {
        let fixture = try DemoKubeFixture()
        let outcome = tap(fixture, TapRequest(target: Self.web), seconds: 3)
        XCTAssertEqual(outcome.status, 200, outcome.text)
        XCTAssertNil(outcome.linkerdError)
        XCTAssertNil(outcome.streamError)
        // web takes 10 requests a second and makes 17.3: dozens of them end within 3 seconds.
        XCTAssertGreaterThan(outcome.requests.count, 20)
        XCTAssertEqual(outcome.pairing.unknownStream, 0, "every response event follows its request")

        let pods = Dictionary(fixture.mesh.proxies.map { ($0.pod, $0) }) { first, _ in first }
        let loadgen = try XCTUnwrap(fixture.mesh.unmeshedPods.first)
        for request in outcome.requests {
            let method = request.request.method?.description ?? ""
            XCTAssertTrue(["GET", "POST"].contains(method), method)
            XCTAssertTrue([200, 500].contains(request.response?.httpStatus ?? 0))
            XCTAssertGreaterThan(request.latency ?? .zero, .zero)
            let source = request.source.labels, destination = request.destination.labels
            switch request.direction {
            case .inbound:
                XCTAssertEqual(destination["deployment"], "web")
                XCTAssertEqual(destination["tls"], "loopback", "the inbound proxy's own side")
                let pod = try XCTUnwrap(pods[destination["pod"] ?? ""], "\(destination)")
                XCTAssertEqual(request.destination.address.description, pod.podIP + ":8080")
                XCTAssertEqual(destination["serviceaccount"], "web")
                if source["deployment"] == "vote-bot" {
                    XCTAssertEqual(source["tls"], "true")
                    XCTAssertEqual(source["client_id"], "default.emojivoto.serviceaccount.identity.linkerd.cluster.local")
                    XCTAssertEqual(source["namespace"], "emojivoto")
                } else {
                    XCTAssertEqual(source["deployment"], "loadgen", "\(source)")
                    XCTAssertEqual(source["tls"], "no_tls_from_remote")
                    XCTAssertNil(source["client_id"])
                    XCTAssertEqual(source["pod"], loadgen.name, "the tap server finds the unmeshed pod by its IP")
                    XCTAssertEqual(source["namespace"], "ingress")
                    XCTAssertEqual(request.source.address.ip.description, loadgen.ip)
                }
            case .outbound:
                XCTAssertEqual(source["deployment"], "web")
                XCTAssertEqual(source["tls"], "loopback", "the outbound proxy's own side")
                XCTAssertNotNil(pods[source["pod"] ?? ""], "\(source)")
                if let callee = destination["deployment"] {
                    XCTAssertTrue(["emoji", "voting"].contains(callee), callee)
                    XCTAssertEqual(destination["tls"], "true")
                    XCTAssertEqual(destination["server_id"], "\(callee).emojivoto.serviceaccount.identity.linkerd.cluster.local")
                    XCTAssertEqual(destination["namespace"], "emojivoto")
                    let pod = try XCTUnwrap(pods[destination["pod"] ?? ""], "\(destination)")
                    XCTAssertEqual(pod.workload.name, callee)
                    XCTAssertEqual(request.request.authority, "\(callee).emojivoto.svc.cluster.local:80")
                } else {
                    XCTAssertEqual(destination, ["tls": "not_provided_by_service_discovery"], "only what the proxy knows")
                    XCTAssertEqual(request.request.authority, "api.example.com:443")
                    XCTAssertEqual(request.destination.address.port, 443)
                }
            case .unknown:
                XCTFail("no direction: \(request)")
            }
        }
        let directions = Set(outcome.requests.map(\.direction))
        XCTAssertEqual(directions, [.inbound, .outbound], "web both answers and calls")
    }

    func testMaxRpsTwoGivesAtMostTwoRequestsASecond() throws {
        let fixture = try DemoKubeFixture()
        let seconds = 3.0
        let outcome = tap(fixture, TapRequest(target: Self.emojivoto, maxRPS: 2), seconds: seconds)
        XCTAssertEqual(outcome.status, 200, outcome.text)
        // The cut is per second of the clock: a 3-second tap touches at most 4 of them.
        XCTAssertLessThanOrEqual(outcome.requests.count, 2 * (Int(seconds) + 1))
        XCTAssertGreaterThanOrEqual(outcome.requests.count, 2, "the namespace makes ~60 a second")
    }

    func testAMethodFilterKeepsOnlyThatMethod() throws {
        let fixture = try DemoKubeFixture()
        let outcome = tap(fixture, TapRequest(target: Self.emojivoto, filter: TapFilter(method: "post")), seconds: 2)
        XCTAssertEqual(outcome.status, 200, outcome.text)
        XCTAssertFalse(outcome.requests.isEmpty)
        XCTAssertEqual(Set(outcome.requests.map { $0.request.method?.description }), ["POST"])
        XCTAssertTrue(outcome.requests.allSatisfy { $0.request.path.hasSuffix("/update") })
    }

    func testDemoForbiddenMayNotTapAsTheAPIServerSays() throws {
        let fixture = try DemoKubeFixture()
        let request = TapRequest(target: Self.web)
        let outcome = tap(fixture, request, .token(fixture.token("demo-forbidden")), seconds: 2)
        XCTAssertEqual(outcome.status, 403)
        XCTAssertEqual(outcome.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.tap.linkerd.io \"web\" is forbidden: User \"demo-forbidden\" cannot watch resource \"deployments/tap\" in API group \"tap.linkerd.io\" in the namespace \"emojivoto\"","reason":"Forbidden","details":{"name":"web","group":"tap.linkerd.io","kind":"deployments"},"code":403}"#)
        guard case .forbidden(let target, _, _)? = outcome.problem(request) else {
            return XCTFail("\(String(describing: outcome.problem(request)))")
        }
        XCTAssertEqual(target, Self.web)

        let namespace = tap(fixture, TapRequest(target: Self.emojivoto), .token(fixture.token("demo-forbidden")), seconds: 2)
        XCTAssertEqual(namespace.status, 403)
        XCTAssertTrue(namespace.text.contains(#"tap.tap.linkerd.io is forbidden: User \"demo-forbidden\" cannot watch resource \"tap\" in API group \"tap.linkerd.io\" in the namespace \"emojivoto\""#),
                      "Kubernetes reads the namespace form as a resource named tap: \(namespace.text)")
        XCTAssertEqual(tap(fixture, request, .token(fixture.token("demo-no-proxy")), seconds: 1).status, 200,
                       "a user who may read pods may tap them")
    }

    func testANamespaceWithoutMeshedPodsHasNoPodsToTap() throws {
        let fixture = try DemoKubeFixture()
        let request = TapRequest(target: TapResource(namespace: "", kind: .namespace, name: "default"))
        let started = Date()
        let outcome = tap(fixture, request, seconds: 5)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "an error answer is whole, not a stream")
        XCTAssertEqual(outcome.status, 200, "the tap server's errors are 200s with a linkerd-error header")
        XCTAssertEqual(outcome.linkerdError, "Internal Server Error")
        XCTAssertEqual(outcome.problem(request), .noPodsMatched(request.target, labelSelector: ""))
        XCTAssertEqual(outcome.body, TapErrorFrame.encode("no pods to tap for namespace/default\n"))
    }

    func testAGarbageBodyAMismatchedBodyAndAMissingTargetAreTheTapServersErrors() throws {
        let fixture = try DemoKubeFixture()
        let request = TapRequest(target: Self.web)
        let garbage = tap(fixture, request, body: [0xFF, 0xFF, 0xFF, 0xFF], seconds: 2)
        XCTAssertEqual(garbage.linkerdError, "Internal Server Error")
        guard case .failed(200, let detail)? = garbage.problem(request) else {
            return XCTFail("\(String(describing: garbage.problem(request)))")
        }
        XCTAssertTrue(detail.hasPrefix("Error decoding Tap Request proto"), detail)

        let emoji = TapRequest(target: TapResource(namespace: "emojivoto", kind: .deployment, name: "emoji"))
        let mismatch = tap(fixture, request, body: emoji.body(), seconds: 2)
        XCTAssertEqual(mismatch.linkerdError, "Internal Server Error")
        XCTAssertEqual(mismatch.body, TapErrorFrame.encode(
            #"tap request body did not match APIServer URL: "\#(emoji.apiPath)" != "\#(request.apiPath)""#))

        let missing = TapRequest(target: TapResource(namespace: "emojivoto", kind: .deployment, name: "nope"))
        guard case .targetNotFound(_, let message)? = tap(fixture, missing, seconds: 2).problem(missing) else {
            return XCTFail("a missing deployment is not found")
        }
        XCTAssertEqual(message, #"deployment.apps "nope" not found"#)
    }

    func testUnknownResourceTypesAndOtherPathsUnderTheGroupAre404() throws {
        let fixture = try DemoKubeFixture()
        for path in ["/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/foos/web/tap",
                     "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/namespaces/x/tap",
                     "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/deployments/web",
                     "/apis/tap.linkerd.io/v1alpha1"] {
            var request = fixture.request(path, accept: nil)
            request.body = TapRequest(target: Self.web).body()
            let answer = fixture.fetch([request], totalSeconds: 3)[0]
            XCTAssertEqual(answer.status, 404, path)
            XCTAssertTrue(answer.text.contains(#""reason":"NotFound""#), answer.text)
        }
        XCTAssertEqual(fixture.get(TapRequest(target: Self.web).apiPath, totalSeconds: 3).status, 405, "a tap is a POST")
    }

    // MARK: - Tapping

    /// What a tap got: the answer, and the events decoded and paired as they came.
    private struct Outcome {
        var status = 0
        var linkerdError: String?
        /// Every byte of the body (the error answer's too).
        var body: [UInt8] = []
        var requests: [TappedRequest] = []
        var pairing = TapPairingCounts()
        var streamError: TapStreamError?

        var text: String { String(decoding: body, as: UTF8.self) }

        func problem(_ request: TapRequest) -> TapProblem? {
            TapProblem.classify(status: status, linkerdError: linkerdError, body: body, request: request)
        }
    }

    /// POSTs `request` (or `body`) to its tap path and reads the stream for `seconds`, then hangs up.
    private func tap(_ fixture: DemoKubeFixture, _ request: TapRequest, _ credentials: DemoKubeFixture.Credentials = .certificate,
                     body: [UInt8]? = nil, seconds: Double) -> Outcome {
        var fetch = fixture.request(request.apiPath, credentials, accept: nil)
        fetch.body = body ?? request.body()
        fetch.keptHeaders = ["linkerd-error"]
        let fetcher = HTTPFetcher(limits: FetchLimits(totalTimeoutMs: Int((seconds + 5) * 1000)))
        let started = Date()
        let deadline = started.addingTimeInterval(seconds)
        var outcome = Outcome()
        var decoder = TapEventDecoder()
        var pairing = TapPairing()
        fetcher.streamEach([fetch], receive: { _, chunk in
            outcome.body.append(contentsOf: chunk)
            guard outcome.streamError == nil else { return }
            let atMs = Int64(Date().timeIntervalSince(started) * 1000)
            do throws(TapStreamError) {
                for event in try decoder.events(from: chunk) {
                    if let done = pairing.add(event, atMs: atMs) { outcome.requests.append(done) }
                }
            } catch {
                outcome.streamError = error
            }
        }, stopped: { Date() >= deadline }) { _, result in
            outcome.linkerdError = result.headers["linkerd-error"]
            switch result.error {
            case nil, .other("stopped"): outcome.status = 200
            case .httpStatus(let code): (outcome.status, outcome.body) = (code, result.errorBody)
            case let error?: XCTFail("tap failed: \(error)")
            }
        }
        outcome.pairing = pairing.counts
        return outcome
    }
}
