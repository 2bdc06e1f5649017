import Foundation
import MeshKube
import XCTest

final class PodDecodingTests: XCTestCase {
    func testListFixtureDecodesTheFieldsWeRead() throws {
        let list = try PodFixture.emojivotoList()
        XCTAssertEqual(list.resourceVersion, "48250")
        XCTAssertEqual(list.items.count, 9)
        let web = try XCTUnwrap(list.items.first)
        XCTAssertEqual(web.metadata.name, "web-7d9c8b5f4-x2kq9")
        XCTAssertEqual(web.metadata.namespace, "emojivoto")
        XCTAssertEqual(web.metadata.resourceVersion, "48211")
        XCTAssertEqual(web.metadata.labels["linkerd.io/proxy-deployment"], "web")
        XCTAssertEqual(web.metadata.ownerReferences, [.init(kind: "ReplicaSet", name: "web-7d9c8b5f4", controller: true)])
        XCTAssertEqual(web.status, .init(phase: "Running", podIP: "10.42.0.11"))
        XCTAssertEqual(web.spec.containers.map(\.name), ["linkerd-proxy", "web"])
        XCTAssertEqual(web.spec.containers[0].ports, [.init(name: "linkerd-proxy", containerPort: 4143),
                                                      .init(name: "linkerd-admin", containerPort: 4191)])
        XCTAssertEqual(web.spec.initContainers.map(\.name), ["linkerd-init"])
        let pending = try XCTUnwrap(list.items.first { $0.metadata.name == "emoji-6c9b8f7d5-pnd9x" })
        XCTAssertEqual(pending.status, .init(phase: "Pending", podIP: nil))
    }

    func testAbsentOptionalFieldsDecodeAsEmpty() throws {
        let body = #"{"kind":"PodList","metadata":{"resourceVersion":"7"},"items":[{"metadata":{"name":"p","namespace":"n"},"spec":{},"status":{}}]}"#
        let pod = try XCTUnwrap(PodList.decode(Data(body.utf8)).items.first)
        XCTAssertEqual(pod, Pod(metadata: .init(name: "p", namespace: "n")))
        XCTAssertEqual(try PodList.decode(Data(#"{"kind":"PodList","metadata":{"resourceVersion":"7"}}"#.utf8)).items, [])
    }

    func testStatusBodyIsReportedAsTheRefusal() {
        let body = #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods is forbidden: User \"dev\" cannot list resource \"pods\"","reason":"Forbidden","code":403}"#
        XCTAssertThrowsError(try PodList.decode(Data(body.utf8))) { error in
            guard case let .status(status) = error as? PodDecodingError else { return XCTFail("\(error)") }
            XCTAssertEqual(status.code, 403)
            XCTAssertEqual(status.reason, "Forbidden")
            XCTAssertFalse(status.isGone)
        }
    }

    func testOtherBodiesAreRejected() {
        let cases: [(String, (PodDecodingError) -> Bool)] = [
            (#"{"kind":"ServiceList","metadata":{"resourceVersion":"1"},"items":[]}"#,
             { $0 == .unexpectedKind("ServiceList") }),
            (#"{"metadata":{"resourceVersion":"1"}}"#, { $0 == .unexpectedKind("") }),
            ("<html>502 Bad Gateway</html>", { if case .malformed = $0 { true } else { false } }),
            (#"{"kind":"PodList","items":[]}"#, { if case .malformed = $0 { true } else { false } }),
            (#"{"kind":"PodList","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"namespace":"n"},"spec":{},"status":{}}]}"#,
             { if case .malformed = $0 { true } else { false } }),
        ]
        for (body, expected) in cases {
            XCTAssertThrowsError(try PodList.decode(Data(body.utf8)), body) { error in
                XCTAssertTrue(expected(error as! PodDecodingError), "\(body): \(error)")
            }
        }
    }

    func testWatchEventsOfEveryType() throws {
        let pod = #"{"metadata":{"name":"p","namespace":"n","resourceVersion":"9"},"spec":{},"status":{"phase":"Running"}}"#
        let expectedPod = Pod(metadata: .init(name: "p", namespace: "n", resourceVersion: "9"), status: .init(phase: "Running"))
        let cases: [(String, PodWatchEvent)] = [
            (#"{"type":"ADDED","object":\#(pod)}"#, .added(expectedPod)),
            (#"{"type":"MODIFIED","object":\#(pod)}"#, .modified(expectedPod)),
            (#"{"type":"DELETED","object":\#(pod)}"#, .deleted(expectedPod)),
            (#"{"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"12"}}}"#, .bookmark(resourceVersion: "12")),
            (#"{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old"}}"#,
             .error(.init(code: 410, reason: "Expired", message: "too old", kind: "Status"))),
        ]
        for (line, event) in cases {
            XCTAssertEqual(try PodWatchEvent.decode(line: Array(line.utf8)), event, line)
        }
    }

    func testUnknownOrBrokenWatchEventsAreErrors() {
        for line in [#"{"type":"SHRUG","object":{}}"#, #"{"object":{}}"#, #"{"type":"ADDED","object":{"metadata":{}}}"#, "{"] {
            XCTAssertThrowsError(try PodWatchEvent.decode(line: Array(line.utf8)), line) { error in
                guard case .malformed = error as? PodDecodingError else { return XCTFail("\(line): \(error)") }
            }
        }
    }
}
