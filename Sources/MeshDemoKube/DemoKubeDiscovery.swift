import MeshDemo

/// The discovery documents kubectl reads before anything else: `/version`, `/api`, `/apis` and
/// `/api/v1`, in the legacy (unaggregated) form.
///
/// kubectl 1.32 asks for aggregated discovery first (`Accept: …;as=APIGroupDiscoveryList,…`);
/// answering plain `application/json` makes it fall back to these, as for an older server.
enum DemoKubeDiscovery {
    /// The document at `path`, or `nil` when `path` is no discovery path.
    static func document(_ path: String) -> DemoResponse? {
        let text: String
        switch path {
        case "/version":
            text = #"{"major":"1","minor":"32","gitVersion":"v1.32.0-meshtop-demo","gitCommit":"0000000000000000000000000000000000000000","gitTreeState":"clean","buildDate":"2026-01-01T00:00:00Z","goVersion":"go1.23.4","compiler":"gc","platform":"linux/amd64"}"#
        case "/api":
            text = #"{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}"#
        case "/apis":
            text = #"{"kind":"APIGroupList","apiVersion":"v1","groups":[]}"#
        case "/api/v1":
            text = #"{"kind":"APIResourceList","groupVersion":"v1","resources":["#
                + #"{"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace","verbs":["get","list"],"shortNames":["ns"]},"#
                + #"{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["get","list","watch"],"shortNames":["po"],"categories":["all"]},"#
                + #"{"name":"pods/proxy","singularName":"","namespaced":true,"kind":"PodProxyOptions","verbs":["get"]}]}"#
        default:
            return nil
        }
        return DemoResponse(status: 200, contentType: "application/json", body: Array(text.utf8), compressible: false)
    }
}
