/// The byte spans of one `name="value"` label pair inside an exposition body.
public struct LabelSpan: Equatable, Sendable {
    /// The label name, e.g. `direction`.
    public var name: Range<Int>
    /// The label value between the quotes, still escaped when `escaped` is true.
    public var value: Range<Int>
    /// Whether the value holds a backslash escape and must be decoded with `ExpositionBody.labelValue`.
    public var escaped: Bool

    public init(name: Range<Int>, value: Range<Int>, escaped: Bool) {
        self.name = name
        self.value = value
        self.escaped = escaped
    }
}

/// One sample as the scanner hands it over: offsets into the body, no copies.
public struct RawSample: Equatable, Sendable {
    /// 1-based line number.
    public var line: Int
    /// The metric name, e.g. `response_total`.
    public var name: Range<Int>
    /// The series identity as written: from the name through the closing `}`.
    /// Two samples with equal bytes here are the same series.
    public var series: Range<Int>
    /// The sample value; may be NaN or infinite.
    public var value: Double
    /// The timestamp in milliseconds, when the line carries one.
    public var timestampMs: Int64?

    public init(line: Int, name: Range<Int>, series: Range<Int>, value: Double, timestampMs: Int64?) {
        self.line = line
        self.name = name
        self.series = series
        self.value = value
        self.timestampMs = timestampMs
    }
}

/// A `# HELP`, `# TYPE` or `# UNIT` line.
public struct Metadata: Equatable, Sendable {
    /// Which kind of metadata line this is.
    public enum Kind: String, Sendable { case help = "HELP", type = "TYPE", unit = "UNIT" }
    public var kind: Kind
    /// The family name the line describes.
    public var family: Range<Int>
    /// The rest of the line: the help text, the type or the unit.
    public var text: Range<Int>

    public init(kind: Kind, family: Range<Int>, text: Range<Int>) {
        self.kind = kind
        self.family = family
        self.text = text
    }
}

/// What the scanner found on one line.
public enum ExpositionEvent: Equatable, Sendable {
    case sample(RawSample)
    case metadata(Metadata)
    case error(ParseError)
}
