import MeshModel

/// What `meshtop top --once` prints: the rows of a ``TapTop`` as a table, or as one JSON
/// document (schema `meshtop-top/v1`, in docs/json-schema.md) that says what was tapped, for how
/// long, and that it is a sample.
public enum TapTopReport {
    /// `SOURCE  DESTINATION  METHOD  PATH  COUNT  SUCCESS  BEST  WORST  LAST  P95`, busiest
    /// first as given, every name escaped; a line saying so when there are none.
    public static func table(_ rows: [TapTopRow]) -> String {
        guard !rows.isEmpty else { return "No requests seen: nothing matched, or the target had no traffic.\n" }
        let header = ["SOURCE", "DESTINATION", "METHOD", "PATH", "COUNT", "SUCCESS", "BEST", "WORST", "LAST", "P95"]
        let cells = rows.map { row in
            [StatTable.display(row.key.source.name), StatTable.display(row.key.destination.name), StatTable.display(row.key.method),
             StatTable.display(row.key.path), String(row.count), StatTable.percent(row.successRate),
             latency(row.best), latency(row.worst), latency(row.last), latency(row.p95)]
        }
        let widths = header.indices.map { c in ([header] + cells).map { $0[c].count }.max() ?? 0 }
        let numeric = Set(4..<header.count)
        return ([header] + cells).map { line in
            line.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - line[c].count)
                return numeric.contains(c) ? pad + line[c] : line[c] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// The document for `rows` of a tap of `request` that ran `seconds`, with the aggregation's
    /// and the pairing's drop counts.
    public static func json(_ rows: [TapTopRow], request: TapRequest, seconds: Double, top: TapTop,
                            pairing: TapPairingCounts) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("schema", "meshtop-top/v1")
        json.field("target", request.target.description)
        json.field("namespace", request.target.namespace)
        json.field("durationSeconds", seconds)
        json.field("maxRps", Double(request.maxRPS))
        json.field("sampled", true)
        json.field("requests", pairing.completed)
        json.key("dropped")
        json.beginObject()
        json.field("unpaired", pairing.expired + pairing.evicted + pairing.unknownStream)
        json.field("overRowLimit", top.droppedRequests)
        json.endObject()
        json.key("rows")
        json.beginArray()
        for row in rows {
            json.beginObject()
            peer("source", row.key.source, &json)
            peer("destination", row.key.destination, &json)
            json.field("method", row.key.method)
            json.field("path", row.key.path)
            json.field("count", row.count)
            json.field("successRate", row.successRate)
            json.key("latencyMs")
            json.beginObject()
            json.field("best", row.best.map(milliseconds))
            json.field("worst", row.worst.map(milliseconds))
            json.field("last", row.last.map(milliseconds))
            json.field("p95", row.p95.map(milliseconds))
            json.endObject()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text + "\n"
    }

    private static func peer(_ name: String, _ peer: TapPeer, _ json: inout JSONWriter) {
        json.key(name)
        json.beginObject()
        json.field("namespace", peer.namespace)
        json.field("name", peer.name)
        json.endObject()
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.microseconds) / 1000
    }

    /// `812µs`, `12ms`, `1.4s`; `-` when unknown.
    static func latency(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let us = duration.microseconds
        if us < 1000 { return "\(us)µs" }
        if us < 10_000_000 { return StatTable.ms(Double(us) / 1000) }
        return StatTable.fixed(Double(us) / 1e6, 1) + "s"
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
