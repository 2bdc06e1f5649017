import MeshModel
import MeshSources

/// The meshed pods of a cluster as scrape rounds see them: discovered by a ``PodWatcher``,
/// scraped through the API server's pod proxy from outside the cluster (``KubeEndpoint``
/// credentials on every request) or straight at their IPs from inside it, each failure worded
/// as a ``KubeAPIProblem``.
public final class KubeSource: Sendable {
    /// The cluster.
    public let client: KubeClient
    private let watcher: PodWatcher
    private let route: PodScrapeRoute

    /// A source over `namespaces` of `client`'s cluster; discovery's requests are bounded by
    /// `limits`. Nothing happens until ``start(waitingMs:)``.
    public init(client: KubeClient, namespaces: NamespaceSelection, limits: FetchLimits) {
        self.client = client
        watcher = PodWatcher(client: client, namespaces: namespaces, limits: limits)
        // The service account (no context) runs in the cluster and reaches pods directly.
        route = client.selection.contextName == nil ? .direct : .apiServer(server: client.selection.server)
    }

    /// The namespaces watched.
    public var namespaces: NamespaceSelection { watcher.selection }

    /// The cluster's namespaces, when the user may list them.
    public var clusterNamespaces: [String]? { watcher.current.namespaces }

    /// Starts discovery and waits up to `timeoutMs` for the first pod list, so that the first
    /// round has pods to scrape.
    public func start(waitingMs timeoutMs: Int) {
        watcher.start()
        _ = watcher.waitForFirstAnswer(timeoutMs: timeoutMs)
    }

    /// Stops discovery, waiting up to `waitingMs` for it to end (see ``PodWatcher/stop(waitingMs:)``).
    public func stop(waitingMs: Int = 0) {
        watcher.stop(waitingMs: waitingMs)
    }

    /// The next round: the scrapeable pods as of now, requested with the credentials of now.
    public func plan() -> ScrapePlan {
        let state = watcher.current
        let targets = state.pods?.scrapeTargets(route: route) ?? []
        var problems = state.problem.map { [$0] } ?? []
        if state.pods != nil, targets.isEmpty, state.problem == nil {
            problems.append(KubeAPIProblem.noMeshedPods(namespace: namespaces.namespace,
                                                       context: client.selection.contextName).description)
        }
        var requests: [FetchRequest]?
        if case .apiServer = route {
            do {
                let endpoint = try client.endpoint()
                requests = targets.map { endpoint.request(url: $0.url) }
            } catch {
                problems.append(String(describing: error))
            }
        }
        let client = client
        let direct = route == .direct
        return ScrapePlan(targets: targets, requests: requests, explain: { result, health in
            guard !direct else { return }
            let request = client.describe(.get, .podsProxy, namespace: health.workload.namespace, name: health.pod)
            if let problem = client.problem(result, request) { health.error = problem.description }
        }, podCounts: state.pods?.meshedCounts(), problems: problems)
    }
}
