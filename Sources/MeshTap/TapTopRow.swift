/// What the Top view groups requests by: who called whom, with which method and path.
public struct TapTopKey: Hashable, Sendable {
    public var source: TapPeer
    public var destination: TapPeer
    /// `GET`, or empty when the request had no method.
    public var method: String
    public var path: String

    public init(source: TapPeer, destination: TapPeer, method: String, path: String) {
        self.source = source
        self.destination = destination
        self.method = method
        self.path = path
    }
}

/// One row of the Top view: the requests of one ``TapTopKey`` over a span.
public struct TapTopRow: Hashable, Sendable {
    public var key: TapTopKey
    public var count: Int
    public var successes: Int
    /// Fastest, slowest and latest latency (``TappedRequest/latency``); `nil` when no request
    /// of the row had one.
    public var best: Duration?
    public var worst: Duration?
    public var last: Duration?
    /// The 95th percentile (nearest rank): exact over the window, within 1.6% since the start.
    public var p95: Duration?

    public init(key: TapTopKey, count: Int, successes: Int, best: Duration?, worst: Duration?, last: Duration?,
                p95: Duration?) {
        self.key = key
        self.count = count
        self.successes = successes
        self.best = best
        self.worst = worst
        self.last = last
        self.p95 = p95
    }

    /// Successes over all requests (0…1), `linkerd viz top`'s rule (``TappedRequest/isSuccess``).
    public var successRate: Double? { count > 0 ? Double(successes) / Double(count) : nil }
}

/// A column of the Top view to sort by.
public enum TapTopOrder: Hashable, Sendable, CaseIterable {
    case count, successRate, best, worst, last, p95, source, destination, method, path
}

extension [TapTopRow] {
    /// The rows sorted by `order`, then by key, so equal rows keep one order from frame to frame.
    /// A row with no value for a latency column sorts after every row with one, either way.
    public func sorted(by order: TapTopOrder, descending: Bool) -> [TapTopRow] {
        sorted { lhs, rhs in
            switch Self.compare(lhs, rhs, order, descending) {
            case .some(let before): return before
            case nil: return Self.keyOrder(lhs.key, rhs.key)
            }
        }
    }

    /// Whether `lhs` goes first by `order`, or `nil` on a tie.
    private static func compare(_ lhs: TapTopRow, _ rhs: TapTopRow, _ order: TapTopOrder,
                                _ descending: Bool) -> Bool? {
        func ordered<T: Comparable>(_ left: T, _ right: T) -> Bool? {
            left == right ? nil : (left < right) != descending
        }
        func optional(_ left: Duration?, _ right: Duration?) -> Bool? {
            switch (left, right) {
            case let (left?, right?): return ordered(left, right)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return nil
            }
        }
        switch order {
        case .count: return ordered(lhs.count, rhs.count)
        case .successRate: return ordered(lhs.successRate ?? 0, rhs.successRate ?? 0)
        case .best: return optional(lhs.best, rhs.best)
        case .worst: return optional(lhs.worst, rhs.worst)
        case .last: return optional(lhs.last, rhs.last)
        case .p95: return optional(lhs.p95, rhs.p95)
        case .source: return ordered(lhs.key.source, rhs.key.source)
        case .destination: return ordered(lhs.key.destination, rhs.key.destination)
        case .method: return ordered(lhs.key.method, rhs.key.method)
        case .path: return ordered(lhs.key.path, rhs.key.path)
        }
    }

    private static func keyOrder(_ lhs: TapTopKey, _ rhs: TapTopKey) -> Bool {
        (lhs.source, lhs.destination, lhs.method, lhs.path) < (rhs.source, rhs.destination, rhs.method, rhs.path)
    }
}
