import Foundation
import MeshModel

/// One scrape of one target: the body it returned, or why not, and how it went.
public struct ScrapeOutcome: Sendable {
    public var target: ScrapeTarget
    /// The `/metrics` body, nil when the fetch failed.
    public var body: [UInt8]?
    /// The round's start in milliseconds since the epoch: the samples' timestamp, as
    /// Prometheus stamps a scrape with its start. One per round, so every target's points
    /// line up with the window's ends.
    public var timestampMs: Int64
    public var health: TargetHealth
}

/// Scrapes every target once, concurrently, through one `HTTPFetcher`.
/// A target that fails costs only its own slot; the round always completes.
public struct ScrapeRound {
    private let fetcher: HTTPFetcher

    /// A round that fetches with `fetcher`.
    public init(fetcher: HTTPFetcher) {
        self.fetcher = fetcher
    }

    /// Fetches all targets, stamped `timestampMs`, and hands each outcome to `record` as soon as
    /// it arrives, so a round over thousands of targets keeps only the bodies in flight.
    public func scrape(_ targets: [ScrapeTarget], at timestampMs: Int64, _ record: (ScrapeOutcome) -> Void) {
        fetcher.fetchEach(targets.map { FetchRequest(url: $0.url) }) { index, result in
            let target = targets[index]
            let health = TargetHealth(
                url: target.url, pod: target.pod, workload: target.workload,
                ok: result.body != nil, error: result.error?.description,
                bytes: result.body?.count ?? 0, durationMs: (result.durationMs * 10).rounded() / 10)
            record(ScrapeOutcome(target: target, body: result.body, timestampMs: timestampMs, health: health))
        }
    }
}
