import Foundation

/// Times as the Kubernetes API writes them, and as kubectl shows ages.
enum DemoKubeTime {
    /// `2026-01-01T00:00:00Z`: RFC 3339 in UTC, whole seconds.
    static func rfc3339(_ date: Date) -> String {
        Date.ISO8601FormatStyle(timeZone: .gmt).format(date)
    }

    /// kubectl's short age: `42s`, `7m`, `3h`, `5d`.
    static func age(from start: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 3 * 3_600 { return "\(seconds / 60)m" }
        if seconds < 2 * 86_400 { return "\(seconds / 3_600)h" }
        return "\(seconds / 86_400)d"
    }
}
