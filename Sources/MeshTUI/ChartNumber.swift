import MeshModel

/// Numbers as charts write them: short, so a label fits beside a bar or an axis.
public enum ChartNumber {
    /// `0.5`, `12`, `999`, `1.2k`, `34M`: one decimal below 10, none above, then a thousands
    /// suffix; `-` for a value that is not a finite number.
    public static func compact(_ v: Double) -> String {
        guard v.isFinite else { return "-" }
        let suffixes = ["", "k", "M", "G", "T", "P", "E"]
        var x = abs(v), i = 0
        while x >= 999.5, i < suffixes.count - 1 {
            x /= 1000
            i += 1
        }
        if x >= 999.5 { return v.description }  // past 10^21: not a count a mesh produces
        var text = StatTable.fixed(x, x < 9.95 ? 1 : 0)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return (v < 0 && text != "0" ? "-" : "") + text + suffixes[i]
    }

    /// `0.5ms`, `250ms`, `1s`, `2.5s`: a latency in milliseconds, in seconds from 1 s on.
    public static func milliseconds(_ ms: Double) -> String {
        guard ms.isFinite else { return "-" }
        return abs(ms) < 999.5 ? compact(ms) + "ms" : compact(ms / 1000) + "s"
    }
}
