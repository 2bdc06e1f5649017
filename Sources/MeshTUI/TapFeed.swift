import MeshTap

/// What the Tap and Top views show, fed by the driver one completed request at a time: the
/// latest requests (bounded), their aggregation, the event rate, what was lost on the way,
/// and the stream's notices (reconnects, errors).
///
/// Pure: every time comes in as a parameter. While paused, requests are still counted (the
/// rate, ``heldBack``) but the views keep showing what was there when the pause began.
public struct TapFeed: Sendable {
    /// A line about the stream itself, at the time it was said.
    public struct Notice: Hashable, Sendable {
        public var atMs: Int64
        public var text: String
    }

    /// What the views show: live, or frozen at the pause.
    private struct Shown: Sendable {
        var recent: TapRingBuffer<TappedRequest>
        var top: TapTop
        var atMs: Int64?
    }

    /// The requests per second are averaged over this many whole seconds.
    public static let rateSeconds: Int64 = 5
    /// How many notices are kept.
    public static let keptNotices = 5

    private var live: Shown
    private var frozen: Shown?
    /// Requests that arrived per whole second, oldest first, the last ``rateSeconds`` + 1 seconds.
    private var perSecond: [(second: Int64, count: Int)] = []
    private var firstAtMs: Int64?

    /// Requests added since the start.
    public private(set) var total = 0
    /// Requests added since the pause began, not shown yet.
    public private(set) var heldBack = 0
    /// The latest notices, oldest first.
    public private(set) var notices: [Notice] = []
    /// What the pairing of events did, as the driver last reported it.
    public var pairing = TapPairingCounts()
    /// The most requests per second the tap asked each proxy for (`maxRps`): tap samples.
    public var maxRps: Double?

    /// An empty feed keeping up to `capacity` requests, with a Top window of `windowMs`.
    public init(capacity: Int = 5_000, windowMs: Int64 = 60_000) {
        live = Shown(recent: TapRingBuffer(capacity: capacity), top: TapTop(windowMs: windowMs))
    }

    /// Whether the views are frozen.
    public var isPaused: Bool { frozen != nil }
    /// The most requests kept for the Tap view.
    public var capacity: Int { live.recent.capacity }
    /// The Top view's sliding window.
    public var windowMs: Int64 { live.top.windowMs }

    /// Adds a request that completed at `nowMs`.
    public mutating func add(_ request: TappedRequest, atMs nowMs: Int64) {
        total += 1
        if frozen != nil { heldBack += 1 }
        live.recent.append(request)
        live.top.record(request)
        live.atMs = nowMs
        firstAtMs = firstAtMs ?? nowMs
        let second = Self.second(nowMs)
        if perSecond.last?.second == second {
            perSecond[perSecond.count - 1].count += 1
        } else {
            perSecond.append((second, 1))
        }
        perSecond.removeAll { $0.second < second - Self.rateSeconds }
    }

    /// Records a notice about the stream (`stream stalled: reconnecting`), said at `nowMs`.
    public mutating func notice(_ text: String, atMs nowMs: Int64) {
        notices.append(Notice(atMs: nowMs, text: text))
        if notices.count > Self.keptNotices { notices.removeFirst(notices.count - Self.keptNotices) }
    }

    /// Freezes the views at `nowMs` (`paused`), or shows everything again.
    public mutating func setPaused(_ paused: Bool, atMs nowMs: Int64) {
        guard paused != isPaused else { return }
        if paused {
            var shown = live
            shown.atMs = nowMs
            frozen = shown
        } else {
            frozen = nil
            heldBack = 0
        }
    }

    /// Requests per second over the last ``rateSeconds`` whole seconds before `nowMs` (fewer
    /// just after the first request); 0 before any.
    public func requestsPerSecond(atMs nowMs: Int64) -> Double {
        guard let firstAtMs else { return 0 }
        let now = Self.second(nowMs)
        let span = min(Self.rateSeconds, now - Self.second(firstAtMs))
        guard span > 0 else { return 0 }
        let counted = perSecond.filter { $0.second >= now - span && $0.second < now }.reduce(0) { $0 + $1.count }
        return Double(counted) / Double(span)
    }

    /// Requests lost before they were complete: their events unpaired (started before the tap,
    /// expired, evicted or replaced), plus those Top had no room for.
    public var lost: Int {
        pairing.unknownStream + pairing.expired + pairing.evicted + pairing.replaced + live.top.droppedRequests
    }

    /// Requests the Tap view forgot to keep its bound (the oldest go first).
    public var forgotten: Int { live.recent.dropped }

    /// The shown requests that pass `filter`, oldest first.
    public func shown(filter: TapViewFilter) -> [TappedRequest] {
        let recent = (frozen ?? live).recent
        return filter.isEmpty ? Array(recent) : recent.filter(filter.matches)
    }

    /// How many requests are shown, before any filter.
    public var shownCount: Int { (frozen ?? live).recent.count }

    /// The Top rows of `span` that pass `filter`, sorted by `order`, at `nowMs` (the pause's
    /// time while paused). A filter on status or latency counts the kept requests again
    /// (``TopRows/fromKeptRequests``), since totals can't be split by them.
    public func topRows(span: TapTop.Span, filter: TapViewFilter, order: TapTopOrder, descending: Bool,
                        atMs nowMs: Int64) -> TopRows {
        let shown = frozen ?? live
        let at = frozen?.atMs ?? nowMs
        guard filter.needsRequests else {
            let rows = shown.top.rows(span, atMs: at).filter(filter.matches)
            return TopRows(rows: rows.sorted(by: order, descending: descending), fromKeptRequests: false)
        }
        var recount = TapTop(windowMs: shown.top.windowMs, naming: shown.top.naming)
        for request in shown.recent where filter.matches(request) { recount.record(request) }
        return TopRows(rows: recount.rows(span, atMs: at).sorted(by: order, descending: descending),
                       fromKeptRequests: true)
    }

    /// The Top view's rows, and whether they come from the kept requests only.
    public struct TopRows: Hashable, Sendable {
        public var rows: [TapTopRow]
        /// Whether the rows count only the requests the Tap view keeps, not all since the start.
        public var fromKeptRequests: Bool
    }

    private static func second(_ ms: Int64) -> Int64 {
        ms >= 0 ? ms / 1000 : (ms - 999) / 1000
    }
}
