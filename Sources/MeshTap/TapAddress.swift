/// An IP address as the tap API sends it: IPv4 as a big-endian integer, IPv6 as two
/// big-endian halves. A missing address reads as IPv4 0.0.0.0, as Linkerd's CLI shows it.
public enum TapIP: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    case v6(first: UInt64, last: UInt64)

    /// `10.1.2.3`, or IPv6 in RFC 5952's form (`fd00::1`, `::ffff:10.1.2.3`).
    public var description: String {
        switch self {
        case let .v4(address):
            return Self.dotted(address)
        case let .v6(first, last):
            return Self.ipv6Text(first: first, last: last)
        }
    }

    private static func dotted(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    private static func ipv6Text(first: UInt64, last: UInt64) -> String {
        let groups = (0..<8).map { index -> UInt16 in
            let half = index < 4 ? first : last
            return UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (index % 4)))
        }
        if first == 0 && last >> 32 == 0xFFFF {
            return "::ffff:" + dotted(UInt32(truncatingIfNeeded: last))
        }
        let zeros = longestZeroRun(groups)
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard let zeros else { return hex(0..<8) }
        return hex(0..<zeros.lowerBound) + "::" + hex(zeros.upperBound..<8)
    }

    /// The first longest run of two or more zero groups (RFC 5952 §4.2).
    private static func longestZeroRun(_ groups: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        var index = 0
        while index < groups.count {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < groups.count && groups[end] == 0 { end += 1 }
            if end - index >= 2 && end - index > (best?.count ?? 0) { best = index..<end }
            index = end
        }
        return best
    }
}

/// A TCP endpoint of a tapped request.
public struct TapAddress: Hashable, Sendable, CustomStringConvertible {
    public var ip: TapIP
    public var port: UInt32

    public init(ip: TapIP, port: UInt32) {
        self.ip = ip
        self.port = port
    }

    /// `10.1.2.3:8080`, `[fd00::1]:8080`.
    public var description: String {
        switch ip {
        case .v4: return "\(ip):\(port)"
        case .v6: return "[\(ip)]:\(port)"
        }
    }
}
