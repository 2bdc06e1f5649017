/// A tap to start: what to tap, which requests, how many a second. Gives the API path to
/// POST to and the body (a `linkerd2.tap.TapByResourceRequest`), and reads such a body back
/// for the demo's tap server.
public struct TapRequest: Hashable, Sendable {
    /// `linkerd viz tap`'s `--max-rps` default, and the tap server's when a request has 0.
    public static let defaultMaxRPS: Float = 100

    /// The pods to tap.
    public var target: TapResource
    /// A label selector on the target's pods (`-l`), empty for all.
    public var labelSelector: String
    public var filter: TapFilter
    /// At most this many requests a second over all the target's pods; the server splits it
    /// evenly, at least 1 per pod.
    public var maxRPS: Float
    /// Whether events carry the request and response headers (`linkerd viz tap -o json` asks).
    public var extractHeaders: Bool

    public init(target: TapResource, labelSelector: String = "", filter: TapFilter = TapFilter(),
                maxRPS: Float = defaultMaxRPS, extractHeaders: Bool = false) {
        self.target = target
        self.labelSelector = labelSelector
        self.filter = filter
        self.maxRPS = maxRPS
        self.extractHeaders = extractHeaders
    }

    /// The path of the tap API on the Kubernetes API server, as Linkerd's `TapReqToURL`
    /// builds it: `/apis/tap.linkerd.io/v1alpha1/watch/namespaces/{ns}/tap` for a namespace,
    /// `…/namespaces/{ns}/{kind}s/{name}/tap` otherwise. Names are percent-encoded (a valid
    /// Kubernetes name needs none).
    public var apiPath: String {
        let prefix = "/apis/tap.linkerd.io/v1alpha1/watch/namespaces/"
        if target.kind == .namespace { return prefix + Self.pathSegment(target.name) + "/tap" }
        return prefix + Self.pathSegment(target.namespace) + "/" + target.kind.plural + "/"
            + Self.pathSegment(target.name) + "/tap"
    }

    /// The request body: the protobuf bytes, unframed, as Linkerd's CLI sends them.
    public func body() -> [UInt8] {
        // Encoding a message with no required fields cannot fail.
        try! message.serializedBytes()
    }

    /// `text` with every byte outside RFC 3986's unreserved set percent-encoded.
    private static func pathSegment(_ text: String) -> String {
        var segment = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                segment.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                segment += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return segment
    }
}
