import Foundation
import MeshModel

/// Who a proxy belongs to, from what the proxy itself can tell: its pod's name (Kubernetes builds pod
/// names from their controller's) and its `/env.json` admin endpoint.
public enum PodIdentity {
    /// A pod's name and namespace, as the proxy's `/env.json` reports them.
    public struct PodEnvironment: Hashable, Sendable {
        /// The pod's name (`_pod_name`).
        public var pod: String
        /// The pod's namespace (`_pod_ns`).
        public var namespace: String

        /// Creates a pod environment.
        public init(pod: String, namespace: String) {
            self.pod = pod
            self.namespace = namespace
        }
    }

    /// The characters Kubernetes uses for generated name parts (`rand.SafeEncodeString`): no vowels,
    /// no `0 1 3`, so that they never spell words.
    static let safeAlphabet = Set("bcdfghjklmnpqrstvwxz2456789")

    /// The workload a pod most likely belongs to, from its name alone:
    /// - `web-7d9c8b5f4-x2kq9` → `deployment/web` (a ReplicaSet's pod-template hash of 6–10 safe
    ///   characters, then a 5-character random suffix);
    /// - `db-0` → `statefulset/db` (an ordinal);
    /// - anything else → `pod/<name>` (DaemonSet and Job pods can't be told from bare pods).
    public static func workload(forPod pod: String, namespace: String) -> WorkloadRef {
        let parts = pod.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 3 {
            let hash = parts[parts.count - 2]
            let suffix = parts[parts.count - 1]
            let base = parts.dropLast(2).joined(separator: "-")
            if !base.isEmpty, (6...10).contains(hash.count), suffix.count == 5,
               hash.allSatisfy(safeAlphabet.contains), suffix.allSatisfy(safeAlphabet.contains) {
                return WorkloadRef(namespace: namespace, kind: "deployment", name: base)
            }
        }
        if parts.count >= 2, let ordinal = parts.last, isOrdinal(ordinal) {
            let base = parts.dropLast().joined(separator: "-")
            if !base.isEmpty {
                return WorkloadRef(namespace: namespace, kind: "statefulset", name: base)
            }
        }
        return WorkloadRef(namespace: namespace, kind: "pod", name: pod)
    }

    /// `0`, `1`, `12`, but not `01` or `x`.
    private static func isOrdinal(_ text: Substring) -> Bool {
        guard let first = text.first, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || text.count == 1
    }

    /// Reads `_pod_name` and `_pod_ns` from a proxy's `/env.json` body (a JSON object of environment
    /// variables). `nil` if the body isn't such an object or either value is missing or empty.
    public static func parseEnvironment(_ body: [UInt8]) -> PodEnvironment? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let pod = object["_pod_name"] as? String, !pod.isEmpty,
              let namespace = object["_pod_ns"] as? String, !namespace.isEmpty else { return nil }
        return PodEnvironment(pod: pod, namespace: namespace)
    }

    /// The request for the `/env.json` of the proxy whose metrics are at `metricsURL`: same scheme,
    /// host and port, path `/env.json?_pod_name&_pod_ns`, `Accept: application/json`.
    /// `nil` unless `metricsURL` is `http://` or `https://`.
    public static func environmentRequest(forMetricsURL metricsURL: String) -> FetchRequest? {
        guard let authority = authority(of: metricsURL) else { return nil }
        return FetchRequest(url: "\(authority.scheme)://\(authority.hostPort)/env.json?_pod_name&_pod_ns",
                            accept: "application/json")
    }

    /// Splits `http(s)://host:port/anything` into its lower-cased scheme and `host:port` (any
    /// `user@` part dropped). `nil` for other schemes or an empty host.
    static func authority(of url: String) -> (scheme: String, hostPort: String)? {
        guard let separator = url.range(of: "://") else { return nil }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[separator.upperBound...]
        var hostPort = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = hostPort.lastIndex(of: "@") { hostPort = hostPort[hostPort.index(after: at)...] }
        guard !hostPort.isEmpty else { return nil }
        return (scheme, String(hostPort))
    }
}
