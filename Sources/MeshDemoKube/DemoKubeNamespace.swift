import Foundation
import MeshModel

/// A namespace of the demo cluster.
public struct DemoKubeNamespace: Sendable, Hashable {
    /// Its name.
    public let name: String
    /// The version it was created at; namespaces never change.
    public let resourceVersion: Int
    /// When it was created.
    public let created: Date

    /// The namespace as the API server writes it.
    func json() -> String {
        var w = JSONWriter()
        write(&w)
        return w.text
    }

    /// Writes the namespace object into `w`.
    func write(_ w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", "Namespace")
        w.field("apiVersion", "v1")
        writeMetadata(&w)
        w.key("spec")
        w.beginObject()
        w.key("finalizers")
        w.beginArray()
        w.string("kubernetes")
        w.endArray()
        w.endObject()
        w.key("status")
        w.beginObject()
        w.field("phase", "Active")
        w.endObject()
        w.endObject()
    }

    /// `metadata`; also what a `Table` row's `PartialObjectMetadata` holds.
    func writeMetadata(_ w: inout JSONWriter) {
        w.key("metadata")
        w.beginObject()
        w.field("name", name)
        w.field("uid", DemoKubeOwner.uid(of: "Namespace/\(name)"))
        w.field("resourceVersion", String(resourceVersion))
        w.field("creationTimestamp", DemoKubeTime.rfc3339(created))
        DemoKubeJSON.object(&w, "labels", ["kubernetes.io/metadata.name": name])
        w.endObject()
    }
}
