import MeshModel

/// JSON pieces the demo API server writes in several places.
enum DemoKubeJSON {
    /// The fields every API object and list opens with: `kind`, `apiVersion`, and `metadata`
    /// holding only `resourceVersion` (empty without one, as a `Status` has it).
    static func header(_ w: inout JSONWriter, kind: String, apiVersion: String, resourceVersion: Int?) {
        w.field("kind", kind)
        w.field("apiVersion", apiVersion)
        w.key("metadata")
        w.beginObject()
        if let resourceVersion { w.field("resourceVersion", String(resourceVersion)) }
        w.endObject()
    }

    /// `"name": {…}` with the keys sorted, as Go's encoder writes maps.
    static func object(_ w: inout JSONWriter, _ name: String, _ fields: [String: String]) {
        w.key(name)
        w.beginObject()
        for key in fields.keys.sorted() { w.field(key, fields[key]) }
        w.endObject()
    }
}
