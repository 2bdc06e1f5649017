/// What the dashboard shows that is neither in a snapshot nor in its state: where the
/// targets come from, the scrape interval, the glyphs and keys of this terminal, and the
/// source's status (context, cluster, problems).
public struct DashboardContext: Sendable {
    /// Where the targets come from: `targets`, `file_sd:<path>`…
    public var source: String
    /// Time between scrapes, in milliseconds.
    public var intervalMs: Int64
    public var glyphs: Glyphs
    public var keymap: Keymap
    /// The kubeconfig context, the cluster, what can be switched to, and the problems to show.
    public var status: SourceStatus

    /// The context of a dashboard over `source`.
    public init(source: String, intervalMs: Int64, glyphs: Glyphs, keymap: Keymap = .standard,
                status: SourceStatus = SourceStatus()) {
        self.source = source
        self.intervalMs = intervalMs
        self.glyphs = glyphs
        self.keymap = keymap
        self.status = status
    }

    /// `500ms`, `2s`, `1.5s`, `1m`, `1m30s`, `2h`: a duration as the command line spells it.
    public static func duration(_ ms: Int64) -> String {
        if ms < 1000 { return "\(ms)ms" }
        if ms < 60_000, ms % 1000 != 0 {
            var fraction = String(String(ms % 1000 + 1000).dropFirst())  // three digits, zero-padded
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return "\(ms / 1000).\(fraction)s"
        }
        let s = ms / 1000
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60)
        return (h > 0 ? "\(h)h" : "") + (m > 0 ? "\(m)m" : "") + (sec > 0 ? "\(sec)s" : "")
    }

    /// The milliseconds of a duration as Prometheus writes them: `500ms`, `10s`, `1m`,
    /// `1m30s`, `2h`; a bare number is seconds. Nil if it isn't one.
    public static func parseDuration(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return Int64((seconds * 1000).rounded()) }
        let units: [(String, Int64)] = [("ms", 1), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return total
    }

    /// `HH:MM:SS UTC` of a time in milliseconds since the epoch.
    public static func clock(_ ms: Int64) -> String {
        let day = (ms / 1000) % 86_400
        let s = day < 0 ? day + 86_400 : day
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60)) UTC"
    }
}
