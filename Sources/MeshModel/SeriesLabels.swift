import Exposition

/// The spans of the labels meshtop needs from one series, found without making a `String`
/// for any label that does not matter (most of them).
struct SeriesLabels {
    var direction: Range<Int>?, classification: Range<Int>?, peer: Range<Int>?, le: LabelSpan?
    var tls: LabelSpan?, noTLSReason: LabelSpan?, serverID: LabelSpan?, targetPort: Range<Int>?
    var authority: LabelSpan?, targetAddr: LabelSpan?, dstNamespace: LabelSpan?, dstService: LabelSpan?
    /// The most specific `dst_<kind>` label: its index in `WorkloadRef.labelKinds` and its value.
    var dstKind: (index: Int, value: LabelSpan)?

    init(_ labels: [LabelSpan], in body: UnsafeBufferPointer<UInt8>) {
        for span in labels {
            let n = span.name
            func named(_ literal: StaticString) -> Bool { ExpositionText.equals(n, in: body, literal) }
            switch body[n.lowerBound] {
            case UInt8(ascii: "d"):
                if named("direction") { direction = span.value } else if n.count > 4 { destination(span, in: body) }
            case UInt8(ascii: "c"): if named("classification") { classification = span.value }
            case UInt8(ascii: "p"): if named("peer") { peer = span.value }
            case UInt8(ascii: "l"): if named("le") { le = span }
            case UInt8(ascii: "t"):
                if named("tls") { tls = span } else if named("target_port") { targetPort = span.value } else if named("target_addr") { targetAddr = span }
            case UInt8(ascii: "n"): if named("no_tls_reason") { noTLSReason = span }
            case UInt8(ascii: "s"): if named("server_id") { serverID = span }
            case UInt8(ascii: "a"): if named("authority") { authority = span }
            default: continue
            }
        }
    }

    private mutating func destination(_ span: LabelSpan, in body: UnsafeBufferPointer<UInt8>) {
        let n = span.name
        guard ExpositionText.equals(n.lowerBound..<n.lowerBound + 4, in: body, "dst_") else { return }
        let rest = n.lowerBound + 4..<n.upperBound
        if ExpositionText.equals(rest, in: body, "namespace") { dstNamespace = span; return }
        if ExpositionText.equals(rest, in: body, "service") { dstService = span; return }
        guard span.value.count > 0, let i = Self.kindIndex(rest, in: body), i < (dstKind?.index ?? Int.max) else { return }
        dstKind = (i, span)
    }

    /// The index in `WorkloadRef.labelKinds` of the kind label at `name`, compared as bytes.
    private static func kindIndex(_ name: Range<Int>, in body: UnsafeBufferPointer<UInt8>) -> Int? {
        func named(_ literal: StaticString) -> Bool { ExpositionText.equals(name, in: body, literal) }
        switch name.count {
        case 10: return named("deployment") ? 0 : named("replicaset") ? 6 : nil
        case 11: return named("statefulset") ? 1 : nil
        case 9: return named("daemonset") ? 2 : nil
        case 7: return named("cronjob") ? 3 : named("k8s_job") ? 4 : nil
        case 3: return named("job") ? 5 : nil
        case 21: return named("replicationcontroller") ? 7 : nil
        default: return nil
        }
    }

    /// Whether the value at `range` is exactly `literal`.
    static func value(_ range: Range<Int>?, in body: UnsafeBufferPointer<UInt8>, is literal: StaticString) -> Bool {
        guard let range else { return false }
        return ExpositionText.equals(range, in: body, literal)
    }

    /// Who an outbound series talks to: `dst_namespace` + `dst_<kind>`, else `dst_service`,
    /// else the `authority`, else the target address.
    func destination(in body: UnsafeBufferPointer<UInt8>) -> WorkloadRef {
        let namespace = string(dstNamespace, body)
        if let (index, value) = dstKind {
            return WorkloadRef(namespace: namespace, kind: WorkloadRef.labelKinds[index].kind, name: string(value, body))
        }
        if let dstService, !dstService.value.isEmpty {
            return WorkloadRef(namespace: namespace, kind: "service", name: string(dstService, body))
        }
        if let authority, !authority.value.isEmpty {
            return WorkloadRef(namespace: namespace, kind: "authority", name: string(authority, body))
        }
        return WorkloadRef(namespace: namespace, kind: "address", name: string(targetAddr, body))
    }

    /// The decoded value of a label, or "" when the series lacks it.
    func string(_ span: LabelSpan?, _ body: UnsafeBufferPointer<UInt8>) -> String {
        span.map { ExpositionText.labelValue($0, in: body) } ?? ""
    }

    /// The bytes that tell one outbound peer from another, for finding it again without strings:
    /// the values of the destination and TLS labels, separated by a byte no value holds unescaped.
    func peerKey(into key: inout [UInt8], in body: UnsafeBufferPointer<UInt8>) {
        key.removeAll(keepingCapacity: true)
        for span in [tls, noTLSReason, serverID, dstNamespace, dstKind?.value, dstService, authority, targetAddr] {
            if let span { key.append(contentsOf: body[span.value]) }
            key.append(0)
        }
        key.append(UInt8(truncatingIfNeeded: dstKind?.index ?? 255))
    }
}
