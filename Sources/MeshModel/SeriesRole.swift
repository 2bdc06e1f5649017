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

/// Reads the labels meshtop needs from a scanned sample.
struct SeriesLabels {
    private(set) var direction = "", classification = "", peer = "", le = ""
    private(set) var tls = "", noTLSReason = "", serverID = "", targetPort = ""
    private(set) var authority = "", targetAddr = "", dstNamespace = "", dstService = ""
    private(set) var dstKinds: [String: String] = [:]

    init(_ labels: [LabelSpan], in body: UnsafeBufferPointer<UInt8>) {
        for span in labels {
            let name = ExpositionText.string(span.name, in: body)
            let value = { ExpositionText.labelValue(span, in: body) }
            switch name {
            case "direction": direction = value()
            case "classification": classification = value()
            case "peer": peer = value()
            case "le": le = value()
            case "tls": tls = value()
            case "no_tls_reason": noTLSReason = value()
            case "server_id": serverID = value()
            case "target_port": targetPort = value()
            case "target_addr": targetAddr = value()
            case "authority": authority = value()
            case "dst_namespace": dstNamespace = value()
            case "dst_service": dstService = value()
            default:
                if name.hasPrefix("dst_") { dstKinds[String(name.dropFirst(4))] = value() }
            }
        }
    }

    /// Who an outbound series talks to: `dst_namespace` + `dst_<kind>`, else `dst_service`,
    /// else the `authority`, else the target address.
    var destination: WorkloadRef {
        for (label, kind) in WorkloadRef.labelKinds {
            if let name = dstKinds[label], !name.isEmpty {
                return WorkloadRef(namespace: dstNamespace, kind: kind, name: name)
            }
        }
        if !dstService.isEmpty { return WorkloadRef(namespace: dstNamespace, kind: "service", name: dstService) }
        if !authority.isEmpty { return WorkloadRef(namespace: dstNamespace, kind: "authority", name: authority) }
        return WorkloadRef(namespace: dstNamespace, kind: "address", name: targetAddr)
    }
}

/// Maps a series to its role, or to nil when meshtop does not use it.
enum SeriesClassifier {
    /// The proxy's admin port. Requests to it are scrapes (meshtop's own among them),
    /// not the workload's traffic, so they are left out.
    static let adminPort = "4191"

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

    static func measure(name: String, labels l: SeriesLabels) -> SeriesRole.Measure? {
        let inbound = l.direction == "inbound"
        guard inbound || l.direction == "outbound" else { return nil }
        if inbound && l.targetPort == adminPort { return nil }
        switch name {
        case "response_total":
            guard l.classification == "success" || l.classification == "failure" else { return nil }
            return .responses(success: l.classification == "success")
        case "response_latency_ms_bucket":
            guard let le = Double(l.le) else { return nil }
            return .latencyBucket(le: le)
        case "tcp_open_connections":
            return inbound || l.peer == "dst" ? .tcpOpenConnections : nil
        case "tcp_read_bytes_total":
            return l.peer == (inbound ? "src" : "dst") ? .tcpReadBytes : nil
        case "tcp_write_bytes_total":
            return l.peer == (inbound ? "src" : "dst") ? .tcpWriteBytes : nil
        default:
            return nil
        }
    }
}
