/// The symbols the views draw with, as data: one Unicode set and one ASCII set, chosen once
/// at start-up so no view has to ask which terminal it is on.
///
/// No emoji: they render as boxes or at the wrong width in many terminal and font setups.
public struct Glyphs: Hashable, Sendable {
    /// Between a call's source and destination: `SRC → DST`.
    public var arrow: String
    /// Marks the table that has the keyboard focus.
    public var focus: String
    /// Before an edge that is secured by mTLS, and one that is not.
    public var secured: String
    public var insecure: String
    /// Before a success rate below the warning threshold.
    public var lowSuccess: String
    /// Before a failed target.
    public var failed: String
    /// Ends text cut short to fit its column: one cell wide.
    public var cut: String
    /// Ends a sentence that trails off ("waiting…").
    public var ellipsis: String
    /// Joins the parts of the header line.
    public var separator: String
    /// A column's heights, lowest first; the last fills its cell. Sparklines and column charts
    /// draw with these, so each set has its own number of levels.
    public var heights: [String]
    /// A horizontal bar's end, from its thinnest to a full cell.
    public var barFills: [String]
    /// Where a graph has no value (no traffic).
    public var noData: String
    /// Before a histogram band's upper bound: `≤ 10ms`.
    public var atMost: String
    /// Points at a histogram band that holds a quantile: `◂ p99`.
    public var marker: String
    /// A chart's y axis, and its ticks at the labelled values.
    public var axis: String
    public var axisTick: String
    /// After the header of the column a table is sorted by: ascending, descending.
    public var sortedUp: String
    public var sortedDown: String
    /// The call graph's lines, indexed by the directions they join: left 1, right 2, up 4,
    /// down 8 (so 3 is `─`, 10 is `┌`, 15 is `┼`); index 0 is blank.
    public var lines: [String]
    /// The graph's dashed lines, horizontal then vertical: edges without mTLS and the boxes of
    /// peers outside the mesh.
    public var dashes: [String]
    /// The graph's arrowheads, pointing left, right, up and down.
    public var arrowheads: [String]
    /// Before the name of a peer outside the mesh, and of the unmeshed clients of a workload.
    public var externalPeer: String
    public var unmeshedClients: String
    /// On a graph edge that is not mTLS-secured (on a failing one: ``failed``).
    public var plaintext: String

    /// Unicode symbols that every UTF-8 terminal font has: arrows, marks, block elements and
    /// the two light box-drawing lines of a chart's axis.
    public static let unicode = Glyphs(arrow: "→", focus: "▸", secured: "✓", insecure: "✗", lowSuccess: "▼",
                                       failed: "✗", cut: "…", ellipsis: "…", separator: " · ",
                                       heights: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
                                       barFills: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
                                       noData: "·", atMost: "≤", marker: "◂", axis: "│", axisTick: "┤",
                                       sortedUp: "▲", sortedDown: "▼",
                                       lines: [" ", "─", "─", "─", "│", "┘", "└", "┴", "│", "┐", "┌", "┬", "│", "┤", "├", "┼"],
                                       dashes: ["┄", "┆"], arrowheads: ["◀", "▶", "▲", "▼"], externalPeer: "⇢",
                                       unmeshedClients: "?", plaintext: "○")
    /// Plain ASCII, for terminals without a UTF-8 locale.
    ///
    /// Its heights rise from the baseline (`_`) to a full cell (`#`); a missing value is blank,
    /// so it can't be taken for the low `.`.
    public static let ascii = Glyphs(arrow: "->", focus: ">", secured: "*", insecure: "!", lowSuccess: "!",
                                     failed: "x", cut: "~", ellipsis: "...", separator: " | ",
                                     heights: ["_", ".", "-", "=", "*", "#"], barFills: ["#"],
                                     noData: " ", atMost: "<=", marker: "<", axis: "|", axisTick: "+",
                                     sortedUp: "^", sortedDown: "v",
                                     lines: [" ", "-", "-", "-", "|", "+", "+", "+", "|", "+", "+", "+", "|", "+", "+", "+"],
                                     dashes: [".", ":"], arrowheads: ["<", ">", "^", "v"], externalPeer: "ext",
                                     unmeshedClients: "?", plaintext: "~")

    /// Every symbol in the set, for checks such as "ASCII only".
    public var all: [String] {
        [arrow, focus, secured, insecure, lowSuccess, failed, cut, ellipsis, separator, noData, atMost, marker, axis, axisTick,
         sortedUp, sortedDown]
            + heights + barFills + lines + dashes + arrowheads + [externalPeer, unmeshedClients, plaintext]
    }

    /// The Unicode set when the character encoding named by `codeset` (from
    /// `nl_langinfo(CODESET)`) is UTF-8, else the ASCII set.
    public static func forCodeset(_ codeset: String) -> Glyphs {
        isUTF8(codeset) ? .unicode : .ascii
    }

    /// Whether `codeset` names UTF-8, however it is spelled (`UTF-8`, `utf8`).
    public static func isUTF8(_ codeset: String) -> Bool {
        codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
    }
}
