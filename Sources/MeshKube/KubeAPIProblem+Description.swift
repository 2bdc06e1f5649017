import Foundation
import MeshModel

extension KubeAPIProblem: CustomStringConvertible, LocalizedError {
    /// One line: what happened, and what to do. Names and texts from the cluster are shown with
    /// control characters escaped (``StatTable/display(_:)``).
    public var description: String {
        switch self {
        case let .transport(request, failure):
            return Self.describe(failure, request)
        case let .unauthorized(request):
            return "the credentials of \(request.who) were rejected (expired?): \(request.renewHint)"
        case let .forbidden(request):
            return "\(request.who) may not \(request.verb.rawValue) \(request.resource.rawValue)\(request.scope): "
                + "grant the meshtop-viewer role (docs/rbac.yaml); check with: kubectl auth can-i "
                + "\(request.verb.rawValue) \(request.canIResource)\(request.canINamespace)\(request.contextFlag)"
        case let .adminPortDenied(request):
            return "the linkerd-proxy of \(request.pod) answered 403: Linkerd's inbound policy denies the API "
                + "server on the admin port. The pod's config.linkerd.io/default-inbound-policy must admit it "
                + "(all-unauthenticated does, cluster-unauthenticated only from clusterNetworks); linkerd viz allow-scrapes "
                + "--namespace \(show(request.namespace ?? "")) admits viz Prometheus alone, so add the API "
                + "server's address to that Server's authorizations, or read the metrics from viz Prometheus"
        case let .namespaceNotFound(request, name, existing):
            let choices = existing.isEmpty
                ? "; list them with: kubectl get namespaces\(request.contextFlag)"
                : " (namespaces: \(existing.map(show).joined(separator: ", "))); pass one of them with --ns"
            return "namespace \"\(show(name))\" not found\(choices)"
        case let .podGone(request):
            return "\(request.pod) is gone (deleted or replaced): it leaves the next pod list"
        case let .podUnreachable(request, status):
            return "the API server could not reach \(request.pod): \(Self.describe(status)) (is the pod running "
                + "and its proxy ready? check with: kubectl get pod \(show(request.name ?? "")) -n "
                + "\(show(request.namespace ?? ""))\(request.contextFlag))"
        case let .proxied(request, code):
            return "\(request.pod) answered HTTP \(code) through the API server's proxy instead of metrics "
                + "(is the port its linkerd-proxy's admin port, 4191?)"
        case let .serverError(request, status):
            return "the API server \(show(request.server)) failed to \(request.verb.rawValue) "
                + "\(request.resource.rawValue)\(request.scope): \(Self.describe(status)) (try again; if it "
                + "persists, check with: kubectl get --raw /readyz\(request.contextFlag))"
        case let .rejected(request, status):
            return "the API server \(show(request.server)) refused to \(request.verb.rawValue) "
                + "\(request.resource.rawValue)\(request.scope): \(Self.describe(status))"
        case let .noMeshedPods(namespace?, context):
            let flag = context.map { " --context \(show($0))" } ?? ""
            return "no meshed pods in namespace \(show(namespace)); inject with: kubectl annotate namespace "
                + "\(show(namespace)) linkerd.io/inject=enabled\(flag), then restart its workloads: "
                + "kubectl rollout restart deployment -n \(show(namespace))\(flag)"
        case let .noMeshedPods(nil, context):
            let flag = context.map { " --context \(show($0))" } ?? ""
            return "no meshed pods in any namespace (is Linkerd installed? check with: linkerd check\(flag)); "
                + "inject a namespace with: kubectl annotate namespace NS linkerd.io/inject=enabled\(flag), "
                + "then restart its workloads: kubectl rollout restart deployment -n NS\(flag)"
        }
    }

