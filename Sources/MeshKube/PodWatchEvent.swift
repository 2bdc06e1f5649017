import Foundation

/// One event of a pod watch (`GET …/pods?watch=1`), a line of the stream:
/// `{"type": "ADDED", "object": {…pod…}}`.
public enum PodWatchEvent: Hashable, Sendable {
    /// A pod appeared.
    case added(Pod)
    /// A pod changed; the pod is its new state.
    case modified(Pod)
    /// A pod went away; the pod is its last state.
    case deleted(Pod)
    /// Nothing changed, but the watch has reached this version (sent when asked with
    /// `allowWatchBookmarks=true`).
    case bookmark(resourceVersion: String)
    /// The watch failed and has ended; see ``PodAPIStatus/isGone``.
    case error(PodAPIStatus)

    /// Decodes one line of a watch stream (without its newline).
    public static func decode(line: some Collection<UInt8>) throws(PodDecodingError) -> PodWatchEvent {
        let data = Data(line)
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw .malformed(what: "watch event", detail: String(describing: error))
        }
        do {
            switch header.type {
            case "ADDED": return .added(try JSONDecoder().decode(Envelope<Pod>.self, from: data).object)
            case "MODIFIED": return .modified(try JSONDecoder().decode(Envelope<Pod>.self, from: data).object)
            case "DELETED": return .deleted(try JSONDecoder().decode(Envelope<Pod>.self, from: data).object)
            case "BOOKMARK":
                let bookmark = try JSONDecoder().decode(Envelope<Bookmark>.self, from: data).object
                return .bookmark(resourceVersion: bookmark.metadata.resourceVersion)
            case "ERROR": return .error(try JSONDecoder().decode(Envelope<PodAPIStatus>.self, from: data).object)
            default:
                throw PodDecodingError.malformed(what: "watch event", detail: "unknown type \(header.type)")
            }
        } catch let error as PodDecodingError {
            throw error
        } catch {
            throw .malformed(what: "\(header.type) watch event", detail: String(describing: error))
        }
    }

    private struct Header: Decodable {
        var type: String
    }

    private struct Envelope<Object: Decodable>: Decodable {
        var object: Object
    }

    /// A bookmark's object: a pod with nothing in it but `metadata.resourceVersion`.
    private struct Bookmark: Decodable {
        struct Metadata: Decodable {
            var resourceVersion: String
        }

        var metadata: Metadata
    }
}
