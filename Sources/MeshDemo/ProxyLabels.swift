import MeshModel

/// The label sets linkerd2-proxy writes, in its order, as bytes without the braces.
enum ProxyLabels {
    private static let defaultServer = #"srv_group="",srv_kind="default",srv_name="all-unauthenticated""#
    private static let defaultRoute = #"route_group="",route_kind="default",route_name="default","#
        + #"authz_group="",authz_kind="default",authz_name="all-unauthenticated""#

    /// How an inbound connection arrived: mTLS from a meshed client, or plaintext and why.
    enum InboundTLS: Hashable, Comparable {
        /// `tls="true",client_id="…"`.
        case client(String)
        /// `tls="no_identity",no_tls_reason="…"`, e.g. `no_tls_from_remote` for an unmeshed client.
        case noIdentity(String)

        var labels: String {
            switch self {
            case .client(let id): #"tls="true",client_id="\#(escaped(id))""#
            case .noIdentity(let reason): #"tls="no_identity",no_tls_reason="\#(escaped(reason))""#
            }
        }
    }

    /// `<sa>.<ns>.serviceaccount.identity.linkerd.cluster.local`
    static func identity(serviceAccount: String, namespace: String) -> String {
        "\(serviceAccount).\(namespace).serviceaccount.identity.linkerd.cluster.local"
    }

    /// The admin port, `0.0.0.0:4191`, reached without TLS; `peerSrc` gives the transport form.
    static func inboundAdmin(peerSrc: Bool = false) -> [UInt8] {
        let target = #"target_addr="0.0.0.0:4191",target_ip="0.0.0.0",target_port="4191","#
            + #"tls="no_identity",no_tls_reason="no_tls_from_remote","# + defaultServer + #",srv_port="4191""#
        return Array((peerSrc ? #"direction="inbound",peer="src","# + target
            : #"direction="inbound","# + target + "," + defaultRoute).utf8)
    }

    /// Traffic to the application port of the pod at `podIP`; `peerSrc` gives the transport form.
    static func inbound(podIP: String, tls: InboundTLS, peerSrc: Bool = false) -> [UInt8] {
        let ip = escaped(podIP)
        var text = peerSrc ? #"direction="inbound",peer="src","# : #"direction="inbound","#
        text += #"target_addr="\#(ip):8080",target_ip="\#(ip)",target_port="8080","#
        text += tls.labels + "," + defaultServer + #",srv_port="8080""#
        if !peerSrc { text += "," + defaultRoute }
        return Array(text.utf8)
    }

    /// The inbound proxy's plaintext connections to its own application.
    static func inboundToApp(podIP: String) -> [UInt8] {
        let ip = escaped(podIP)
        return Array((#"direction="inbound",peer="dst",target_addr="\#(ip):8080",target_ip="\#(ip)","#
            + #"target_port="8080",tls="no_identity",no_tls_reason="loopback""#).utf8)
    }

    /// The application's plaintext connections to the outbound proxy, addressed to `ip:port`.
    static func outboundFromApp(ip: String, port: Int) -> [UInt8] {
        let ip = escaped(ip)
        return Array((#"direction="outbound",peer="src",target_addr="\#(ip):\#(port)",target_ip="\#(ip)","#
            + #"target_port="\#(port)",tls="no_identity",no_tls_reason="loopback""#).utf8)
    }

    /// A meshed or discovered peer pod, for `outbound`.
    struct Peer {
        var workload: WorkloadRef
        var serviceAccount: String
        var pod: String
        var podIP: String
        /// Whether the peer is meshed: mTLS with a `server_id`, else `not_provided_by_service_discovery`.
        var tls: Bool
    }

    /// Endpoint labels of one peer pod; `peerDst` gives the transport form (no `authority`).
    static func outbound(_ peer: Peer, peerDst: Bool = false) -> [UInt8] {
        let w = peer.workload
        let ip = escaped(peer.podIP)
        var text = peerDst ? #"direction="outbound",peer="dst","#
            : #"direction="outbound",authority="\#(escaped(w.name)).\#(escaped(w.namespace)).svc.cluster.local:80","#
        text += #"target_addr="\#(ip):8080",target_ip="\#(ip)",target_port="8080","#
        text += peer.tls
            ? #"tls="true",server_id="\#(escaped(identity(serviceAccount: peer.serviceAccount, namespace: w.namespace)))""#
            : #"tls="no_identity",no_tls_reason="not_provided_by_service_discovery""#
        for (key, value) in destination(peer) { text += #",dst_\#(key)="\#(escaped(value))""# }
        return Array(text.utf8)
    }

    /// A host outside the mesh: no Destination API labels, only the `authority`. It is kept on
    /// the transport form too, so the connection counts towards the same edge.
    static func outboundExternal(authority: String, ip: String, port: Int, peerDst: Bool = false) -> [UInt8] {
        let ip = escaped(ip)
        return Array(((peerDst ? #"direction="outbound",peer="dst","# : #"direction="outbound","#)
            + #"authority="\#(escaped(authority))",target_addr="\#(ip):\#(port)",target_ip="\#(ip)","#
            + #"target_port="\#(port)",tls="no_identity",no_tls_reason="not_provided_by_service_discovery""#).utf8)
    }

    /// Destination API metric labels of a pod, sorted by key as the proxy's `BTreeMap` is.
    static func destination(_ peer: Peer) -> [(String, String)] {
        let w = peer.workload
        var labels = [
            ("control_plane_ns", "linkerd"), ("namespace", w.namespace), ("pod", peer.pod),
            ("service", w.name), ("serviceaccount", peer.serviceAccount), ("zone", ""), ("zone_locality", "unknown"),
        ]
        if let owner = WorkloadRef.labelKinds.first(where: { $0.kind == w.kind && $0.label != "job" }) {
            labels.append((owner.label, w.name))
        }
        let parts = peer.pod.split(separator: "-")
        if w.kind == "deployment", parts.count >= 3, peer.pod.hasPrefix(w.name + "-") {
            labels.append(("pod_template_hash", String(parts[parts.count - 2])))
        }
        return labels.sorted { $0.0 < $1.0 }
    }

    /// The default HTTP route of the workload's Service, as the policy router labels it.
    static func route(_ w: WorkloadRef) -> [UInt8] {
        Array((#"parent_group="core",parent_kind="Service",parent_namespace="\#(escaped(w.namespace))","#
            + #"parent_name="\#(escaped(w.name))",parent_port="80",parent_section_name="",route_group="","#
            + #"route_kind="default",route_namespace="",route_name="http",hostname="""#).utf8)
    }

    /// A stable pod IP in 10.42.0.0/16 derived from the pod's name.
    static func podIP(_ pod: String, namespace: String) -> String {
        let h = fnv1a(namespace + "/" + pod)
        return "10.42.\(h >> 8 & 0xff).\(h % 253 + 1)"
    }

    /// A stable ClusterIP in 10.43.0.0/16 derived from the Service's name.
    static func serviceIP(_ w: WorkloadRef) -> String {
        let h = fnv1a(w.namespace + "/" + w.name)
        return "10.43.\(h >> 8 & 0xff).\(h % 253 + 1)"
    }

    /// A stable public address in 198.51.100.0/24 (TEST-NET-2) for a host outside the cluster.
    static func externalIP(_ host: String) -> String {
        "198.51.100.\(fnv1a(host) % 253 + 1)"
    }

    /// `value` escaped for a label: backslash, double quote and newline.
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) else { return value }
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// FNV-1a, 64 bits: a stable hash for names (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
