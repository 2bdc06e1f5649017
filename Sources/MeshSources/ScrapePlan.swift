import MeshModel

/// What one scrape round fetches, as the source sees it at the round's start: the targets, how
/// to reach each, how to word a failure, and what discovery knows besides.
public struct ScrapePlan: Sendable {
    /// The proxies to scrape.
    public var targets: [ScrapeTarget]
    /// How to fetch each target, in the same order; `nil` for a plain `GET` of its URL.
    public var requests: [FetchRequest]?
    /// Rewords a target's failure in the source's terms (a 403 through the API server's pod
    /// proxy is RBAC's or Linkerd's policy, and says which).
    public var explain: @Sendable (FetchResult, inout TargetHealth) -> Void
    /// Each workload's running and meshed pods, when discovery knows them.
    public var podCounts: [WorkloadRef: PodMeshedCount]?
    /// What keeps the source from showing all it should, for the snapshot's ``Snapshot/problems``.
    public var problems: [String]

    /// A plan over `targets`, fetched with `requests` (or plainly).
    public init(targets: [ScrapeTarget], requests: [FetchRequest]? = nil,
                explain: @escaping @Sendable (FetchResult, inout TargetHealth) -> Void = { _, _ in },
                podCounts: [WorkloadRef: PodMeshedCount]? = nil, problems: [String] = []) {
        self.targets = targets
        self.requests = requests
        self.explain = explain
        self.podCounts = podCounts
        self.problems = problems
    }

    /// What the plan adds to a snapshot of its round: pod counts and problems.
    public func complete(_ snapshot: inout Snapshot) {
        if let podCounts { snapshot.countPods(podCounts) }
        snapshot.problems = problems
    }
}
