extension TapProblem: CustomStringConvertible {
    /// What happened and what to do, in a line or two. Everything from the server is escaped
    /// (``StatTable/display(_:)``) and cut to a few hundred characters.
    public var description: String {
        switch self {
        case let .tapAPIUnavailable(404, detail):
            return "the API server has no tap API (APIService v1alpha1.tap.linkerd.io): is Linkerd viz installed? "
                + "Install it with: linkerd viz install | kubectl apply -f -; check with: linkerd viz check "
                + "(server: \(brief(detail)))"
        case let .tapAPIUnavailable(status, detail):
            return "the tap API (APIService v1alpha1.tap.linkerd.io) is unavailable: the API server answered "
                + "\(status) (\(brief(detail))); are viz's tap pods running? Check with: kubectl get apiservice "
                + "v1alpha1.tap.linkerd.io; linkerd viz check"
        case let .unauthorized(detail):
            return "the API server rejected the credentials (expired?): \(brief(detail))"
        case let .forbidden(target, clusterRole, detail):
            let namespace = target.kind == .namespace ? target.name : target.namespace
            return "not allowed to tap \(show(target.description)) in namespace \(show(namespace)): RBAC must allow "
                + "verb watch on \(target.kind.plural)/tap in API group tap.linkerd.io, as the ClusterRole "
                + "\(show(clusterRole)) does (bind it: kubectl create rolebinding NAME --clusterrole "
                + "\(show(clusterRole)) --user USER -n \(show(namespace))); check with: kubectl auth can-i watch "
                + "\(target.kind.plural).tap.linkerd.io -n \(show(namespace)) (server: \(brief(detail)))"
        case let .podsNotTapEnabled(target, notEnabled, disabled):
            var parts: [String] = []
            if !notEnabled.isEmpty {
                parts.append("\(pods(notEnabled.count, of: target)) started before Linkerd viz was installed and "
                    + "\(notEnabled.count == 1 ? "is" : "are") not tap-enabled: restart "
                    + "\(notEnabled.count == 1 ? "it" : "them")\(restartHint(target)) (\(podList(notEnabled)))")
            }
            if !disabled.isEmpty {
                parts.append("\(pods(disabled.count, of: target)) \(disabled.count == 1 ? "has" : "have") tap turned off "
                    + "by the annotation viz.linkerd.io/disable-tap: remove it to tap them (\(podList(disabled)))")
            }
            return parts.joined(separator: "; ")
        case let .noPodsMatched(target, labelSelector):
            let selector = labelSelector.isEmpty ? "" : " with labels \(show(labelSelector))"
            let namespace = target.kind == .namespace ? target.name : target.namespace
            return "no meshed pods to tap for \(show(target.description))\(selector) in namespace \(show(namespace)): "
                + "are they running and injected? Check with: linkerd viz stat \(show(target.description)) -n "
                + "\(show(namespace))"
        case let .targetNotFound(target, detail):
            return "\(show(target.description)) not found: \(brief(detail))"
        case let .failed(status, detail):
            return "tap failed\(status > 0 ? " (HTTP \(status))" : ""): \(brief(detail))"
        }
    }

    private func restartHint(_ target: TapResource) -> String {
        switch target.kind {
        case .deployment, .statefulSet, .daemonSet:
            return target.name.isEmpty ? ""
                : " (kubectl rollout restart \(target.kind.rawValue)/\(show(target.name)) -n \(show(target.namespace)))"
        default:
            return ""
        }
    }

    private func pods(_ count: Int, of target: TapResource) -> String {
        "\(count) pod\(count == 1 ? "" : "s") of \(show(target.description))"
    }

    private func podList(_ pods: [String]) -> String {
        let shown = pods.prefix(5).map(show).joined(separator: ", ")
        return pods.count > 5 ? shown + ", and \(pods.count - 5) more" : shown
    }

    private func brief(_ detail: String) -> String {
        let trimmed = detail.count > 300 ? String(detail.prefix(300)) + "…" : detail
        return show(trimmed)
    }
}
