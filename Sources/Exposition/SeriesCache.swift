/// Remembers a small integer for each series of one scrape target, keyed by the series'
/// raw bytes (`name{labels}` exactly as the proxy wrote them).
///
/// On the next scrape an unchanged series costs one hash and one byte comparison, and its
/// labels are never decoded again: the same trick as Prometheus's own scrape cache.
public struct SeriesCache: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int32
        var value: Int32
    }

    private var entries: [Entry?]
    private var keys: [UInt8] = []
    /// How many series are remembered.
    public private(set) var count = 0

    /// An empty cache.
    public init() {
        entries = Array(repeating: nil, count: 1024)
    }

    /// Bytes of keys held, a measure of the cache's memory.
    public var keyBytes: Int { keys.count }

    /// A fast, well-mixed 64-bit hash of `bytes`, eight bytes at a time.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h = mix(h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return m.high ^ m.low
    }

    /// The value remembered for `key`, if any. `hash` must be `SeriesCache.hash(key)`.
    public func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let e = entries[i] {
            if e.hash == hash, matches(e, key) { return e.value }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Remembers `value` for `key`, replacing what was there.
    public mutating func set(_ value: Int32, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while let e = entries[i] {
            if e.hash == hash, matches(e, key) {
                entries[i]!.value = value
                return
            }
            i = (i + 1) & mask
        }
        entries[i] = Entry(hash: hash, keyStart: keys.count, keyCount: Int32(key.count), value: value)
        keys.append(contentsOf: key)
        count += 1
    }

    /// Forgets everything, keeping the allocated capacity.
    public mutating func removeAll() {
        for i in entries.indices { entries[i] = nil }
        keys.removeAll(keepingCapacity: true)
        count = 0
    }

    private func matches(_ e: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(e.keyCount) == key.count else { return false }
        if key.isEmpty { return true }
        return keys.withUnsafeBufferPointer { stored in
            var i = 0
            let n = key.count
            let a = stored.baseAddress! + e.keyStart, b = key.baseAddress!
            while i + 8 <= n {
                if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
                    != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
                i += 8
            }
            while i < n {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: nil, count: old.count * 2)
        let mask = entries.count - 1
        for case let e? in old {
            var i = Int(truncatingIfNeeded: e.hash) & mask
            while entries[i] != nil { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
