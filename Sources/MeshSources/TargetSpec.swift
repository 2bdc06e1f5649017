import Foundation
import MeshModel

/// A target to scrape before its identity is complete: a URL plus whatever labels discovery gave it.
///
/// ``TargetResolver`` turns specs into `ScrapeTarget`s, asking the proxy's `/env.json` for those
/// whose ``workload`` is unknown.
public struct TargetSpec: Hashable, Sendable {
    /// Where `/metrics` is fetched from: `http://`, `https://` or `file://`.
    public var url: String
    /// Target labels without Prometheus's reserved `__…` ones: `namespace`, `pod`, `deployment`, ….
    public var labels: [String: String]

    /// Creates a spec.
    public init(url: String, labels: [String: String] = [:]) {
        self.url = url
        self.labels = labels
    }

    /// The `namespace` label, if set and not empty.
    public var namespace: String? { nonEmpty(labels["namespace"]) }

    /// The `pod` label, if set and not empty.
    public var pod: String? { nonEmpty(labels["pod"]) }

    /// The workload named by the first `<kind>` label of `WorkloadRef.labelKinds` that is set
    /// (`k8s_job` gives kind `job`), in ``namespace`` or `""`. `nil` means unknown.
    public var workload: WorkloadRef? {
        for (label, kind) in WorkloadRef.labelKinds {
            if let name = nonEmpty(labels[label]) {
                return WorkloadRef(namespace: namespace ?? "", kind: kind, name: name)
            }
        }
        return nil
    }

    /// How to name the target when nothing better is known: `host:port` for `http(s)://` URLs,
    /// the path for `file://` URLs, else the URL itself.
    public var address: String {
        if let authority = PodIdentity.authority(of: url) { return authority.hostPort }
        if url.lowercased().hasPrefix("file://"), let path = URL(string: url)?.path, !path.isEmpty {
            return path
        }
        return url
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