    /// Same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// Why the API server gave no answer, and where to look.
    private static func describe(_ failure: Transport, _ request: Request) -> String {
        let server = show(request.server)
        let check = "check with: kubectl cluster-info\(request.contextFlag)"
        switch failure {
        case .refused:
            return "cannot reach the API server \(server): connection refused (is the cluster running and the "
                + "server address current? \(check))"
        case .timeout:
            return "the API server \(server) did not answer in time (a VPN, firewall or private endpoint in the "
                + "way? \(check))"
        case let .dns(host):
            return "cannot resolve the API server's host \"\(show(host))\" (check the server address in the "
                + "kubeconfig, and your VPN or DNS)"
        case let .tls(detail):
            return "certificate problem with the API server \(server): \(show(detail)) (check the cluster's "
                + "certificate-authority in the kubeconfig, and that the server address is a name its "
                + "certificate carries)"
        case let .other(detail):
            return "cannot reach the API server \(server): \(show(detail))"
        }
    }

    /// `HTTP 503 ServiceUnavailable: message`, leaving out what the body didn't say.
    private static func describe(_ status: PodAPIStatus) -> String {
        let reason = status.reason.map { " " + show($0) } ?? ""
        let message = status.message.map { ": " + show($0) } ?? ""
        return "HTTP \(status.code.map(String.init) ?? "error")\(reason)\(message)"
    }
}

/// `text` with control characters escaped, for a message.
private func show(_ text: String) -> String { StatTable.display(text) }

extension KubeAPIProblem.Request {
    /// `user "dev" (context "kind")`, or the in-cluster service account.
    fileprivate var who: String {
        guard let context else { return "the in-cluster service account" }
        guard let user else { return "the user of context \"\(show(context))\"" }
        return "user \"\(show(user))\" (context \"\(show(context))\")"
    }

    /// ` --context kind`, or nothing for the in-cluster service account.
    fileprivate var contextFlag: String { context.map { " --context \(show($0))" } ?? "" }

    /// `pod "web-1" in namespace "emojivoto"`.
    fileprivate var pod: String {
        "pod \"\(show(name ?? ""))\" in namespace \"\(show(namespace ?? ""))\""
    }

    /// ` in namespace "emojivoto"`, ` in any namespace`, or nothing for namespaces themselves.
    fileprivate var scope: String {
        if resource == .namespaces { return "" }
        return namespace.map { " in namespace \"\(show($0))\"" } ?? " in any namespace"
    }

    /// The resource as `kubectl auth can-i` takes it: a subresource has a flag of its own.
    fileprivate var canIResource: String {
        resource == .podsProxy ? "pods --subresource=proxy" : resource.rawValue
    }

    /// ` -n emojivoto`, ` --all-namespaces`, or nothing for namespaces themselves.
    fileprivate var canINamespace: String {
        if resource == .namespaces { return "" }
        return namespace.map { " -n \(show($0))" } ?? " --all-namespaces"
    }

    /// What to renew, by the kind of credentials that were rejected.
    fileprivate var renewHint: String {
        switch credentials {
        case let .exec(command):
            return "its exec plugin \"\(show(command))\" handed out credentials that no longer work: log in "
                + "again with the tool behind it, then check with: kubectl auth whoami\(contextFlag)"
        case let .tokenFile(file) where context == nil:
            return "the token in \(show(file)) is no longer accepted: was the service account deleted or "
                + "recreated? restart the pod"
        case let .tokenFile(file):
            return "the token in \(show(file)) is no longer accepted: put a fresh one there"
        case .token:
            return "the token in the kubeconfig is no longer accepted: get a new one and set it with: "
                + "kubectl config set-credentials \(show(user ?? "")) --token=NEW"
        case let .clientCertificate(file?):
            return "its client certificate may have expired; check with: openssl x509 -noout -enddate -in "
                + show(file)
        case .clientCertificate(nil):
            return "its client certificate (client-certificate-data) may have expired or come from another "
                + "cluster: get a new kubeconfig for it"
        case .none:
            return "it presents no credentials: add a token, client certificate or exec plugin to the user entry"
        }
    }
}
