/// The API server's proxy to a pod's port: `GET` on this path reaches the pod's admin server
/// through the API server, authenticated as the kubeconfig's user (RBAC verb `get` on
/// `pods/proxy`).
public enum PodProxyPath {
    /// `/api/v1/namespaces/{namespace}/pods/{pod}:{port}/proxy/{path}`, each name escaped as a
    /// path segment. Kubernetes names are DNS labels, but they reach us from an API response,
    /// so they are escaped anyway rather than trusted to be.
    public static func path(namespace: String, pod: String, port: Int, path: String = "metrics") -> String {
        "/api/v1/namespaces/\(segment(namespace))/pods/\(segment(pod)):\(port)/proxy/\(path)"
    }

    /// `text` with everything but RFC 3986's unreserved characters percent-encoded; `.` and
    /// `..` entirely, as a client would otherwise take them for "here" and "up one".
    static func segment(_ text: String) -> String {
        if text == "." || text == ".." { return String(repeating: "%2E", count: text.count) }
        var escaped = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return escaped
    }
}
