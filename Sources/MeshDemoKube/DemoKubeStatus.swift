import MeshDemo
import MeshModel

/// The `Status` objects the API server answers failures with, worded as the real one words them.
enum DemoKubeStatus {
    /// A `Status` body: `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",…}`.
    /// `details` is left out when `nil`; `kind`/`name` within it when `nil`.
    static func json(code: Int, reason: String, message: String, details: (kind: String?, name: String?)? = nil,
                     group: String = "") -> String {
        var w = JSONWriter()
        w.beginObject()
        DemoKubeJSON.header(&w, kind: "Status", apiVersion: "v1", resourceVersion: nil)
        w.field("status", "Failure")
        w.field("message", message)
        w.field("reason", reason)
        if let details {
            w.key("details")
            w.beginObject()
            if let name = details.name { w.field("name", name) }
            if !group.isEmpty { w.field("group", group) }
            if let kind = details.kind { w.field("kind", kind) }
            w.endObject()
        }
        w.field("code", code)
        w.endObject()
        return w.text
    }

    /// The response carrying a `Status`.
    static func response(code: Int, reason: String, message: String, details: (kind: String?, name: String?)? = nil,
                         group: String = "") -> DemoResponse {
        DemoResponse(status: code, contentType: "application/json",
                     body: Array(json(code: code, reason: reason, message: message, details: details, group: group).utf8),
                     compressible: false)
    }

    /// 401: no credentials, or ones the server doesn't accept.
    static let unauthorized = response(code: 401, reason: "Unauthorized", message: "Unauthorized")

    /// 403 as RBAC words it: `pods is forbidden: User "u" cannot list resource "pods" in API group ""
    /// in the namespace "ns"` (`at the cluster scope` without a namespace); a named object is quoted
    /// after the resource (`pods "web-…" is forbidden`), and a resource of another group is
    /// qualified by it (`deployments.tap.linkerd.io "web" is forbidden: … cannot watch resource
    /// "deployments/tap" in API group "tap.linkerd.io" …`). `details.kind` is the resource without
    /// its subresource.
    static func forbidden(user: String, verb: String, resource: String, group: String = "", namespace: String?,
                          name: String?) -> DemoResponse {
        let kind = String(resource.prefix { $0 != "/" })
        let qualified = group.isEmpty ? kind : kind + "." + group
        let object = name.map { "\(qualified) \"\($0)\"" } ?? qualified
        let scope = namespace.map { "in the namespace \"\($0)\"" } ?? "at the cluster scope"
        return response(code: 403, reason: "Forbidden",
                        message: "\(object) is forbidden: User \"\(user)\" cannot \(verb) resource \"\(resource)\" in API group \"\(group)\" \(scope)",
                        details: (kind, name), group: group)
    }

    /// 413 for a request body over `limit` bytes.
    static func tooLarge(limit: Int) -> DemoResponse {
        response(code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(limit)")
    }

    /// 404 for a missing object: `pods "x" not found`.
    static func notFound(kind: String, name: String) -> DemoResponse {
        response(code: 404, reason: "NotFound", message: "\(kind) \"\(name)\" not found", details: (kind, name))
    }

    /// 405 for a method the path doesn't take.
    static let methodNotAllowed = response(code: 405, reason: "MethodNotAllowed",
                                           message: "the server does not allow this method on the requested resource",
                                           details: (nil, nil))

    /// 404 for a path the server doesn't serve.
    static let noSuchPath = response(code: 404, reason: "NotFound", message: "the server could not find the requested resource",
                                     details: (nil, nil))

    /// 410 as a watch's `ERROR` event carries it.
    static func expired(requested: Int, compacted: Int) -> String {
        json(code: 410, reason: "Expired", message: "too old resource version: \(requested) (\(compacted))")
    }
}
