/// Protobuf's binary wire format written out by hand, so that the tests check the decoder
/// against the format itself and not against our generated encoder: varints, tags and
/// length-delimited, fixed32 and fixed64 fields, and tap's 4-byte little-endian frames.
enum Wire {
    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        return bytes
    }

    /// A field's key: the field number and the wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).
    static func tag(_ field: UInt64, _ wireType: UInt64) -> [UInt8] { varint(field << 3 | wireType) }

    static func varint(_ field: UInt64, _ value: UInt64) -> [UInt8] { tag(field, 0) + varint(value) }

    static func message(_ field: UInt64, _ bytes: [UInt8]) -> [UInt8] {
        tag(field, 2) + varint(UInt64(bytes.count)) + bytes
    }

    static func string(_ field: UInt64, _ text: String) -> [UInt8] { message(field, Array(text.utf8)) }

    static func fixed32(_ field: UInt64, _ value: UInt32) -> [UInt8] {
        tag(field, 5) + (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(8 * $0)) }
    }

    static func fixed64(_ field: UInt64, _ value: UInt64) -> [UInt8] {
        tag(field, 1) + (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }

    /// A tap frame: the length as 4 little-endian bytes, then the message.
    static func frame(_ message: [UInt8]) -> [UInt8] {
        let length = UInt32(message.count)
        return [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
            + message
    }

    // MARK: Tap's messages (field numbers of viz_tap.proto, viz.proto, common/net.proto)

    static func tcpAddress(ipv4: UInt32, port: UInt64) -> [UInt8] {
        message(1, fixed32(1, ipv4)) + varint(2, port)
    }

    static func tcpAddress(ipv6 first: UInt64, _ last: UInt64, port: UInt64) -> [UInt8] {
        message(1, message(2, fixed64(1, first) + fixed64(2, last))) + varint(2, port)
    }

    /// An `EndpointMeta` or `RouteMeta` field: the message whose `map<string, string> labels = 1`
    /// is one entry message (key 1, value 2) per label.
    static func labels(_ field: UInt64, _ labels: [(String, String)]) -> [UInt8] {
        message(field, labels.flatMap { message(1, string(1, $0.0) + string(2, $0.1)) })
    }

    static func streamID(base: UInt64, stream: UInt64) -> [UInt8] {
        message(1, varint(1, base) + varint(2, stream))
    }

    static func duration(_ field: UInt64, seconds: UInt64, nanos: UInt64) -> [UInt8] {
        message(field, varint(1, seconds) + varint(2, nanos))
    }

    /// A `TapEvent` with its endpoints, direction (1 inbound, 2 outbound) and `Http` body.
    static func event(source: [UInt8], destination: [UInt8], sourceLabels: [(String, String)] = [],
                      destinationLabels: [(String, String)] = [], routeLabels: [(String, String)] = [],
                      direction: UInt64, http: [UInt8]) -> [UInt8] {
        message(1, source) + message(2, destination) + message(3, http)
            + (destinationLabels.isEmpty ? [] : labels(4, destinationLabels))
            + (sourceLabels.isEmpty ? [] : labels(5, sourceLabels))
            + varint(6, direction)
            + (routeLabels.isEmpty ? [] : labels(7, routeLabels))
    }
}
