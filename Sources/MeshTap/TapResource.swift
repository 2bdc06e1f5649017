/// The Kubernetes resource a tap is about: all the pods of a workload, a pod, a namespace,
/// or, as a destination filter, also a service. An empty `name` means every resource of the kind.
public struct TapResource: Hashable, Sendable, CustomStringConvertible {
    /// Empty for a namespace resource (its name is the namespace).
    public var namespace: String
    public var kind: TapResourceKind
    public var name: String

    public init(namespace: String, kind: TapResourceKind, name: String) {
        self.namespace = kind == .namespace ? "" : namespace
        self.kind = kind
        self.name = name
    }

    /// What the argument is for: what to tap, or whom the tapped requests go to (`--to`).
    public enum Role: Hashable, Sendable {
        case target, destination
    }

    /// Reads a resource argument as `linkerd viz tap` does: `TYPE` or `TYPE/NAME`, the type
    /// by short, singular or plural name (`deploy/web`, `deployments/web`, `po/web-1`,
    /// `ns/emojivoto`, `deploy` for every deployment). A bare name (`web`) is not a type, so
    /// it is refused, as by Linkerd. The CLI's two-word form (`deploy web`) is the same
    /// argument joined with `/`.
    ///
    /// - Parameters:
    ///   - argument: the argument.
    ///   - namespace: the namespace of the resource (ignored for a namespace).
    ///   - role: a service is accepted only as a destination.
    public init(parsing argument: String, namespace: String, role: Role = .target) throws(TapArgumentError) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !argument.isEmpty else { throw .empty }
        guard parts.count <= 2 else { throw .invalid(argument) }
        let typeName = parts[0]
        guard let kind = TapResourceKind(friendlyName: typeName) else {
            if TapResourceKind.knownUntappable.contains(typeName) { throw .unsupportedType(typeName, role) }
            throw .unknownType(typeName)
        }
        if role == .target && !kind.isTapTarget { throw .unsupportedType(typeName, role) }
        let name = parts.count == 2 ? parts[1] : ""
        if kind == .namespace && name.isEmpty { throw .namespaceWithoutName }
        self.init(namespace: namespace, kind: kind, name: name)
    }

    /// `deploy/web`, `ns/emojivoto`, `deploy` for all deployments: short and as typed to the CLI.
    public var description: String {
        name.isEmpty ? kind.shortName : "\(kind.shortName)/\(name)"
    }
}

/// Why a resource argument was refused, in words a user can act on (names escaped).
public enum TapArgumentError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// More than one `/`.
    case invalid(String)
    /// Not a resource type (`web` instead of `deploy/web`).
    case unknownType(String)
    /// A type that can't be tapped (or, for a destination, filtered on).
    case unsupportedType(String, TapResource.Role)
    /// `ns` alone: which namespace?
    case namespaceWithoutName

    public var description: String {
        let kinds = TapResourceKind.allCases.filter(\.isTapTarget).map(\.shortName).joined(separator: ", ")
        switch self {
        case .empty:
            return "no resource to tap: give TYPE/NAME, like deploy/web or ns/emojivoto"
        case let .invalid(argument):
            return "invalid resource \"\(show(argument))\": give TYPE/NAME, like deploy/web"
        case let .unknownType(type):
            return "\"\(show(type))\" is not a resource type: give TYPE/NAME, like deploy/\(show(type)) "
                + "(types: \(kinds))"
        case let .unsupportedType(type, .target):
            return "resource type \"\(show(type))\" can't be tapped (types: \(kinds)); "
                + "a service can only be a destination filter (--to svc/NAME)"
        case let .unsupportedType(type, .destination):
            return "resource type \"\(show(type))\" can't be a destination filter (types: \(kinds), svc)"
        case .namespaceWithoutName:
            return "which namespace? give ns/NAME, like ns/emojivoto"
        }
    }
}
