import Foundation

/// What a demo user may do, as the cluster's RBAC would grant it.
public enum DemoKubeRole: Sendable, Hashable {
    /// Everything (`system:masters`, or a `cluster-admin` binding).
    case admin
    /// `get` and `list` on `namespaces`, nothing else.
    case namespaceReader
    /// Read pods and namespaces, and tap, but not `get` on `pods/proxy`: meshtop lists and taps
    /// but can't scrape.
    case podReader
    /// Nothing but discovery.
    case none

    /// The API group of Linkerd's tap API, whose only verb is `watch`.
    static let tapGroup = "tap.linkerd.io"

    /// Whether the role allows `verb` on `resource` of API `group` (`pods`, `pods/proxy`,
    /// `namespaces` in the core group ""; `deployments/tap`, `tap`, … in `tap.linkerd.io`).
    func allows(_ verb: String, _ resource: String, group: String = "") -> Bool {
        switch self {
        case .admin: true
        case .namespaceReader: group == "" && resource == "namespaces" && (verb == "get" || verb == "list")
        case .podReader: group == Self.tapGroup ? verb == "watch" : resource == "pods" || resource == "namespaces"
        case .none: false
        }
    }
}

/// Who a request comes from, once authenticated.
public struct DemoKubeUser: Sendable, Hashable {
    /// The user name RBAC messages give.
    public let name: String
    /// What it may do.
    public let role: DemoKubeRole
}

/// The bearer tokens of one run, made fresh at start, and who each one is.
///
/// Each token user is named after its kubeconfig user: `demo-token`, `demo-token-file` and
/// `demo-exec` are admins, `demo-forbidden` may only read namespaces (no pods, no tap),
/// `demo-no-proxy` may read and tap pods but not scrape them. `demo-exec-expired`'s token is known but expired: it gets 401.
public struct DemoKubeTokens: Sendable {
    /// Kubeconfig user name → its token.
    public let byUser: [String: String]
    /// The exec plugin's expired token.
    public let expired: String

    /// The token users and their roles.
    static let roles: [String: DemoKubeRole] = [
        "demo-token": .admin, "demo-token-file": .admin, "demo-exec": .admin,
        "demo-forbidden": .namespaceReader, "demo-no-proxy": .podReader,
    ]

    /// New random tokens.
    public static func generate() -> DemoKubeTokens {
        var random = SystemRandomNumberGenerator()
        func token() -> String {
            (0..<4).map { _ in
                let hex = String(random.next() as UInt64, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
        }
        return DemoKubeTokens(byUser: Dictionary(uniqueKeysWithValues: roles.keys.map { ($0, token()) }),
                              expired: token())
    }

    /// The user a request comes from: a verified client certificate's subject (CN the name,
    /// `system:masters` among its organizations for admin), else the bearer token of an
    /// `Authorization` header; `nil` (401) for neither, an unknown token or the expired one.
    func authenticate(certificate: (commonName: String, organizations: [String])?, authorization: String?) -> DemoKubeUser? {
        if let certificate {
            let admin = certificate.organizations.contains(DemoKubeCertificates.clientOrganization)
            return DemoKubeUser(name: certificate.commonName, role: admin ? .admin : .none)
        }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return nil }
        let token = authorization.dropFirst("Bearer ".count).trimmingCharacters(in: .whitespaces)
        guard token != expired, let user = byUser.first(where: { $0.value == token })?.key,
              let role = Self.roles[user] else { return nil }
        return DemoKubeUser(name: user, role: role)
    }
}
