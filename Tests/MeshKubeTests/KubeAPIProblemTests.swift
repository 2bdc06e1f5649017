import Foundation
import MeshKube
import XCTest

final class KubeAPIProblemTests: XCTestCase {
    private typealias Request = KubeAPIProblem.Request

    private func request(_ verb: Request.Verb, _ resource: Request.Resource, namespace: String? = "emojivoto",
                         name: String? = nil, context: String? = "kind-dev", user: String? = "dev",
                         credentials: KubeAPIProblem.Credentials = .token) -> Request {
        Request(verb: verb, resource: resource, namespace: namespace, name: name, server: "https://127.0.0.1:6443",
                context: context, user: user, credentials: credentials)
    }

    /// A `Status` body as the API server writes it.
    private func status(_ code: Int, _ reason: String, _ message: String, details: String = "") -> Data {
        let details = details.isEmpty ? "" : #","details":\#(details)"#
        return Data(#"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"\#(message)","reason":"\#(reason)"\#(details),"code":\#(code)}"#.utf8)
    }

    func testEveryAnswerClassifiedAndWorded() {
        let forbiddenPods = status(403, "Forbidden", #"pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in the namespace \"emojivoto\""#)
        let web = "web-7d9c8b5f4-x2kq9"
        let cases: [(String, Request, Int, Data, [String], String)] = [
            ("401 token", request(.list, .pods), 401, status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of user "dev" (context "kind-dev") were rejected (expired?): the token in the kubeconfig is no longer accepted: get a new one and set it with: kubectl config set-credentials dev --token=NEW"#),
            ("401 exec", request(.watch, .pods, credentials: .exec(command: "gke-gcloud-auth-plugin")), 401,
             status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of user "dev" (context "kind-dev") were rejected (expired?): its exec plugin "gke-gcloud-auth-plugin" handed out credentials that no longer work: log in again with the tool behind it, then check with: kubectl auth whoami --context kind-dev"#),
            ("401 token file", request(.list, .pods, credentials: .tokenFile("/home/dev/.kube/token")), 401,
             status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of user "dev" (context "kind-dev") were rejected (expired?): the token in /home/dev/.kube/token is no longer accepted: put a fresh one there"#),
            ("401 in-cluster", request(.list, .pods, context: nil, user: nil,
                                       credentials: .tokenFile("/var/run/secrets/kubernetes.io/serviceaccount/token")),
             401, status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of the in-cluster service account were rejected (expired?): the token in /var/run/secrets/kubernetes.io/serviceaccount/token is no longer accepted: was the service account deleted or recreated? restart the pod"#),
            ("401 certificate file", request(.list, .pods, credentials: .clientCertificate(file: "/home/dev/.kube/dev.crt")),
             401, status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of user "dev" (context "kind-dev") were rejected (expired?): its client certificate may have expired; check with: openssl x509 -noout -enddate -in /home/dev/.kube/dev.crt"#),
            ("401 certificate data", request(.list, .pods, credentials: .clientCertificate(file: nil)), 401,
             status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of user "dev" (context "kind-dev") were rejected (expired?): its client certificate (client-certificate-data) may have expired or come from another cluster: get a new kubeconfig for it"#),
            ("401 anonymous", request(.list, .pods, user: nil, credentials: .none), 401,
             status(401, "Unauthorized", "Unauthorized"), [],
             #"the credentials of the user of context "kind-dev" were rejected (expired?): it presents no credentials: add a token, client certificate or exec plugin to the user entry"#),
            ("403 RBAC list pods", request(.list, .pods), 403, forbiddenPods, [],
             #"user "dev" (context "kind-dev") may not list pods in namespace "emojivoto": grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i list pods -n emojivoto --context kind-dev"#),
            ("403 RBAC watch pods everywhere", request(.watch, .pods, namespace: nil), 403,
             status(403, "Forbidden", #"pods is forbidden: User \"dev\" cannot watch resource \"pods\" in API group \"\" at the cluster scope"#), [],
             #"user "dev" (context "kind-dev") may not watch pods in any namespace: grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i watch pods --all-namespaces --context kind-dev"#),
            ("403 RBAC namespaces", request(.list, .namespaces, namespace: nil), 403,
             status(403, "Forbidden", #"namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\" in API group \"\" at the cluster scope"#), [],
             #"user "dev" (context "kind-dev") may not list namespaces: grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i list namespaces --context kind-dev"#),
            ("403 RBAC pods/proxy", request(.get, .podsProxy, name: web), 403,
             status(403, "Forbidden", #"pods \"\#(web)\" is forbidden: User \"dev\" cannot get resource \"pods/proxy\" in API group \"\" in the namespace \"emojivoto\""#, details: #"{"name":"\#(web)","kind":"pods"}"#), [],
             #"user "dev" (context "kind-dev") may not get pods/proxy in namespace "emojivoto": grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i get pods --subresource=proxy -n emojivoto --context kind-dev"#),
            ("403 Linkerd policy", request(.get, .podsProxy, name: web), 403, Data(), [],
             #"the linkerd-proxy of pod "web-7d9c8b5f4-x2kq9" in namespace "emojivoto" answered 403: Linkerd's inbound policy denies the API server on the admin port. The pod's config.linkerd.io/default-inbound-policy must admit it (all-unauthenticated does, cluster-unauthenticated only from clusterNetworks); linkerd viz allow-scrapes --namespace emojivoto admits viz Prometheus alone, so add the API server's address to that Server's authorizations, or read the metrics from viz Prometheus"#),
            ("404 namespace, others known", request(.get, .namespaces, namespace: nil, name: "emojivot"), 404,
             status(404, "NotFound", #"namespaces \"emojivot\" not found"#, details: #"{"name":"emojivot","kind":"namespaces"}"#),
             ["default", "emojivoto", "linkerd"],
             #"namespace "emojivot" not found (namespaces: default, emojivoto, linkerd); pass one of them with --ns"#),
            ("404 namespace, none known", request(.get, .namespaces, namespace: nil, name: "emojivot"), 404,
             status(404, "NotFound", #"namespaces \"emojivot\" not found"#, details: #"{"name":"emojivot","kind":"namespaces"}"#), [],
             #"namespace "emojivot" not found; list them with: kubectl get namespaces --context kind-dev"#),
            ("404 pod gone", request(.get, .podsProxy, name: web), 404,
             status(404, "NotFound", #"pods \"\#(web)\" not found"#, details: #"{"name":"\#(web)","kind":"pods"}"#), [],
             #"pod "web-7d9c8b5f4-x2kq9" in namespace "emojivoto" is gone (deleted or replaced): it leaves the next pod list"#),
            ("404 from the pod's port", request(.get, .podsProxy, name: web), 404, Data("not found\n".utf8), [],
             #"pod "web-7d9c8b5f4-x2kq9" in namespace "emojivoto" answered HTTP 404 through the API server's proxy instead of metrics (is the port its linkerd-proxy's admin port, 4191?)"#),
            ("503 pod unreachable", request(.get, .podsProxy, name: web), 503,
             status(503, "ServiceUnavailable", "error trying to reach service: dial tcp 10.42.0.11:4191: connect: connection refused"), [],
             #"the API server could not reach pod "web-7d9c8b5f4-x2kq9" in namespace "emojivoto": HTTP 503 ServiceUnavailable: error trying to reach service: dial tcp 10.42.0.11:4191: connect: connection refused (is the pod running and its proxy ready? check with: kubectl get pod web-7d9c8b5f4-x2kq9 -n emojivoto --context kind-dev)"#),
            ("500 API server", request(.list, .pods), 500,
             status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"), [],
             #"the API server https://127.0.0.1:6443 failed to list pods in namespace "emojivoto": HTTP 500 InternalError: Internal error occurred: etcdserver: request timed out (try again; if it persists, check with: kubectl get --raw /readyz --context kind-dev)"#),
            ("502 from a load balancer", request(.list, .pods), 502, Data("<html>502 Bad Gateway</html>".utf8), [],
             #"the API server https://127.0.0.1:6443 failed to list pods in namespace "emojivoto": HTTP 502 (try again; if it persists, check with: kubectl get --raw /readyz --context kind-dev)"#),
            ("429", request(.watch, .pods), 429,
             status(429, "TooManyRequests", "Too many requests, please try again later."), [],
             #"the API server https://127.0.0.1:6443 refused to watch pods in namespace "emojivoto": HTTP 429 TooManyRequests: Too many requests, please try again later."#),
        ]
        for (name, request, code, body, namespaces, expected) in cases {
            let problem = KubeAPIProblem.classify(request, code: code, body: body, namespaces: namespaces)
            XCTAssertEqual(problem?.description, expected, name)
        }
    }

    func testSuccessIsNoProblem() {
        XCTAssertNil(KubeAPIProblem.classify(request(.list, .pods), code: 200, body: Data(#"{"kind":"PodList"}"#.utf8)))
    }

    func testClassificationTellsTheAPIServerFromThePod() {
        let proxy = request(.get, .podsProxy, name: "web")
        let rbac = status(403, "Forbidden", "forbidden")
        XCTAssertEqual(KubeAPIProblem.classify(proxy, code: 403, body: rbac), .forbidden(proxy))
        XCTAssertEqual(KubeAPIProblem.classify(proxy, code: 403, body: Data("{}".utf8)), .adminPortDenied(proxy))
        XCTAssertEqual(KubeAPIProblem.classify(proxy, code: 500, body: Data()), .proxied(proxy, code: 500))
        let pods = request(.list, .pods)
        XCTAssertEqual(KubeAPIProblem.classify(pods, code: 403, body: Data()), .forbidden(pods))
    }

    func testTransportFailuresWorded() {
        let cases: [(KubeAPIProblem.Transport, String)] = [
            (.refused, "cannot reach the API server https://127.0.0.1:6443: connection refused (is the cluster running and the server address current? check with: kubectl cluster-info --context kind-dev)"),
            (.timeout, "the API server https://127.0.0.1:6443 did not answer in time (a VPN, firewall or private endpoint in the way? check with: kubectl cluster-info --context kind-dev)"),
            (.dns("api.dev.example"), #"cannot resolve the API server's host "api.dev.example" (check the server address in the kubeconfig, and your VPN or DNS)"#),
            (.tls("SSL certificate problem: certificate has expired"), "certificate problem with the API server https://127.0.0.1:6443: SSL certificate problem: certificate has expired (check the cluster's certificate-authority in the kubeconfig, and that the server address is a name its certificate carries)"),
            (.other("Recv failure: Connection reset by peer"), "cannot reach the API server https://127.0.0.1:6443: Recv failure: Connection reset by peer"),
        ]
        for (failure, expected) in cases {
            XCTAssertEqual(KubeAPIProblem.transport(request(.list, .pods), failure).description, expected)
        }
    }

    func testNoMeshedPodsWorded() {
        XCTAssertEqual(KubeAPIProblem.noMeshedPods(namespace: "emojivoto", context: "kind-dev").description,
                       "no meshed pods in namespace emojivoto; inject with: kubectl annotate namespace emojivoto linkerd.io/inject=enabled --context kind-dev, then restart its workloads: kubectl rollout restart deployment -n emojivoto --context kind-dev")
        XCTAssertEqual(KubeAPIProblem.noMeshedPods(namespace: nil, context: nil).description,
                       "no meshed pods in any namespace (is Linkerd installed? check with: linkerd check); inject a namespace with: kubectl annotate namespace NS linkerd.io/inject=enabled, then restart its workloads: kubectl rollout restart deployment -n NS")
    }

    func testControlCharactersFromTheClusterAreEscaped() {
        let hostile = request(.get, .podsProxy, namespace: "ns\u{1B}[2J", name: "web\u{7}", context: "c\n", user: "u\u{202E}")
        let body = status(503, "Service\\u001bUnavailable", "dial tcp\\r\\n\\u001b]0;title\\u0007")
        XCTAssertEqual(KubeAPIProblem.classify(hostile, code: 503, body: body)?.description,
                       #"the API server could not reach pod "web\x07" in namespace "ns\x1b[2J": HTTP 503 Service\x1bUnavailable: dial tcp\x0d\x0a\x1b]0;title\x07 (is the pod running and its proxy ready? check with: kubectl get pod web\x07 -n ns\x1b[2J --context c\x0a)"#)
        XCTAssertEqual(KubeAPIProblem.classify(hostile, code: 403, body: status(403, "Forbidden", "no"))?.description,
                       #"user "u\u{202e}" (context "c\x0a") may not get pods/proxy in namespace "ns\x1b[2J": grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i get pods --subresource=proxy -n ns\x1b[2J --context c\x0a"#)
        XCTAssertEqual(KubeAPIProblem.classify(request(.get, .namespaces, name: "x"), code: 404, body: Data(),
                                               namespaces: ["a\u{9B}b"])?.description,
                       #"namespace "x" not found (namespaces: a\x9bb); pass one of them with --ns"#)
    }

    func testCredentialsFromTheUserEntry() {
        let origin = KubeconfigOrigin(file: "/k", entry: "users[0]")
        let exec = KubeconfigExec(apiVersion: "client.authentication.k8s.io/v1", command: "aws")
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin, token: "t", exec: exec)), .exec(command: "aws"))
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin, token: "t", tokenFile: "/f")), .tokenFile("/f"))
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin, clientCertificate: "/c", token: "t")), .token)
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin, clientCertificate: "/c")),
                       .clientCertificate(file: "/c"))
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin, clientCertificateData: Data([1]))),
                       .clientCertificate(file: nil))
        XCTAssertEqual(KubeAPIProblem.Credentials(KubeconfigUser(origin: origin)), .none)
    }
}
