import Foundation
import MeshModel

/// Tap events as JSON objects, one per line (NDJSON), with the keys and values of
/// `linkerd viz tap -o json` (`viz/cmd/tap.go`, whose objects span several lines): empty
/// label maps and header lists are `null`, durations `{"seconds":…,"nanos":…}` without zero
/// fields, binary header values base64, `grpcStatusCode` 0 when the stream carried none.
/// Strings are escaped by ``JSONWriter``, control characters included.
public enum TapJSON {
    /// The object for `event`, on one line, without the newline.
    public static func line(_ event: TapEvent) -> String {
        var json = JSONWriter()
        json.beginObject()
        peers(event.source, event.destination, route: event.routeLabels, direction: event.direction, &json)
        switch event.http {
        case let .requestInit(request)?:
            json.key("requestInitEvent")
            requestInit(request, &json)
        case let .responseInit(response)?:
            json.key("responseInitEvent")
            responseInit(response, &json)
        case let .responseEnd(end)?:
            json.key("responseEndEvent")
            responseEnd(end, &json)
        case nil:
            break
        }
        json.endObject()
        return json.text
    }

    /// The keys every object starts with: who talked to whom, the route, which proxy saw it.
    static func peers(_ source: TapEndpoint, _ destination: TapEndpoint, route: [String: String], direction: TapDirection,
                      _ json: inout JSONWriter) {
        json.key("source")
        endpoint(source, &json)
        json.key("destination")
        endpoint(destination, &json)
        json.key("routeMeta")
        labels(route, &json)
        json.field("proxyDirection", direction.rawValue)
    }

    private static func endpoint(_ endpoint: TapEndpoint, _ json: inout JSONWriter) {
        json.beginObject()
        json.field("ip", endpoint.address.ip.description)
        json.field("port", Int(endpoint.address.port))
        json.key("metadata")
        labels(endpoint.labels, &json)
        json.endObject()
    }

    private static func labels(_ labels: [String: String], _ json: inout JSONWriter) {
        guard !labels.isEmpty else { json.string(nil); return }
        json.beginObject()
        for (name, value) in labels.sorted(by: { $0.key < $1.key }) { json.field(name, value) }
        json.endObject()
    }

    static func requestInit(_ request: TapRequestInit, _ json: inout JSONWriter) {
        json.beginObject()
        id(request.id, &json)
        json.field("method", request.method?.description ?? "")
        json.field("scheme", request.scheme?.description ?? "")
        json.field("authority", request.authority)
        json.field("path", request.path)
        json.key("headers")
        headers(request.headers, &json)
        json.endObject()
    }

    static func responseInit(_ response: TapResponseInit, _ json: inout JSONWriter) {
        json.beginObject()
        id(response.id, &json)
        json.key("sinceRequestInit")
        duration(response.sinceRequestInit, &json)
        json.field("httpStatus", Int(response.httpStatus))
        json.key("headers")
        headers(response.headers, &json)
        json.endObject()
    }

    static func responseEnd(_ end: TapResponseEnd, _ json: inout JSONWriter) {
        json.beginObject()
        id(end.id, &json)
        json.key("sinceRequestInit")
        duration(end.sinceRequestInit, &json)
        json.key("sinceResponseInit")
        duration(end.sinceResponseInit, &json)
        json.field("responseBytes", Int(clamping: end.responseBytes))
        json.key("trailers")
        headers(end.trailers, &json)
        switch end.end {
        case let .grpcStatus(code)?:
            json.field("grpcStatusCode", Int(code))
        case let .reset(code)?:
            json.field("grpcStatusCode", 0)
            if code != 0 { json.field("resetErrorCode", Int(code)) }
        case nil:
            json.field("grpcStatusCode", 0)
        }
        json.endObject()
    }

    private static func id(_ id: TapStreamID, _ json: inout JSONWriter) {
        json.key("id")
        json.beginObject()
        json.field("base", Int(id.base))
        json.field("stream", Int(clamping: id.stream))
        json.endObject()
    }

    private static func duration(_ duration: Duration?, _ json: inout JSONWriter) {
        guard let duration else { json.string(nil); return }
        let (seconds, attoseconds) = duration.components
        json.beginObject()
        if seconds != 0 { json.field("seconds", Int(seconds)) }
        let nanos = attoseconds / 1_000_000_000
        if nanos != 0 { json.field("nanos", Int(nanos)) }
        json.endObject()
    }

    private static func headers(_ headers: [TapHeader], _ json: inout JSONWriter) {
        guard !headers.isEmpty else { json.string(nil); return }
        json.beginArray()
        for header in headers {
            json.beginObject()
            json.field("name", header.name)
            switch header.value {
            case let .text(text): json.field("valueStr", text)
            case let .binary(bytes): json.field("valueBin", Data(bytes).base64EncodedString())
            }
            json.endObject()
        }
        json.endArray()
    }
}
