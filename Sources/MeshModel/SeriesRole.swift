import Exposition

/// What one series of a proxy's `/metrics` means for the golden metrics.
///
/// Decided once per series (on the cold path) from its name and labels; later scrapes
/// find it again through the `SeriesCache` by the series' bytes alone.
struct SeriesRole: Sendable, Equatable {
    enum Measure: Sendable, Equatable {
        case responses(success: Bool)   // response_total
        case latencyBucket(le: Double)   // response_latency_ms_bucket
        case tcpOpenConnections         // tcp_open_connections (gauge)
        case tcpReadBytes               // tcp_read_bytes_total
        case tcpWriteBytes              // tcp_write_bytes_total
    }

    var measure: Measure
    /// `nil` for inbound traffic (the proxy's own workload); else the index of the outbound peer.
    var peer: Int32?
}

/// The destination of a proxy's outbound traffic, as its `dst_*` and TLS labels describe it.
struct OutboundPeer: Hashable, Sendable {
    var workload: WorkloadRef
    /// The `tls` label: `true`, `no_identity`, `opaque`, `disabled`.
    var tls: String
    var noTLSReason: String
    var serverID: String
}

/// Maps a series to its role, or to nil when meshtop does not use it.
enum SeriesClassifier {
    // Inbound series on the proxy's admin port (4191) are scrapes, meshtop's own among them,
    // not the workload's traffic, so they are left out.

    /// Whether a metric name can matter at all; lets the hot path skip other series
    /// without hashing them.
    @inline(__always)
    static func mayMatter(_ name: Range<Int>, in body: UnsafeBufferPointer<UInt8>) -> Bool {
        switch name.count {
        case 14, 20, 21, 26:
            let c = body[name.lowerBound]
            return c == UInt8(ascii: "r") || c == UInt8(ascii: "t")
        default:
            return false
        }
    }

    /// The role's measure for a series of `name`, or nil when meshtop does not use it.
    static func measure(name: Range<Int>, labels l: SeriesLabels, in body: UnsafeBufferPointer<UInt8>) -> SeriesRole.Measure? {
        let inbound = SeriesLabels.value(l.direction, in: body, is: "inbound")
        guard inbound || SeriesLabels.value(l.direction, in: body, is: "outbound") else { return nil }
        if inbound && SeriesLabels.value(l.targetPort, in: body, is: "4191") { return nil }
        func named(_ literal: StaticString) -> Bool { ExpositionText.equals(name, in: body, literal) }
        let transportPeer: StaticString = inbound ? "src" : "dst"
        if named("response_total") {
            if SeriesLabels.value(l.classification, in: body, is: "success") { return .responses(success: true) }
            if SeriesLabels.value(l.classification, in: body, is: "failure") { return .responses(success: false) }
            return nil
        }
        if named("response_latency_ms_bucket") {
            guard let le = l.le, let bound = Double(ExpositionText.labelValue(le, in: body)) else { return nil }
            return .latencyBucket(le: bound)
        }
        if named("tcp_open_connections") {
            return inbound || SeriesLabels.value(l.peer, in: body, is: "dst") ? .tcpOpenConnections : nil
        }
        guard SeriesLabels.value(l.peer, in: body, is: transportPeer) else { return nil }
        if named("tcp_read_bytes_total") { return .tcpReadBytes }
        if named("tcp_write_bytes_total") { return .tcpWriteBytes }
        return nil
    }
}
