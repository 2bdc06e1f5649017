import XCTest
@testable import MeshTap

/// Resource arguments as `linkerd viz tap` reads them, the API path, and the request body both ways.
final class TapRequestTests: XCTestCase {
    func testResourceArguments() throws {
        let cases: [(argument: String, kind: TapResourceKind, name: String, namespace: String)] = [
            ("deploy/web", .deployment, "web", "emojivoto"),
            ("deployment/web", .deployment, "web", "emojivoto"),
            ("deployments/web", .deployment, "web", "emojivoto"),
            ("deploy", .deployment, "", "emojivoto"),
            ("deploy/", .deployment, "", "emojivoto"),
            ("po/web-5d4f-xk2p9", .pod, "web-5d4f-xk2p9", "emojivoto"),
            ("pod/x", .pod, "x", "emojivoto"),
            ("pods/x", .pod, "x", "emojivoto"),
            ("ns/emojivoto", .namespace, "emojivoto", ""),
            ("namespace/emojivoto", .namespace, "emojivoto", ""),
            ("namespaces/other", .namespace, "other", ""),
            ("sts/db", .statefulSet, "db", "emojivoto"),
            ("statefulset/db", .statefulSet, "db", "emojivoto"),
            ("ds/agent", .daemonSet, "agent", "emojivoto"),
            ("rs/web-5d4f", .replicaSet, "web-5d4f", "emojivoto"),
            ("rc/old", .replicationController, "old", "emojivoto"),
            ("replicationcontrollers/old", .replicationController, "old", "emojivoto"),
            ("job/migrate", .job, "migrate", "emojivoto"),
            ("jobs/migrate", .job, "migrate", "emojivoto"),
            ("cj/nightly", .cronJob, "nightly", "emojivoto"),
            ("cronjob/nightly", .cronJob, "nightly", "emojivoto"),
        ]
        for c in cases {
            let resource = try TapResource(parsing: c.argument, namespace: "emojivoto")
            XCTAssertEqual(resource, TapResource(namespace: c.namespace, kind: c.kind, name: c.name), c.argument)
            XCTAssertEqual(resource.namespace, c.namespace, c.argument)
        }
        XCTAssertEqual(try TapResource(parsing: "svc/web-svc", namespace: "n", role: .destination),
                       TapResource(namespace: "n", kind: .service, name: "web-svc"))
    }

    func testRefusedResourceArguments() {
        let kinds = "po, rc, ds, deploy, rs, sts, job, cj, ns"
        let cases: [(argument: String, role: TapResource.Role, error: TapArgumentError, message: String)] = [
            ("", .target, .empty, "no resource to tap: give TYPE/NAME, like deploy/web or ns/emojivoto"),
            ("web", .target, .unknownType("web"),
             "\"web\" is not a resource type: give TYPE/NAME, like deploy/web (types: \(kinds))"),
            ("Deploy/web", .target, .unknownType("Deploy"),
             "\"Deploy\" is not a resource type: give TYPE/NAME, like deploy/Deploy (types: \(kinds))"),
            ("deploy/web/x", .target, .invalid("deploy/web/x"),
             "invalid resource \"deploy/web/x\": give TYPE/NAME, like deploy/web"),
            ("svc/web", .target, .unsupportedType("svc", .target),
             "resource type \"svc\" can't be tapped (types: \(kinds)); a service can only be a destination filter "
                + "(--to svc/NAME)"),
            ("au/web", .target, .unsupportedType("au", .target),
             "resource type \"au\" can't be tapped (types: \(kinds)); a service can only be a destination filter "
                + "(--to svc/NAME)"),
            ("all", .destination, .unsupportedType("all", .destination),
             "resource type \"all\" can't be a destination filter (types: \(kinds), svc)"),
            ("ns", .target, .namespaceWithoutName, "which namespace? give ns/NAME, like ns/emojivoto"),
            ("x\u{1B}[2J/web", .target, .unknownType("x\u{1B}[2J"),
             "\"x\\x1b[2J\" is not a resource type: give TYPE/NAME, like deploy/x\\x1b[2J (types: \(kinds))"),
        ]
        for c in cases {
            XCTAssertThrowsError(try TapResource(parsing: c.argument, namespace: "emojivoto", role: c.role), c.argument)
            { error in
                XCTAssertEqual(error as? TapArgumentError, c.error, c.argument)
                XCTAssertEqual("\(error)", c.message, c.argument)
            }
        }
    }

