import MeshModel

/// How meshtop reaches a pod's proxy: through the API server's pod proxy from outside the cluster,
/// or straight to the pod's IP from inside it.
public enum PodScrapeRoute: Hashable, Sendable {
    /// `{server}/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/metrics`; `server` is the
    /// kubeconfig cluster's `server` URL (`https://10.0.0.1:6443`, maybe with a path prefix).
    case apiServer(server: String)
    /// `http://{podIP}:{port}/metrics`, for meshtop running in the cluster.
    case direct

    /// The scrape target for a pod's proxy, or `nil` when the pod isn't scrapeable
    /// (``PodMesh/isScrapeable(_:)``), its namespace or name is `.` or `..` (escaping leaves those
    /// as they are, and a URL client would resolve them as path steps), or, going direct, its
    /// `podIP` isn't an IP address. All of these come from an API response and go into a URL, so
    /// they are checked, not trusted.
    public func target(for pod: Pod) -> ScrapeTarget? {
        let dotSegments: Set = [".", ".."]
        guard PodMesh.isScrapeable(pod), let port = PodMesh.adminPort(pod),
              !dotSegments.contains(pod.metadata.namespace), !dotSegments.contains(pod.metadata.name)
        else { return nil }
        let url: String
        switch self {
        case let .apiServer(server):
            let base = server.hasSuffix("/") ? String(server.dropLast()) : server
            url = base + PodProxyPath.path(namespace: pod.metadata.namespace, pod: pod.metadata.name, port: port)
        case .direct:
            guard let host = Self.urlHost(ip: pod.status.podIP ?? "") else { return nil }
            url = "http://\(host):\(port)/metrics"
        }
        return ScrapeTarget(url: url, workload: PodWorkload.workload(of: pod), pod: pod.metadata.name)
    }

    /// `10.42.0.7` as is, `fd00::7` as `[fd00::7]`; `nil` for anything that isn't an IPv4 or IPv6
    /// address in the characters those use.
    static func urlHost(ip: String) -> String? {
        let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy(isOctet) {
            return ip
        }
        if ip.contains(":"), ip.count <= 45, ip.allSatisfy({ $0.isHexDigit && $0.isASCII || $0 == ":" || $0 == "." }) {
            return "[\(ip)]"
        }
        return nil
    }
}

/// `0` to `255` in one to three ASCII digits.
private func isOctet(_ text: Substring) -> Bool {
    (1...3).contains(text.count) && text.allSatisfy { ("0"..."9").contains($0) } && (Int(text) ?? 256) <= 255
}
