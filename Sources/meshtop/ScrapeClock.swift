import Foundation

/// Scrape timestamps in milliseconds since the epoch: the wall clock read once, then advanced by
/// the monotonic clock, so a wall-clock jump (NTP, a suspended laptop) can never bend a window.
/// The pure code gets its time only from here.
struct ScrapeClock {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let startMs: Int64

    init() {
        start = clock.now
        startMs = Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    func nowMs() -> Int64 {
        startMs + (clock.now - start).milliseconds
    }

    /// Sleeps until `ms`, in short steps so that `stop` is noticed promptly.
    func sleep(untilMs ms: Int64, unless stop: () -> Bool = { false }) {
        while !stop() {
            let left = ms - nowMs()
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: Double(min(left, 50)) / 1000)
        }
    }
}
