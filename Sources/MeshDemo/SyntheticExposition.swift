import MeshModel

/// Generator of large, realistic linkerd2-proxy `/metrics` bodies for parse benchmarks.
public enum SyntheticExposition {
    /// A body of about `targetBytes` bytes from one proxy with as many outbound peers as needed;
    /// the same seed always gives the same bytes.
    ///
    /// Peers are drawn one by one; the last is kept only if it brings the size closer to the target.
    public static func body(targetBytes: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var proxy = benchProxy(&rng)
        let base = proxy.metricsBody().count
        var size = base
        while size < targetBytes {
            let peer = randomPeer(index: proxy.outbound.count, &rng)
            var alone = proxy
            alone.outbound = [peer]
            let grows = alone.metricsBody().count - base
            guard size + grows / 2 <= targetBytes else { break }
            proxy.outbound.append(peer)
            size += grows
        }
        return proxy.metricsBody()
    }

    private static let namespaces = ["shop", "payments", "catalog", "identity", "search", "shipping", "emojivoto"]
    private static let names = [
        "cart", "checkout", "inventory", "pricing", "recommendations", "reviews", "auth", "ledger",
        "emoji", "voting", "web", "orders", "notifications", "gateway", "profiles", "images",
    ]

    /// The scraped proxy: a busy frontend pod, one day after it started.
    private static func benchProxy(_ rng: inout SplitMix64) -> SyntheticProxy {
        let workload = WorkloadRef(namespace: "shop", kind: "deployment", name: "frontend")
        let pod = "frontend-\(rng.token(10))-\(rng.token(5))"
        let clients = ["web-gateway", "mobile-gateway", "admin"].map {
            ProxyLabels.identity(serviceAccount: $0, namespace: "shop")
        }
        return SyntheticProxy(
            namespace: "shop", pod: pod, podIP: ProxyLabels.podIP(pod, namespace: "shop"), workload: workload,
            inboundRPS: 250, successRate: 0.995, latencyMs: 12, inboundClients: clients,
            outbound: [], elapsedSeconds: 86_400)
    }

    /// Peer number `index`: mostly Deployments, 1–3 pods, skewed rates, a few status codes.
    private static func randomPeer(index: Int, _ rng: inout SplitMix64) -> SyntheticPeer {
        let namespace = rng.pick(namespaces)
        let name = "\(rng.pick(names))-\(index)"
        let roll = rng.unit()
        let kind = roll < 0.85 ? "deployment" : roll < 0.95 ? "statefulset" : "daemonset"
        let u = rng.unit()
        return SyntheticPeer(
            workload: WorkloadRef(namespace: namespace, kind: kind, name: name),
            pods: randomPods(name: name, kind: kind, count: 1 + rng.below(3), &rng),
            rps: 0.1 + 400 * u * u * u,
            successRate: rng.unit() < 0.1 ? 0.7 + 0.2 * rng.unit() : 0.97 + 0.03 * rng.unit(),
            latencyMs: 1 + 300 * rng.unit() * rng.unit(),
            tls: rng.unit() < 0.9,
            statusCodes: [200] + [201, 204, 304, 404].filter { _ in rng.unit() < 0.4 })
    }

    /// Pod names in the shape Kubernetes gives each kind.
    private static func randomPods(name: String, kind: String, count: Int, _ rng: inout SplitMix64) -> [String] {
        switch kind {
        case "statefulset": return (0..<count).map { "\(name)-\($0)" }
        case "deployment":
            let hash = rng.token(10)
            return (0..<count).map { _ in "\(name)-\(hash)-\(rng.token(5))" }
        default: return (0..<count).map { _ in "\(name)-\(rng.token(5))" }
        }
    }
}

/// SplitMix64: a tiny, fast, deterministic 64-bit pseudo-random generator.
///
/// Deliberately not a `RandomNumberGenerator`: the stdlib's `random(in:using:)` may change how it
/// draws between Swift releases, and the bytes must not.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// One of `items`, uniformly.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `length` characters from the alphabet Kubernetes uses for generated name suffixes.
    mutating func token(_ length: Int) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<length).map { _ in alphabet[below(alphabet.count)] })
    }
}
