import Exposition

/// What one scrape of one proxy yielded, beside its numbers.
public struct IngestReport: Sendable, Equatable {
    /// Samples read (every family, used or not).
    public var samples = 0
    /// Lines that could not be read and were skipped.
    public var errorCount = 0
    /// The first few of those errors, for display.
    public var errors: [ParseError] = []
    /// How many errors are kept in `errors`.
    public static let keptErrors = 10
}

/// The recent scrapes of one proxy: the series it exposes that matter for the golden
/// metrics, and their values at each scrape time.
///
/// A scrape's bad lines are skipped and counted; the rest of it still counts.
/// Values are kept per scrape as a dense vector indexed by series slot, absent series as NaN,
/// so a series that vanishes or a scrape that fails simply has no point there, as in
/// Prometheus.
public struct ProxyHistory: Sendable {
    /// The proxy these scrapes came from.
    public let target: ScrapeTarget
    private var cache = SeriesCache()
    private(set) var roles: [SeriesRole] = []
    /// The latency bucket bounds the roles refer to.
    private(set) var bounds: [Double] = []
    private(set) var peers: [OutboundPeer] = []
    private var peerCache = SeriesCache(capacity: 4)
    private var peerKey: [UInt8] = []
    private(set) var scrapes: [(timestampMs: Int64, values: ScrapeValues)] = []

    /// A history with no scrapes yet.
    public init(target: ScrapeTarget) {
        self.target = target
    }

    /// A scrape being read piece by piece as its body arrives: ``begin()``, ``feed(_:into:)``
    /// for each piece, then ``commit(_:at:)``, or nothing if the transfer fails (a scrape counts
    /// whole or not at all).
    public struct PendingScrape: Sendable {
        fileprivate var values: [Double]
        fileprivate var scan = ExpositionScanner.State()
        fileprivate var lines = LineAssembler()
        fileprivate var report = IngestReport()
    }

    /// Reads one `/metrics` body scraped at `timestampMs` (later than any before).
    @discardableResult
    public mutating func ingest(_ body: [UInt8], at timestampMs: Int64) -> IngestReport {
        var scrape = begin()
        body.withUnsafeBufferPointer { feed($0, into: &scrape) }
        return commit(scrape, at: timestampMs)
    }

    /// Starts reading a scrape.
    public mutating func begin() -> PendingScrape {
        PendingScrape(values: [Double](repeating: .nan, count: roles.count))
    }

    /// Reads the next piece of the scrape's body; its lines may be cut anywhere.
    public mutating func feed(_ piece: UnsafeBufferPointer<UInt8>, into scrape: inout PendingScrape) {
        var lines = scrape.lines
        scrape.lines = LineAssembler()  // moved out, not shared, so its buffer isn't copied
        lines.feed(piece) { read($0, into: &scrape) }
        scrape.lines = lines
    }

    /// Ends the scrape, read whole, and keeps its values as the scrape at `timestampMs`
    /// (later than any before).
    @discardableResult
    public mutating func commit(_ scrape: PendingScrape, at timestampMs: Int64) -> IngestReport {
        var scrape = scrape
        var lines = scrape.lines
        scrape.lines = LineAssembler()
        lines.finish { read($0, into: &scrape) }
        scrapes.append((timestampMs, ScrapeValues(scrape.values)))
        return scrape.report
    }

    /// Reads a run of whole lines of the scrape's body.
    private mutating func read(_ buf: UnsafeBufferPointer<UInt8>, into scrape: inout PendingScrape) {
        var scanner = ExpositionScanner(buf, resuming: scrape.scan)
        defer { scrape.scan = scanner.state }
        var hit: Int32 = -1
        var missed: (series: UnsafeBufferPointer<UInt8>, key: SeriesCache.Key)?
        while let event = scanner.next(known: { series in
            let key = SeriesCache.key(series)
            guard let slot = cache.value(for: key) else {
                missed = (series, key)
                return false
            }
            hit = slot
            return true
        }) {
            switch event {
            case .sample(let sample):
                scrape.report.samples += 1
                let series = UnsafeBufferPointer(rebasing: buf[sample.series])
                // A miss offered the same bytes the full scan found: its key is still good.
                let key = missed.flatMap { $0.series.baseAddress == series.baseAddress && $0.series.count == series.count ? $0.key : nil }
                let slot = scanner.tookShortcut ? hit : slotOfScanned(sample, key: key ?? SeriesCache.key(series),
                                                                      labels: scanner.labels, in: buf)
                missed = nil
                guard slot >= 0 else { continue }
                if Int(slot) >= scrape.values.count {
                    scrape.values.append(contentsOf: repeatElement(.nan, count: Int(slot) + 1 - scrape.values.count))
                }
                scrape.values[Int(slot)] = sample.value
            case .error(let error):
                scrape.report.errorCount += 1
                if scrape.report.errors.count < IngestReport.keptErrors { scrape.report.errors.append(error) }
            case .metadata:
                continue
            }
        }
    }

    /// Drops scrapes that no window ending at or after `timestampMs` can use any more,
    /// keeping the newest one before it (so a window always finds a starting point).
    public mutating func forget(before timestampMs: Int64) {
        guard let keepFrom = scrapes.lastIndex(where: { $0.timestampMs <= timestampMs }), keepFrom > 0 else { return }
        scrapes.removeFirst(keepFrom)
    }

    /// The slot of a fully scanned series: from the cache, or classified and remembered.
    private mutating func slotOfScanned(_ sample: RawSample, key: SeriesCache.Key, labels: [LabelSpan],
                                        in body: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = cache.value(for: key) { return known }
        let slot = classify(sample, labels: labels, in: body)
        cache.set(slot, for: key)
        return slot
    }

    private mutating func classify(_ sample: RawSample, labels spans: [LabelSpan], in body: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let family = SeriesClassifier.family(sample.name, in: body) else { return -1 }
        let labels = SeriesLabels(spans, in: body)
        guard let measure = SeriesClassifier.measure(family, labels: labels, in: body) else { return -1 }
        var peer: Int32?
        if SeriesLabels.value(labels.direction, in: body, is: "outbound") {
            peer = outboundPeer(labels, in: body)
        }
        guard let role = SeriesRole(measure: measure, peer: peer, bounds: &bounds) else { return -1 }
        roles.append(role)
        return Int32(roles.count - 1)
    }

    /// The index of the peer an outbound series talks to; strings are made only for a new one.
    private mutating func outboundPeer(_ labels: SeriesLabels, in body: UnsafeBufferPointer<UInt8>) -> Int32 {
        labels.peerKey(into: &peerKey, in: body)
        let key = peerKey.withUnsafeBufferPointer(SeriesCache.key)
        if let known = peerCache.value(for: key) { return known }
        let outbound = OutboundPeer(workload: labels.destination(in: body), tls: labels.string(labels.tls, body),
                                    noTLSReason: labels.string(labels.noTLSReason, body),
                                    serverID: labels.string(labels.serverID, body))
        // Looked for among the peers so far only when a new label set shows up (the cold path).
        let index = peers.firstIndex(of: outbound) ?? peers.count
        if index == peers.count { peers.append(outbound) }
        peerCache.set(Int32(index), for: key)
        return Int32(index)
    }
}
