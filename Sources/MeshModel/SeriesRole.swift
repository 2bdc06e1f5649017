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

    // Stored in 8 bytes, as a proxy has hundreds of these: the measure's case, a bucket's
    // bound as an index into its history's table of bounds, and the peer (-1 for inbound).
    private enum Kind: UInt8 {
        case failures, successes, latencyBucket, tcpOpenConnections, tcpReadBytes, tcpWriteBytes
    }
    private let kind: Kind
    private let bound: UInt16
    private let peerIndex: Int32

    /// The role of `measure` towards `peer`, with a bucket's bound entered in `bounds`; nil
    /// when `bounds` is full (a proxy with 65,536 different bucket bounds is not a real one).
    init?(measure: Measure, peer: Int32?, bounds: inout [Double]) {
        var index = 0
        switch measure {
        case .responses(let success): kind = success ? .successes : .failures
        case .latencyBucket(let le):
            kind = .latencyBucket
            index = bounds.firstIndex(of: le) ?? bounds.count
            guard index <= Int(UInt16.max) else { return nil }
            if index == bounds.count { bounds.append(le) }
        case .tcpOpenConnections: kind = .tcpOpenConnections
        case .tcpReadBytes: kind = .tcpReadBytes
        case .tcpWriteBytes: kind = .tcpWriteBytes
        }
        bound = UInt16(index)
        peerIndex = peer ?? -1
    }

    /// The measure, its bucket bound looked up in the `bounds` it was made with.
    func measure(bounds: [Double]) -> Measure {
        switch kind {
        case .failures: .responses(success: false)
        case .successes: .responses(success: true)
        case .latencyBucket: .latencyBucket(le: bounds[Int(bound)])
        case .tcpOpenConnections: .tcpOpenConnections
        case .tcpReadBytes: .tcpReadBytes
        case .tcpWriteBytes: .tcpWriteBytes
        }
    }

    /// `nil` for inbound traffic (the proxy's own workload); else the index of the outbound peer.
    var peer: Int32? { peerIndex < 0 ? nil : peerIndex }
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
    /// The metric families the golden metrics come from.
    enum Family {
        case responses, latencyBuckets, tcpOpenConnections, tcpReadBytes, tcpWriteBytes
    }

    /// The family of a metric name, or nil for the many families meshtop does not read.
    /// Checked before any label is looked at, so other series cost almost nothing.
    static func family(_ name: Range<Int>, in body: UnsafeBufferPointer<UInt8>) -> Family? {
        func named(_ literal: StaticString) -> Bool { ExpositionText.equals(name, in: body, literal) }
        switch name.count {
        case 14: return named("response_total") ? .responses : nil
        case 26: return named("response_latency_ms_bucket") ? .latencyBuckets : nil
        case 20: return named("tcp_open_connections") ? .tcpOpenConnections : named("tcp_read_bytes_total") ? .tcpReadBytes : nil
        case 21: return named("tcp_write_bytes_total") ? .tcpWriteBytes : nil
        default: return nil
        }
    }

    /// The measure of a series of `family` with these labels, or nil when meshtop does not use it.
    /// Inbound series on the proxy's admin port (4191) are scrapes, meshtop's own among them,
    /// not the workload's traffic, so they are left out.
    static func measure(_ family: Family, labels l: SeriesLabels, in body: UnsafeBufferPointer<UInt8>) -> SeriesRole.Measure? {
        let inbound = SeriesLabels.value(l.direction, in: body, is: "inbound")
        guard inbound || SeriesLabels.value(l.direction, in: body, is: "outbound") else { return nil }
        if inbound && SeriesLabels.value(l.targetPort, in: body, is: "4191") { return nil }
        let transportPeer: StaticString = inbound ? "src" : "dst"
        switch family {
        case .responses:
            if SeriesLabels.value(l.classification, in: body, is: "success") { return .responses(success: true) }
            if SeriesLabels.value(l.classification, in: body, is: "failure") { return .responses(success: false) }
            return nil
        case .latencyBuckets:
            guard let le = l.le, let bound = ExpositionText.number(le.value, in: body) else { return nil }
            return .latencyBucket(le: bound)
        case .tcpOpenConnections:
            return inbound || SeriesLabels.value(l.peer, in: body, is: "dst") ? .tcpOpenConnections : nil
        case .tcpReadBytes:
            return SeriesLabels.value(l.peer, in: body, is: transportPeer) ? .tcpReadBytes : nil
        case .tcpWriteBytes:
            return SeriesLabels.value(l.peer, in: body, is: transportPeer) ? .tcpWriteBytes : nil
        }
    }
}
