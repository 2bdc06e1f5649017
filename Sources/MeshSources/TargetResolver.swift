import Foundation
import MeshModel

/// Completes the identity of targets: labels first, then each proxy's own `/env.json`, then the
/// target's address.
public enum TargetResolver {
    /// Turns specs into scrape targets, in the same order.
    ///
    /// - A spec whose labels name a namespace and a workload (or a pod) is used as is.
    /// - The others' proxies are asked for `/env.json`, all in one concurrent round on `fetcher`.
    /// - A target still unknown is named by its address: `target/<host:port>` with pod `<host:port>`.
    public static func resolve(_ specs: [TargetSpec], fetcher: HTTPFetcher) -> [ScrapeTarget] {
        let lookups: [(index: Int, request: FetchRequest)] = specs.indices.compactMap { index in
            guard needsEnvironment(specs[index]),
                  let request = PodIdentity.environmentRequest(forMetricsURL: specs[index].url) else { return nil }
            return (index, request)
        }
        var environments: [Int: PodIdentity.PodEnvironment] = [:]
        if !lookups.isEmpty {
            let results = fetcher.fetchAll(lookups.map(\.request))
            for (lookup, result) in zip(lookups, results) {
                environments[lookup.index] = result.body.flatMap(PodIdentity.parseEnvironment)
            }
        }
        return specs.indices.map { identify(specs[$0], environment: environments[$0]) }
    }

    /// Whether a spec's labels leave its namespace or its workload and pod unknown.
    static func needsEnvironment(_ spec: TargetSpec) -> Bool {
        spec.namespace == nil || (spec.workload == nil && spec.pod == nil)
    }

    /// The scrape target for `spec`, given what its proxy's `/env.json` said (labels win over it).
    ///
    /// The workload comes from a `<kind>` label, else from the pod's name (see
    /// ``PodIdentity/workload(forPod:namespace:)``), else it is `target/<address>`.
    public static func identify(_ spec: TargetSpec, environment: PodIdentity.PodEnvironment?) -> ScrapeTarget {
        let namespace = spec.namespace ?? environment?.namespace ?? ""
        let pod = spec.pod ?? environment?.pod
        if var workload = spec.workload {
            workload.namespace = namespace
            return ScrapeTarget(url: spec.url, workload: workload, pod: pod ?? spec.address)
        }
        if let pod = pod ?? savedPodName(spec.url) {
            return ScrapeTarget(url: spec.url, workload: PodIdentity.workload(forPod: pod, namespace: namespace),
                                pod: pod)
        }
        return ScrapeTarget(url: spec.url,
                            workload: WorkloadRef(namespace: namespace, kind: "target", name: spec.address),
                            pod: spec.address)
    }

    /// A saved body is named after its file, which is often the pod it came from
    /// (`web-7d9c8b5f4-x2kq9.txt`): the name without its extension.
    static func savedPodName(_ url: String) -> String? {
        guard url.lowercased().hasPrefix("file://"), let file = URL(string: url)?.deletingPathExtension().lastPathComponent,
              !file.isEmpty, file != "/" else { return nil }
        return file
    }
}
