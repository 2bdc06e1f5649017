import MeshModel
import MeshTap

/// One request in full (Enter in the Tap view): when, who called whom and how secured, the
/// request's head, the response, the timings, the route and every label, header and trailer
/// tap reported. Every string is the cluster's, escaped; a header's bytes that are not UTF-8
/// are written as `\xNN`. Long values wrap; fields past the last line are left out.
enum TapDetailView {
    /// A labelled value of the detail.
    private struct Field {
        var label: String
        var value: String
        var style = Style.normal
    }

    /// The width of the labels' column.
    private static let labelWidth = 13

    static func draw(_ request: TappedRequest, glyphs: Glyphs, lines: Range<Int>, into grid: inout CellGrid) {
        var y = lines.lowerBound
        guard y < lines.upperBound else { return }
        let title = "\(StatTable.display(request.request.method?.description ?? "-")) "
            + StatTable.display(request.request.authority + request.request.path)
        grid.put(CharacterWidth.truncate(title, width: grid.width, cut: glyphs.cut), x: 0, y: y, style: .header)
        y += 1
        let valueWidth = max(1, grid.width - labelWidth)
        for field in fields(request, glyphs) {
            for (i, piece) in wrap(field.value, width: valueWidth).enumerated() {
                guard y < lines.upperBound - 1 else { break }
                if i == 0 { grid.put(field.label, x: 0, y: y, style: Style(.dim), limit: labelWidth - 1) }
                grid.put(piece, x: labelWidth, y: y, style: field.style)
                y += 1
            }
        }
        if lines.count > 1 { grid.put("Esc back", x: 0, y: lines.upperBound - 1, style: Style(.dim)) }
    }

    private static func fields(_ request: TappedRequest, _ glyphs: Glyphs) -> [Field] {
        let status = TapColumns.status(request, glyphs)
        let tls = TapColumns.tls(request.tls, glyphs, short: false)
        var fields = [
            Field(label: "started", value: TapColumns.time(request.startedAtMs) + " UTC"),
            Field(label: "ended", value: TapColumns.time(request.endedAtMs) + " UTC"),
            Field(label: "direction", value: direction(request.direction)),
            Field(label: "source", value: endpoint(request.source)),
            Field(label: "destination", value: endpoint(request.destination)),
            Field(label: "tls", value: tls.text, style: tls.style),
            Field(label: "id", value: request.request.id.description),
            Field(label: "scheme", value: StatTable.display(request.request.scheme?.description ?? "-")),
            Field(label: "authority", value: StatTable.display(request.request.authority)),
            Field(label: "path", value: StatTable.display(request.request.path)),
            Field(label: "status", value: httpStatus(request)),
            Field(label: "outcome", value: status.text, style: status.style),
            Field(label: "latency", value: timings(request)),
            Field(label: "bytes", value: "\(request.end.responseBytes) (response body)"),
        ]
        if !request.routeLabels.isEmpty { fields.append(Field(label: "route", value: labels(request.routeLabels))) }
        fields.append(Field(label: "src labels", value: labels(request.source.labels)))
        fields.append(Field(label: "dst labels", value: labels(request.destination.labels)))
        fields += headers("request", request.request.headers)
        fields += headers("response", request.response?.headers ?? [])
        fields += headers("trailer", request.end.trailers)
        return fields
    }

    private static func direction(_ direction: TapDirection) -> String {
        switch direction {
        case .inbound: "inbound: seen by the server's proxy"
        case .outbound: "outbound: seen by the client's proxy"
        case .unknown: "unknown"
        }
    }

    /// `deploy/web · pod web-5d4f-xk2p9 · ns emojivoto · 10.1.0.5:41322`.
    private static func endpoint(_ endpoint: TapEndpoint) -> String {
        let name = TapPeer(endpoint, naming: .workload).name
        var parts = [StatTable.display(name)]
        if let pod = endpoint.labels["pod"], !pod.isEmpty, pod != name {
            parts.append("pod \(StatTable.display(pod))")
        }
        if let namespace = endpoint.labels["namespace"] { parts.append("ns \(StatTable.display(namespace))") }
        parts.append(endpoint.address.description)
        return parts.joined(separator: " · ")
    }

    private static func httpStatus(_ request: TappedRequest) -> String {
        guard let response = request.response else { return "none: the stream ended before a response head" }
        switch request.end.end {
        case let .grpcStatus(code)?: return "\(response.httpStatus) · grpc-status \(TapGRPCStatus.name(code)) (\(code))"
        case let .reset(code)?: return "\(response.httpStatus) · reset, HTTP/2 error \(code)"
        case nil: return "\(response.httpStatus)"
        }
    }

    /// `total 12ms · first byte 2ms · body 10ms`.
    private static func timings(_ request: TappedRequest) -> String {
        ["total \(TapColumns.latency(request.latency))",
         "first byte \(TapColumns.latency(request.response?.sinceRequestInit))",
         "body \(TapColumns.latency(request.end.sinceResponseInit))"].joined(separator: " · ")
    }

    /// `key=value key=value`, sorted by key, escaped; `none` for none.
    private static func labels(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "none" }
        return labels.sorted { $0.key < $1.key }
            .map { "\(StatTable.display($0.key))=\(StatTable.display($0.value))" }.joined(separator: " ")
    }

    private static func headers(_ kind: String, _ headers: [TapHeader]) -> [Field] {
        headers.map { header in
            Field(label: kind, value: "\(StatTable.display(header.name)): \(value(header.value))")
        }
    }

    /// A header's value: its text escaped, or its bytes with the printable ASCII ones as they
    /// are and the others as `\xNN`.
    static func value(_ value: TapHeaderValue) -> String {
        switch value {
        case let .text(text):
            return StatTable.display(text)
        case let .binary(bytes):
            return bytes.map { byte in
                guard (0x20..<0x7F).contains(byte), byte != UInt8(ascii: "\\") else {
                    let hex = String(byte, radix: 16)
                    return "\\x" + (hex.count < 2 ? "0" + hex : hex)
                }
                return String(UnicodeScalar(byte))
            }.joined()
        }
    }

    /// `text` in pieces of at most `width` cells.
    private static func wrap(_ text: String, width: Int) -> [String] {
        var pieces: [String] = [], piece = "", used = 0
        for c in text {
            let w = CharacterWidth.of(c)
            if used + w > width, !piece.isEmpty {
                pieces.append(piece)
                (piece, used) = ("", 0)
            }
            piece.append(c)
            used += w
        }
        return pieces + [piece]
    }
}
