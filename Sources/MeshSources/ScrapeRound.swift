import Foundation
import MeshModel

/// Scrapes every target once, concurrently, through one `HTTPFetcher`, straight into a
/// `MeshWindow`: each body is read piece by piece as it arrives and never held whole, so a
/// round over thousands of targets costs only the pieces in flight.
/// A target that fails costs only its own slot; the round always completes.
public struct ScrapeRound {
    private let fetcher: HTTPFetcher

    /// A round that fetches with `fetcher`.
    public init(fetcher: HTTPFetcher) {
        self.fetcher = fetcher
    }

    /// Scrapes a plan's targets as it says (see ``scrape(_:requests:at:into:adjust:stopped:)``);
    /// `adjust` runs after the plan's own explanation.
    public func scrape(_ plan: ScrapePlan, at timestampMs: Int64, into mesh: inout MeshWindow,
                       adjust: (FetchResult, inout TargetHealth) -> Void = { _, _ in }, stopped: () -> Bool = { false }) {
        scrape(plan.targets, requests: plan.requests, at: timestampMs, into: &mesh, adjust: { result, health in
            plan.explain(result, &health)
            adjust(result, &health)
        }, stopped: stopped)
    }

    /// Fetches all targets and records each scrape in `mesh`, stamped `timestampMs`: the
    /// round's start, as Prometheus stamps a scrape with its start, one per round so every
    /// target's points line up with the window's ends.
    ///
    /// - Parameters:
    ///   - requests: how to fetch each target (credentials, TLS), in the same order; by default
    ///     a plain `GET` of its URL.
    ///   - adjust: may amend a target's health, knowing its fetch's result, before it is recorded.
    ///   - stopped: asked at least once a second; once true, the round is abandoned (the process
    ///     is about to exit).
    public func scrape(_ targets: [ScrapeTarget], requests: [FetchRequest]? = nil, at timestampMs: Int64,
                       into mesh: inout MeshWindow, adjust: (FetchResult, inout TargetHealth) -> Void = { _, _ in },
                       stopped: () -> Bool = { false }) {
        var pending = [ProxyHistory.PendingScrape?](repeating: nil, count: targets.count)
        let requests = requests ?? targets.map { FetchRequest(url: $0.url) }
        precondition(requests.count == targets.count, "one request per target")
        fetcher.streamEach(requests, receive: { index, piece in
            if pending[index] == nil { pending[index] = mesh.begin(targets[index]) }
            mesh.feed(targets[index], piece, into: &pending[index]!)
        }, stopped: stopped, { index, result in
            let target = targets[index]
            var health = TargetHealth(
                url: target.url, pod: target.pod, workload: target.workload,
                ok: result.error == nil, error: result.error?.description,
                bytes: result.bytes, durationMs: (result.durationMs * 10).rounded() / 10)
            adjust(result, &health)
            // An empty body is a scrape with no samples, not a failure.
            let scrape = result.error == nil ? pending[index] ?? mesh.begin(target) : nil
            pending[index] = nil
            mesh.finish(target, scrape, at: timestampMs, health: health)
        })
    }
}
