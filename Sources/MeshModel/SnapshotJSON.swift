/// Encodes a `Snapshot` as the versioned `meshtop/v1` JSON document documented in
/// `docs/json-schema.md`. Keys are written in a fixed order; missing data is `null`.
public enum SnapshotJSON {
    /// The schema name every document carries in its `schema` key.
    public static let schema = "meshtop/v1"

    /// The whole document, one line, no trailing newline.
    public static func encode(_ snapshot: Snapshot, source: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("schema", schema)
        w.field("source", source)
        w.field("generated_at", Timestamp.rfc3339(ms: snapshot.generatedAtMs))
        w.field("window_seconds", snapshot.windowSeconds)
        w.key("workloads")
        w.beginArray()
        for s in snapshot.workloads {
            w.beginObject()
            w.field("namespace", s.workload.namespace)
            w.field("kind", s.workload.kind)
            w.field("name", s.workload.name)
            w.field("meshed", "\(s.meshedPods)/\(s.totalPods)")
            metrics(s.metrics, &w)
            w.endObject()
        }
        w.endArray()
        w.key("edges")
        w.beginArray()
        for e in snapshot.edges {
            w.beginObject()
            w.key("src"); workload(e.src, &w)
            w.key("dst"); workload(e.dst, &w)
            metrics(e.metrics, &w)
            w.field("mtls", e.mtls)
            w.field("no_tls_reason", e.noTLSReason)
            w.field("server_id", e.serverID)
            w.endObject()
        }
        w.endArray()
        w.key("pods")
        w.beginArray()
        for p in snapshot.pods {
            w.beginObject()
            w.field("namespace", p.workload.namespace)
            w.field("name", p.pod)
            w.key("workload"); workload(p.workload, &w)
            metrics(p.metrics, &w)
            w.endObject()
        }
        w.endArray()
        w.key("targets")
        w.beginArray()
        for t in snapshot.targets { target(t, &w) }
        w.endArray()
        w.key("problems")
        w.beginArray()
        for problem in snapshot.problems { w.string(problem) }
        w.endArray()
        w.endObject()
        return w.text
    }

    private static func workload(_ ref: WorkloadRef, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("namespace", ref.namespace)
        w.field("kind", ref.kind)
        w.field("name", ref.name)
        w.endObject()
    }

    private static func metrics(_ m: GoldenMetrics, _ w: inout JSONWriter) {
        w.field("success", m.success)
        w.field("rps", m.rps)
        w.field("latency_ms_p50", m.latencyP50)
        w.field("latency_ms_p95", m.latencyP95)
        w.field("latency_ms_p99", m.latencyP99)
        w.field("tcp_open_connections", m.tcpOpenConnections)
        w.field("tcp_read_bytes_rate", m.tcpReadBytesRate)
        w.field("tcp_write_bytes_rate", m.tcpWriteBytesRate)
    }

    private static func target(_ t: TargetHealth, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("url", t.url)
        w.field("ok", t.ok)
        w.field("error", t.error)
        w.field("bytes", t.bytes)
        w.field("duration_ms", t.durationMs)
        w.field("pod", t.pod)
        w.key("workload"); workload(t.workload, &w)
        w.field("samples", t.samples)
        w.field("parse_errors", t.parseErrors)
        w.key("parse_error_messages")
        w.beginArray()
        for m in t.parseErrorMessages { w.string(m) }
        w.endArray()
        w.endObject()
    }
}
