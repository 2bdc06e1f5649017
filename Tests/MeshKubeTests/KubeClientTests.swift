import Foundation
import MeshKube
import MeshSources
import XCTest

/// How a request's outcome becomes a problem a user can act on, and a 401 a fresh exec token.
final class KubeClientTests: XCTestCase {
    private let origin = KubeconfigOrigin(file: "/home/jane/.kube/config", entry: "users[0]")

    private func client(_ user: KubeconfigUser, credentials: ExecCredentialCache = ExecCredentialCache()) -> KubeClient {
        let cluster = KubeconfigCluster(origin: origin, server: "https://10.0.0.1:6443")
        return KubeClient(selection: KubeconfigSelection(contextName: "prod", cluster: cluster, user: user, userName: "jane",
                                                         namespace: nil), credentials: credentials)
    }

    private func result(_ error: FetchError?, body: String = "") -> FetchResult {
        FetchResult(request: FetchRequest(url: "https://10.0.0.1:6443/api/v1/pods"),
                    result: error.map { .failure($0) } ?? .success([]), errorBody: Array(body.utf8),
                    durationMs: 1, startedAt: Date())
    }

    func testOutcomesAndTheirProblems() {
        let jane = client(KubeconfigUser(origin: origin, token: "t"))
        let forbidden = #"{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,"#
            + #""message":"pods is forbidden: User \"jane\" cannot list resource \"pods\""}"#
        let cases: [(FetchError?, String, KubeAPIProblem.Request.Resource, String?)] = [
            (nil, "", .pods, nil),
            (.refused, "", .pods, "connection refused"),
            (.tls("unable to get local issuer certificate"), "", .pods, "certificate problem with the API server"),
            (.dns("k8s.example"), "", .pods, "cannot resolve the API server's host \"k8s.example\""),
            (.httpStatus(401), #"{"kind":"Status","code":401,"reason":"Unauthorized"}"#, .pods,
             "the credentials of user \"jane\" (context \"prod\") were rejected"),
            (.httpStatus(403), forbidden, .pods, "kubectl auth can-i list pods -n emojivoto --context prod"),
            (.httpStatus(403), "denied", .podsProxy, "config.linkerd.io/default-inbound-policy"),
            (.httpStatus(403), forbidden, .podsProxy, "kubectl auth can-i get pods --subresource=proxy"),
            (.timeout, "", .pods, "did not answer in time"),
        ]
        for (error, body, resource, expected) in cases {
            let verb: KubeAPIProblem.Request.Verb = resource == .podsProxy ? .get : .list
            let problem = jane.problem(result(error, body: body), jane.describe(verb, resource, namespace: "emojivoto", name: "web-1"))
            guard let expected else {
                XCTAssertNil(problem)
                continue
            }
            XCTAssertTrue(problem?.description.contains(expected) == true, "\(String(describing: error)): \(String(describing: problem))")
        }
    }

    func testA401ToAnExecTokenRunsThePluginAgain() throws {
        let scripts = try ExecCredentialScripts()
        try scripts.write("counter", #"""
            echo run >> "$D/runs"
            n=$(wc -l < "$D/runs" | tr -d ' ')
            echo "{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\","
            echo " \"status\": {\"token\": \"token-$n\"}}"
            """#)
        let jane = client(KubeconfigUser(origin: origin, exec: ExecCredentialScripts.exec("counter")),
                          credentials: ExecCredentialCache(plugin: scripts.plugin()))
        XCTAssertEqual(try jane.endpoint().headers, ["Authorization: Bearer token-1"])
        XCTAssertEqual(try jane.endpoint().headers, ["Authorization: Bearer token-1"], "kept while good")
        _ = jane.problem(result(.httpStatus(403), body: "{}"), jane.describe(.list, .pods))
        XCTAssertEqual(try jane.endpoint().headers, ["Authorization: Bearer token-1"], "a 403 is no reason to renew")
        _ = jane.problem(result(.httpStatus(401), body: "{}"), jane.describe(.list, .pods))
        XCTAssertEqual(try jane.endpoint().headers, ["Authorization: Bearer token-2"], "a 401 runs the plugin again")
    }
}
