/// Remembers a small integer for each series of one scrape target, keyed by a 64-bit hash of
/// the series' raw bytes (`name{labels}` exactly as the proxy wrote them) and their length.
///
/// On the next scrape an unchanged series costs one hash and one table probe, and its labels
/// are never decoded again: the same trick as Prometheus's own scrape cache. The bytes
/// themselves are not kept, so an entry is 12 bytes. Two different series of one target would
/// have to agree in all 64 bits of their key to be confused: for a proxy's 10^3 series about
/// 10^-13, far below a memory error. Since each target has its own cache, a proxy crafting
/// collisions on purpose could only garble its own numbers, which it controls anyway.
public struct SeriesCache: Sendable {
    /// The identity of a series' bytes: their hash, folded with their length. Never 0.
    public struct Key: Hashable, Sendable {
        var bits: UInt64
    }

    /// Open addressing over two parallel arrays (no padding between a key and its value);
    /// a key of 0 marks an empty slot.
    private var keys: [UInt64]
    private var values: [Int32]
    /// How many series are remembered.
    public private(set) var count = 0

    /// An empty cache with room for about `capacity` series before it first doubles.
    public init(capacity: Int = 48) {
        var slots = 8
        while slots * 7 < capacity * 8 { slots *= 2 }
        keys = Array(repeating: 0, count: slots)
        values = Array(repeating: 0, count: slots)
    }

    /// The key of `bytes`: a 64-bit multiply-mix hash eight bytes at a time, and the length.
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return Key(bits: 0) }
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
        // The length goes into the top bits too, so equal hashes of different lengths differ.
        let bits = mix(h ^ tail) ^ (UInt64(truncatingIfNeeded: n) &* 0xD6E8_FEB8_6659_FD93)
        return Key(bits: bits == 0 ? 1 : bits)
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let p = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return p.high ^ p.low
    }

    /// The value remembered for `key`, if any.
    public func value(for key: Key) -> Int32? {
        guard key.bits != 0 else { return nil }
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: key.bits) & mask
        while keys[i] != 0 {
            if keys[i] == key.bits { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Remembers `value` for `key`, replacing what was there.
    public mutating func set(_ value: Int32, for key: Key) {
        guard key.bits != 0 else { return }
        // Up to 7/8 full: a known series is still found in a few probes of one cache line or
        // two on average, and a proxy's ~200 series fit 256 slots instead of 512.
        if (count + 1) * 8 > keys.count * 7 { grow() }
        let i = slot(of: key.bits)
        if keys[i] == 0 {
            keys[i] = key.bits
            count += 1
        }
        values[i] = value
    }

    /// Where `bits` is, or the empty slot where it would go.
    private func slot(of bits: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: bits) & mask
        while keys[i] != 0 && keys[i] != bits { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        for (bits, value) in zip(oldKeys, oldValues) where bits != 0 {
            let i = slot(of: bits)
            keys[i] = bits
            values[i] = value
        }
    }
}
