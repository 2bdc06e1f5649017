import XCTest
@testable import MeshTap

/// Error answers of the tap API, read and put in words a user can act on.
final class TapProblemTests: XCTestCase {
    let request = TapRequest(target: TapResource(namespace: "emojivoto", kind: .deployment, name: "web"))
    var target: TapResource { request.target }

    /// The tap server's error body: one frame holding `ApiError { string error = 1 }`.
    func apiError(_ message: String) -> [UInt8] { Wire.frame(Wire.string(1, message)) }

    func status(_ code: Int, reason: String, message: String) -> [UInt8] {
        Array(#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"\#(message)","reason":"\#(reason)","code":\#(code)}"#.utf8)
    }

    func testClassification() {
        let forbidden = #"deployments.tap.linkerd.io \"web\" is forbidden: User \"jane\" cannot watch resource \"deployments/tap\" in API group \"tap.linkerd.io\" in the namespace \"emojivoto\""#
        let notEnabled = "no pods to tap for deployment/web\n2 pods found with tap not enabled:\n\t* web-1\n\t* web-2\n"
            + "restart these pods to enable tap and make them valid tap targets\n"
        let both = "no pods to tap for deployment/web\n1 pods found with tap disabled via the viz.linkerd.io/disable-tap "
            + "annotation:\n\t* web-3\nremove this annotation to make these pods valid tap targets\n"
            + "1 pods found with tap not enabled:\n\t* web-4\nrestart these pods to enable tap and make them valid tap targets\n"
        let clusterRole = "linkerd-linkerd-viz-tap-admin"
        let cases: [(status: Int, header: String?, body: [UInt8], problem: TapProblem?)] = [
            (200, nil, [], nil),
            (200, "Internal Server Error", apiError("no pods to tap for deployment/web\n"),
             .noPodsMatched(target, labelSelector: "")),
            (200, "Internal Server Error", apiError(notEnabled),
             .podsNotTapEnabled(target, notEnabled: ["web-1", "web-2"], disabled: [])),
            (200, "Internal Server Error", apiError(both),
             .podsNotTapEnabled(target, notEnabled: ["web-4"], disabled: ["web-3"])),
            (200, "Internal Server Error", apiError(#"deployments.apps "web" not found"#),
             .targetNotFound(target, detail: #"deployments.apps "web" not found"#)),
            (200, "Internal Server Error", [0x01],
             .failed(status: 200, detail: "Internal Server Error, without its error message")),
            (403, nil, status(403, reason: "Forbidden", message: forbidden),
             .forbidden(target, clusterRole: clusterRole, detail: forbidden.replacingOccurrences(of: #"\""#, with: "\""))),
            (403, nil, Array(#"{"error":"tap authorization failed (not authorized to access deployments.tap.linkerd.io), visit https://linkerd.io/tap-rbac for more information"}"#.utf8),
             .forbidden(target, clusterRole: clusterRole, detail: "tap authorization failed (not authorized to access "
                + "deployments.tap.linkerd.io), visit https://linkerd.io/tap-rbac for more information")),
            (503, nil, Array("service unavailable\n".utf8), .tapAPIUnavailable(status: 503, detail: "service unavailable")),
            (503, nil, status(503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request"),
             .tapAPIUnavailable(status: 503, detail: "the server is currently unable to handle the request")),
            (404, nil, status(404, reason: "NotFound", message: "the server could not find the requested resource"),
             .tapAPIUnavailable(status: 404, detail: "the server could not find the requested resource")),
            (401, nil, status(401, reason: "Unauthorized", message: "Unauthorized"), .unauthorized(detail: "Unauthorized")),
            (500, nil, [], .failed(status: 500, detail: "HTTP 500")),
        ]
        for c in cases {
            XCTAssertEqual(TapProblem.classify(status: c.status, linkerdError: c.header, body: c.body, request: request),
                           c.problem, "\(c.status) \(String(decoding: c.body, as: UTF8.self))")
        }
    }

    func testMessagesSayWhatToDo() {
        let cases: [(problem: TapProblem, message: String)] = [
            (.tapAPIUnavailable(status: 404, detail: "the server could not find the requested resource"),
             "the API server has no tap API (APIService v1alpha1.tap.linkerd.io): is Linkerd viz installed? Install it "
                + "with: linkerd viz install | kubectl apply -f -; check with: linkerd viz check (server: the server could "
                + "not find the requested resource)"),
            (.tapAPIUnavailable(status: 503, detail: "service unavailable"),
             "the tap API (APIService v1alpha1.tap.linkerd.io) is unavailable: the API server answered 503 (service "
                + "unavailable); are viz's tap pods running? Check with: kubectl get apiservice v1alpha1.tap.linkerd.io; "
                + "linkerd viz check"),
            (.forbidden(target, clusterRole: "linkerd-linkerd-viz-tap-admin", detail: "denied"),
             "not allowed to tap deploy/web in namespace emojivoto: RBAC must allow verb watch on deployments/tap in API "
                + "group tap.linkerd.io, as the ClusterRole linkerd-linkerd-viz-tap-admin does (bind it: kubectl create "
                + "rolebinding NAME --clusterrole linkerd-linkerd-viz-tap-admin --user USER -n emojivoto); check with: "
                + "kubectl auth can-i watch deployments.tap.linkerd.io -n emojivoto (server: denied)"),
            (.podsNotTapEnabled(target, notEnabled: ["web-1", "web-2"], disabled: ["web-3"]),
             "2 pods of deploy/web started before Linkerd viz was installed and are not tap-enabled: restart them "
                + "(kubectl rollout restart deployment/web -n emojivoto) (web-1, web-2); 1 pod of deploy/web has tap "
                + "turned off by the annotation viz.linkerd.io/disable-tap: remove it to tap them (web-3)"),
            (.noPodsMatched(TapResource(namespace: "", kind: .namespace, name: "emojivoto"), labelSelector: "app=web"),
             "no meshed pods to tap for ns/emojivoto with labels app=web in namespace emojivoto: are they running and "
                + "injected? Check with: linkerd viz stat ns/emojivoto -n emojivoto"),
            (.unauthorized(detail: "Unauthorized"), "the API server rejected the credentials (expired?): Unauthorized"),
            (.targetNotFound(target, detail: #"deployments.apps "web" not found"#),
             #"deploy/web not found: deployments.apps "web" not found"#),
            (.failed(status: 500, detail: "boom"), "tap failed (HTTP 500): boom"),
        ]
        for c in cases { XCTAssertEqual(c.problem.description, c.message) }
        let many = TapProblem.podsNotTapEnabled(target, notEnabled: (1...7).map { "web-\($0)" }, disabled: [])
        XCTAssertTrue(many.description.hasSuffix("(web-1, web-2, web-3, web-4, web-5, and 2 more)"), many.description)
    }

    func testTheVizNamespaceNamesTheClusterRole() {
        let problem = TapProblem.classify(status: 403, linkerdError: nil, body: [], request: request, vizNamespace: "viz")
        XCTAssertEqual(problem, .forbidden(target, clusterRole: "linkerd-viz-tap-admin", detail: "HTTP 403"))
    }

    func testAServerErrorFrameMidStream() {
        XCTAssertEqual(TapProblem.classify(serverError: "no pods to tap for deployment/web\n", request: request),
                       .noPodsMatched(target, labelSelector: ""))
        XCTAssertEqual(TapProblem.classify(serverError: "rpc error: stream reset", request: request),
                       .failed(status: 200, detail: "rpc error: stream reset"))
    }

    func testNothingFromTheServerReachesTheTerminalRaw() {
        let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\nnext"
        let problems: [TapProblem?] = [
            TapProblem.classify(status: 200, linkerdError: "x", body: apiError(hostile), request: request),
            TapProblem.classify(status: 200, linkerdError: "x", body: apiError("no pods to tap for d/w\n1 pods found with "
                + "tap not enabled:\n\t* \(hostile)\n"), request: request),
            TapProblem.classify(status: 403, linkerdError: nil, body: Array(hostile.utf8), request: request),
            TapProblem.classify(status: 503, linkerdError: nil, body: Array(hostile.utf8), request: request),
            TapProblem.classify(status: 418, linkerdError: nil, body: Array(#"{"message":"\u001b[2J\u009b"}"#.utf8),
                                request: request),
            .forbidden(TapResource(namespace: hostile, kind: .pod, name: hostile), clusterRole: hostile, detail: hostile),
        ]
        for problem in problems {
            let message = problem?.description ?? ""
            XCTAssertFalse(message.isEmpty)
            XCTAssertFalse(message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                || $0 == "\u{202E}" }, message)
        }
        XCTAssertTrue(problems[0]?.description.contains(#"\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\u{202e}evil\x0anext"#)
                      ?? false)
        let long = TapProblem.failed(status: 500, detail: String(repeating: "x", count: 1_000)).description
        XCTAssertLessThan(long.count, 340)
    }
}
