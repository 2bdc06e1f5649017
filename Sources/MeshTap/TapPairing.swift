/// Pairs the three events of each request into a ``TappedRequest``, as `linkerd viz top`
/// does: by source address, destination address and stream id. A request-init opens a
/// request, a response-init is attached to it, a response-end completes it.
///
/// Memory is bounded: at most `maxOpen` requests wait for their end (the oldest is dropped
/// for a new one), and a request open longer than `expireAfterMs` is dropped. Every event
/// that does not make or join a request is counted in ``counts``.
public struct TapPairing: Sendable {
    public static let defaultMaxOpen = 10_000
    public static let defaultExpireAfterMs: Int64 = 60_000

    /// The most requests waiting for their end.
    public let maxOpen: Int
    /// How long a request may wait for its end.
    public let expireAfterMs: Int64
    public private(set) var counts = TapPairingCounts()

    private struct Key: Hashable {
        var source: TapAddress
        var destination: TapAddress
        var stream: TapStreamID
    }

    private struct OpenRequest {
        var event: TapEvent
        var request: TapRequestInit
        var response: TapResponseInit?
        var openedAtMs: Int64
        var serial: Int
    }

    private var open: [Key: OpenRequest] = [:]
    /// Open requests in the order they opened. Entries whose request completed stay until they
    /// reach the front or the queue is compacted; `serial` tells them from a reopened key.
    private var order: [(key: Key, serial: Int, openedAtMs: Int64)] = []
    private var orderStart = 0
    private var nextSerial = 0

    public init(maxOpen: Int = defaultMaxOpen, expireAfterMs: Int64 = defaultExpireAfterMs) {
        precondition(maxOpen > 0 && expireAfterMs > 0, "pairing needs room and time")
        self.maxOpen = maxOpen
        self.expireAfterMs = expireAfterMs
    }

    /// Requests waiting for their end.
    public var openCount: Int { open.count }

    /// Adds the next event of the stream, received at `nowMs`; returns the request it completes.
    /// Expires what has waited too long first.
    public mutating func add(_ event: TapEvent, atMs nowMs: Int64) -> TappedRequest? {
        expire(atMs: nowMs)
        guard let http = event.http else {
            counts.unknownEvents += 1
            return nil
        }
        let key = Key(source: event.source.address, destination: event.destination.address, stream: http.streamID)
        switch http {
        case let .requestInit(request):
            start(key, OpenRequest(event: event, request: request, openedAtMs: nowMs, serial: nextSerial))
            return nil
        case let .responseInit(response):
            guard open[key] != nil else {
                counts.unknownStream += 1
                return nil
            }
            open[key]?.response = response
            return nil
        case let .responseEnd(end):
            guard let entry = open.removeValue(forKey: key) else {
                counts.unknownStream += 1
                return nil
            }
            counts.completed += 1
            return TappedRequest(source: entry.event.source, destination: entry.event.destination,
                                 routeLabels: entry.event.routeLabels, direction: entry.event.direction,
                                 request: entry.request, response: entry.response, end: end,
                                 startedAtMs: entry.openedAtMs, endedAtMs: nowMs)
        }
    }

    /// Drops the requests opened more than ``expireAfterMs`` before `nowMs`.
    public mutating func expire(atMs nowMs: Int64) {
        while orderStart < order.count, order[orderStart].openedAtMs <= nowMs - expireAfterMs {
            let oldest = order[orderStart]
            orderStart += 1
            if open[oldest.key]?.serial == oldest.serial {
                open[oldest.key] = nil
                counts.expired += 1
            }
        }
        compactIfSparse()
    }

    private mutating func start(_ key: Key, _ entry: OpenRequest) {
        nextSerial += 1
        if open.updateValue(entry, forKey: key) != nil {
            counts.replaced += 1
        } else if open.count > maxOpen {
            evictOldest()
        }
        order.append((key, entry.serial, entry.openedAtMs))
        compactIfSparse()
    }

    private mutating func evictOldest() {
        while orderStart < order.count {
            let oldest = order[orderStart]
            orderStart += 1
            if open[oldest.key]?.serial == oldest.serial {
                open[oldest.key] = nil
                counts.evicted += 1
                return
            }
        }
    }

    /// Keeps the queue within a small multiple of the open requests, in amortized constant time.
    private mutating func compactIfSparse() {
        let queued = order.count - orderStart
        if queued > 2 * open.count + 1024 {
            order = order[orderStart...].filter { open[$0.key]?.serial == $0.serial }
            orderStart = 0
        } else if orderStart > 1024 && orderStart > queued {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }
}

/// What ``TapPairing`` did with the events it was given, since the start.
public struct TapPairingCounts: Hashable, Sendable {
    /// Requests completed and handed out.
    public var completed: Int
    /// Response events for no open request: it started before the tap, or was dropped.
    public var unknownStream: Int
    /// Open requests dropped after waiting ``TapPairing/expireAfterMs`` for their end.
    public var expired: Int
    /// Open requests dropped to make room (``TapPairing/maxOpen`` were open).
    public var evicted: Int
    /// Request starts for an id already open: the older one is dropped.
    public var replaced: Int
    /// Events carrying no HTTP event this decoder knows.
    public var unknownEvents: Int

    public init(completed: Int = 0, unknownStream: Int = 0, expired: Int = 0, evicted: Int = 0, replaced: Int = 0,
                unknownEvents: Int = 0) {
        self.completed = completed
        self.unknownStream = unknownStream
        self.expired = expired
        self.evicted = evicted
        self.replaced = replaced
        self.unknownEvents = unknownEvents
    }
}
