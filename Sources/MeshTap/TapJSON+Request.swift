import MeshModel

extension TapJSON {
    /// One object for a whole request, on one line: `linkerd viz tap -o json`'s three objects
    /// (request init, response init, response end) merged, under the same keys and with the
    /// same values; `responseInitEvent` is `null` when the stream ended before a response head.
    public static func line(_ request: TappedRequest) -> String {
        var json = JSONWriter()
        json.beginObject()
        peers(request.source, request.destination, route: request.routeLabels, direction: request.direction, &json)
        json.key("requestInitEvent")
        requestInit(request.request, &json)
        json.key("responseInitEvent")
        if let response = request.response { responseInit(response, &json) } else { json.string(nil) }
        json.key("responseEndEvent")
        responseEnd(request.end, &json)
        json.endObject()
        return json.text
    }
}
