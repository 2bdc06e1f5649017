/// Remembers a small integer for each series of one scrape target, keyed by a 128-bit hash
/// of the series' raw bytes (`name{labels}` exactly as the proxy wrote them).
///
/// On the next scrape an unchanged series costs one hash and one table probe, and its labels
/// are never decoded again: the same trick as Prometheus's own scrape cache. The bytes
/// themselves are not kept. Two different series would have to agree in 128 hash bits and
/// in length to be confused; by accident that is far less likely than a memory error
/// (about 10^-30 for 10^4 series), and since each target has its own cache, a proxy crafting
/// collisions on purpose could only garble its own numbers, which it controls anyway.
public struct SeriesCache: Sendable {
    /// The identity of a series' bytes.
    public struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    private struct Entry: Sendable {
        var key: Key
        var value: Int32
    }

    private var entries: [Entry?]
    /// How many series are remembered.
    public private(set) var count = 0

    /// An empty cache.
    public init() {
        entries = Array(repeating: nil, count: 1024)
    }

    /// The key of `bytes`: two independent 64-bit lanes mixed eight bytes at a time.
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Key(low: a, high: b, count: 0) }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            a = mix(a ^ w, 0xBF58_476D_1CE4_E5B9)
            b = mix(b &+ w, 0x94D0_49BB_1331_11EB)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        return Key(low: mix(a ^ tail, 0xBF58_476D_1CE4_E5B9), high: mix(b &+ tail, 0x94D0_49BB_1331_11EB), count: n)
    }

    @inline(__always)
    private static func mix(_ x: UInt64, _ m: UInt64) -> UInt64 {
        let p = x.multipliedFullWidth(by: m)
        return p.high ^ p.low
    }

    /// The value remembered for `key`, if any.
    public func value(for key: Key) -> Int32? {
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: key.low) & mask
        while let e = entries[i] {
            if e.key == key { return e.value }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Remembers `value` for `key`, replacing what was there.
    public mutating func set(_ value: Int32, for key: Key) {
        if (count + 1) * 4 > entries.count * 3 { grow() }
        let mask = entries.count - 1
        var i = Int(truncatingIfNeeded: key.low) & mask
        while let e = entries[i] {
            if e.key == key {
                entries[i]!.value = value
                return
            }
            i = (i + 1) & mask
        }
        entries[i] = Entry(key: key, value: value)
        count += 1
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: nil, count: old.count * 2)
        let mask = entries.count - 1
        for case let e? in old {
            var i = Int(truncatingIfNeeded: e.key.low) & mask
            while entries[i] != nil { i = (i + 1) & mask }
            entries[i] = e
        }
    }
}
