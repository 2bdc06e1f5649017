import Foundation
import MeshModel

/// The `meta.k8s.io/v1` `Table` kubectl asks for (`Accept: application/json;as=Table;…`) to print
/// `get` output as the server lays it out: columns, and rows of cells with each object's metadata.
enum DemoKubeTable {
    /// Whether an `Accept` header asks for a table.
    static func isWanted(_ accept: String?) -> Bool {
        accept?.contains("as=Table") ?? false
    }

    /// `kubectl get pods`: NAME, READY, STATUS, RESTARTS, AGE.
    static func pods(_ pods: [DemoKubeCluster.Stored], resourceVersion: Int, now: Date) -> String {
        table(columns: [("Name", "string", "name"), ("Ready", "string", ""), ("Status", "string", ""),
                        ("Restarts", "string", ""), ("Age", "string", "")],
              resourceVersion: resourceVersion, rows: pods) { w, stored in
            let pod = stored.pod
            let containers = pod.containerNames.count
            w.string(pod.name)
            w.string("\(containers)/\(containers)")
            w.string("Running")
            w.string("0")
            w.string(DemoKubeTime.age(from: pod.created, to: now))
        } metadata: { w, stored in
            stored.pod.writeMetadata(&w, resourceVersion: stored.resourceVersion)
        }
    }

    /// `kubectl get namespaces`: NAME, STATUS, AGE.
    static func namespaces(_ namespaces: [DemoKubeNamespace], resourceVersion: Int, now: Date) -> String {
        table(columns: [("Name", "string", "name"), ("Status", "string", ""), ("Age", "string", "")],
              resourceVersion: resourceVersion, rows: namespaces) { w, namespace in
            w.string(namespace.name)
            w.string("Active")
            w.string(DemoKubeTime.age(from: namespace.created, to: now))
        } metadata: { w, namespace in
            namespace.writeMetadata(&w)
        }
    }

    private static func table<Row>(columns: [(name: String, type: String, format: String)], resourceVersion: Int,
                                   rows: [Row], cells: (inout JSONWriter, Row) -> Void,
                                   metadata: (inout JSONWriter, Row) -> Void) -> String {
        var w = JSONWriter()
        w.beginObject()
        DemoKubeJSON.header(&w, kind: "Table", apiVersion: "meta.k8s.io/v1", resourceVersion: resourceVersion)
        w.key("columnDefinitions")
        w.beginArray()
        for column in columns {
            w.beginObject()
            w.field("name", column.name)
            w.field("type", column.type)
            w.field("format", column.format)
            w.field("description", column.name)
            w.field("priority", 0)
            w.endObject()
        }
        w.endArray()
        w.key("rows")
        w.beginArray()
        for row in rows {
            w.beginObject()
            w.key("cells")
            w.beginArray()
            cells(&w, row)
            w.endArray()
            w.key("object")
            w.beginObject()
            w.field("kind", "PartialObjectMetadata")
            w.field("apiVersion", "meta.k8s.io/v1")
            metadata(&w, row)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text
    }
}