    func testAPIPaths() throws {
        let cases: [(argument: String, namespace: String, path: String)] = [
            ("deploy/web", "emojivoto", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/deployments/web/tap"),
            ("po/web-1", "emojivoto", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/pods/web-1/tap"),
            ("ns/emojivoto", "default", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/emojivoto/tap"),
            ("sts/db", "data", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/data/statefulsets/db/tap"),
            ("rc/x", "d", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/d/replicationcontrollers/x/tap"),
            ("cj/nightly", "d", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/d/cronjobs/nightly/tap"),
            ("deploy", "d", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/d/deployments//tap"),
            ("deploy/a b?#%", "d", "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/d/deployments/a%20b%3F%23%25/tap"),
        ]
        for c in cases {
            let request = TapRequest(target: try TapResource(parsing: c.argument, namespace: c.namespace))
            XCTAssertEqual(request.apiPath, c.path, c.argument)
        }
        XCTAssertEqual(TapResourceKind.allCases.map(\.plural), [
            "pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets", "statefulsets",
            "jobs", "cronjobs", "namespaces",
        ])
    }

    /// The body Linkerd's CLI sends for `linkerd viz tap deploy/web -n emojivoto`: target,
    /// an empty `all` match, maxRps 100 and an empty extract.
    func testDefaultBodyMatchesLinkerdsBytes() throws {
        let request = TapRequest(target: try TapResource(parsing: "deploy/web", namespace: "emojivoto"))
        let resource = Wire.string(1, "emojivoto") + Wire.string(2, "deployment") + Wire.string(3, "web")
        let expected = Wire.message(1, Wire.message(1, resource)) + Wire.message(2, Wire.message(1, []))
            + [0x1D, 0x00, 0x00, 0xC8, 0x42]  // 3 maxRps: float 100 (0x42C80000), little-endian
            + Wire.message(4, [])
        XCTAssertEqual(request.body(), expected)
    }

    func testFiltersInLinkerdsOrder() throws {
        let request = TapRequest(
            target: TapResource(namespace: "emojivoto", kind: .namespace, name: "emojivoto"), labelSelector: "app=web",
            filter: TapFilter(scheme: "https", method: "POST", authority: "api:80", pathPrefix: "/api",
                              destination: TapResource(namespace: "emojivoto", kind: .service, name: "api")),
            maxRPS: 2.5, extractHeaders: true)
        let target = Wire.message(1, Wire.string(2, "namespace") + Wire.string(3, "emojivoto")) + Wire.string(2, "app=web")
        let destination = Wire.message(4, Wire.message(1, Wire.string(1, "emojivoto") + Wire.string(2, "service")
            + Wire.string(3, "api")))
        let http = [Wire.string(1, "https"), Wire.string(2, "POST"), Wire.string(3, "api:80"), Wire.string(4, "/api")]
            .map { Wire.message(1, Wire.message(5, $0)) }
        let expected = Wire.message(1, target)
            + Wire.message(2, Wire.message(1, Wire.message(1, destination) + http.joined()))
            + [0x1D, 0x00, 0x00, 0x20, 0x40]  // 2.5
            + Wire.message(4, Wire.message(1, Wire.message(1, [])))
        XCTAssertEqual(request.body(), expected)
        XCTAssertEqual(try TapRequest(body: expected), request)
    }

    func testReadingBodies() throws {
        let target = TapResource(namespace: "emojivoto", kind: .deployment, name: "web")
        let resource = Wire.message(1, Wire.string(1, "emojivoto") + Wire.string(2, "deployment") + Wire.string(3, "web"))
        func body(match: [UInt8]?, maxRps: [UInt8] = []) -> [UInt8] {
            Wire.message(1, resource) + (match.map { Wire.message(2, $0) } ?? []) + maxRps
        }
        let path = Wire.message(1, Wire.message(5, Wire.string(4, "/x")))
        let method = Wire.message(1, Wire.message(5, Wire.string(2, "GET")))
        let cases: [(body: [UInt8], request: TapRequest)] = [
            (body(match: nil), TapRequest(target: target)),
            (body(match: Wire.message(1, [])), TapRequest(target: target)),
            (body(match: Wire.message(1, path + method), maxRps: [0x1D, 0x00, 0x00, 0x80, 0x3F]),
             TapRequest(target: target, filter: TapFilter(method: "GET", pathPrefix: "/x"), maxRPS: 1)),
        ]
        for c in cases { XCTAssertEqual(try TapRequest(body: c.body), c.request) }

        let refused: [(body: [UInt8], error: TapRequestDecodingError)] = [
            ([0x0A, 0x10], .malformed("")),
            ([0x1D, 0x00, 0x00, 0x80, 0x3F], .noTarget),
            (Wire.message(1, Wire.message(1, Wire.string(2, "authority"))), .unknownResourceType("authority")),
            (body(match: Wire.message(2, [])), .unsupportedMatch("only `all` is read")),
            (body(match: Wire.message(1, path + path)), .unsupportedMatch("two path conditions")),
            (body(match: Wire.message(1, Wire.message(1, Wire.message(3, [])))), .unsupportedMatch("a nested match")),
            (body(match: Wire.message(1, Wire.message(1, Wire.message(5, [])))),
             .unsupportedMatch("an empty HTTP condition")),
        ]
        for c in refused {
            XCTAssertThrowsError(try TapRequest(body: c.body)) { error in
                guard let error = error as? TapRequestDecodingError else { return XCTFail("\(error)") }
                if case .malformed = c.error, case .malformed = error { return }
                XCTAssertEqual(error, c.error)
            }
        }
    }

    func testFilterMatching() {
        let request = TapRequestInit(id: TapStreamID(base: 1, stream: 1), method: .get, scheme: .http,
                                     authority: "web-svc.emojivoto:80", path: "/api/vote?choice=🍕")
        let web = ["deployment": "web", "namespace": "emojivoto", "pod": "web-1"]
        let cases: [(filter: TapFilter, matches: Bool)] = [
            (TapFilter(), true),
            (TapFilter(method: "GET"), true),
            (TapFilter(method: "get"), true),
            (TapFilter(method: "POST"), false),
            (TapFilter(scheme: "HTTP"), true),
            (TapFilter(scheme: "https"), false),
            (TapFilter(authority: "web-svc.emojivoto:80"), true),
            (TapFilter(authority: "web-svc.emojivoto"), false),
            (TapFilter(pathPrefix: "/api/"), true),
            (TapFilter(pathPrefix: "/api/vote?choice=🍕"), true),
            (TapFilter(pathPrefix: "/API"), false),
            (TapFilter(destination: TapResource(namespace: "emojivoto", kind: .deployment, name: "web")), true),
            (TapFilter(destination: TapResource(namespace: "other", kind: .deployment, name: "web")), false),
            (TapFilter(destination: TapResource(namespace: "emojivoto", kind: .pod, name: "web-1")), true),
            (TapFilter(destination: TapResource(namespace: "", kind: .namespace, name: "emojivoto")), true),
            (TapFilter(destination: TapResource(namespace: "emojivoto", kind: .service, name: "web")), false),
            (TapFilter(method: "GET", pathPrefix: "/nope"), false),
        ]
        for c in cases {
            XCTAssertEqual(c.filter.matches(request, destinationLabels: web), c.matches, "\(c.filter)")
        }
        XCTAssertEqual(TapFilter(destination: TapResource(namespace: "d", kind: .job, name: "m")).destinationLabels,
                       ["k8s_job": "m", "namespace": "d"])
        XCTAssertEqual(TapFilter(destination: TapResource(namespace: "", kind: .namespace, name: "d")).destinationLabels,
                       ["namespace": "d"])
        XCTAssertEqual(TapFilter(destination: TapResource(namespace: "d", kind: .deployment, name: "")).destinationLabels,
                       ["namespace": "d"])
    }
}
