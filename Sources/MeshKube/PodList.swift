import Foundation

/// The answer to listing pods (`kind: PodList`): the pods, and the version of the list that a watch
/// continues from.
public struct PodList: Decodable, Hashable, Sendable {
    /// `metadata.resourceVersion`: the version to start watching at, opaque.
    public var resourceVersion: String
    /// `items`: the pods.
    public var items: [Pod]

    /// Creates a pod list.
    public init(resourceVersion: String, items: [Pod]) {
        self.resourceVersion = resourceVersion
        self.items = items
    }

    /// Decodes a list response's body. A `Status` body (what the API server answers with for 401,
    /// 403, 404, …) is reported as ``PodDecodingError/status(_:)`` so the caller can say why.
    public static func decode(_ body: Data) throws(PodDecodingError) -> PodList {
        let kind: Kind
        do {
            kind = try JSONDecoder().decode(Kind.self, from: body)
        } catch {
            throw .malformed(what: "pod list", detail: String(describing: error))
        }
        switch kind.kind {
        case "PodList":
            do {
                return try JSONDecoder().decode(PodList.self, from: body)
            } catch {
                throw .malformed(what: "pod list", detail: String(describing: error))
            }
        case "Status":
            throw .status((try? JSONDecoder().decode(PodAPIStatus.self, from: body)) ?? PodAPIStatus())
        default:
            throw .unexpectedKind(kind.kind ?? "")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resourceVersion = try container.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata)
            .decode(String.self, forKey: .resourceVersion)
        items = try container.decodeIfPresent([Pod].self, forKey: .items) ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case metadata, items
    }

    private enum MetadataKeys: String, CodingKey {
        case resourceVersion
    }

    /// Just the `kind` of a response body, read before the rest.
    private struct Kind: Decodable {
        var kind: String?
    }
}
