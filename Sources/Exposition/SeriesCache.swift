/// Remembers a small integer for each series of one scrape target, keyed by a 64-bit hash and
/// the length of the series' raw bytes (`name{labels}` exactly as the proxy wrote them).
///
/// On the next scrape an unchanged series costs one hash and one table probe, and its labels
/// are never decoded again: the same trick as Prometheus's own scrape cache. The bytes
/// themselves are not kept, so an entry is 16 bytes. Two different series of one target would
/// have to agree in all 64 hash bits and in length to be confused: for a proxy's 10^3 series
/// about 10^-13, far below a memory error. Since each target has its own cache, a proxy
/// crafting collisions on purpose could only garble its own numbers, which it controls anyway.
public struct SeriesCache: Sendable {
    /// The identity of a series' bytes.
    public struct Key: Hashable, Sendable {
        var hash: UInt64
        var count: UInt32
    }

    /// An open-addressing slot; `count == 0` marks it empty (a series is never empty).
    private struct Entry: Sendable {
        var hash: UInt64 = 0
        var count: UInt32 = 0
        var value: Int32 = 0
    }

    private var entries: [Entry]
    /// How many series are remembered.
    public private(set) var count = 0

    /// An empty cache; it starts small and doubles as series arrive.
    public init() {
        entries = Array(repeating: Entry(), count: 64)
    }

    /// The key of `bytes`: a 64-bit multiply-mix hash eight bytes at a time, and the length.
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Key(hash: h, count: 0) }
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
        return Key(hash: mix(h ^ tail), count: UInt32(truncatingIfNeeded: n))
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let p = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return p.high ^ p.low
    }

    /// The value remembered for `key`, if any.
    public func value(for key: Key) -> Int32? {
        guard key.count > 0 else { return nil }
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while entries[i].count != 0 {
            if entries[i].hash == key.hash && entries[i].count == key.count { return entries[i].value }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Remembers `value` for `key`, replacing what was there.
    public mutating func set(_ value: Int32, for key: Key) {
        guard key.count > 0 else { return }
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while entries[i].count != 0 {
            if entries[i].hash == key.hash && entries[i].count == key.count {
                entries[i].value = value
                return
            }
            i = (i + 1) & mask
        }
        entries[i] = Entry(hash: key.hash, count: key.count, value: value)
        count += 1
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(), count: old.count * 2)
        let mask = entries.count - 1
        for e in old where e.count != 0 {
            var i = Int(truncatingIfNeeded: e.hash) & mask
            while entries[i].count != 0 { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
