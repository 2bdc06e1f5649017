import MeshTap

/// Where a tap request's URL points, read from its path segments:
/// `/apis/tap.linkerd.io/v1alpha1/watch/namespaces/NS/tap` (a namespace), or
/// `…/namespaces/NS/PLURAL/NAME/tap` (a resource; `PLURAL//tap`, an empty name, for all of a kind).
struct DemoKubeTapPath: Equatable {
    /// The path segments every tap URL starts with.
    static let prefix = ["apis", DemoKubeRole.tapGroup, "v1alpha1", "watch", "namespaces"]

    var namespace: String
    /// The plural as the URL has it (`deployments`); `nil` for the namespace form.
    var plural: String?
    /// The resource's name; empty for the namespace form and for all of a kind.
    var name: String

    /// The tap URL in `segments` (percent-decoded, empty ones dropped), or `nil` for another
    /// path under the tap API's group.
    init?(_ segments: [String]) {
        guard segments.count >= 7, segments.count <= 9, Array(segments.prefix(5)) == Self.prefix,
              segments.last == "tap" else { return nil }
        namespace = segments[5]
        switch segments.count {
        case 7: (plural, name) = (nil, "")
        case 8: (plural, name) = (segments[6], "")
        default: (plural, name) = (segments[6], segments[7])
        }
    }

    /// The tappable kind the URL names (the tap server's routes: `pods`, `deployments`, …,
    /// `services`), `.namespace` for the namespace form; `nil` for a plural it doesn't route.
    var kind: TapResourceKind? {
        guard let plural else { return .namespace }
        return TapResourceKind.allCases.first { $0 != .namespace && $0.plural == plural }
    }

    /// The resource the Kubernetes API server authorizes before it hands the request to the tap
    /// API: `deployments/tap`, or `tap` for the namespace form, which Kubernetes reads as a
    /// resource of type `tap` in the namespace (why viz's ClusterRole grants `*`).
    var authorizedResource: String { plural.map { $0 + "/tap" } ?? "tap" }

    /// The object name the API server authorizes: none for the namespace form or a whole kind.
    var authorizedName: String? { name.isEmpty ? nil : name }
}
