/// A streaming pull scanner for the Prometheus text format 0.0.4 and OpenMetrics 1.0 text,
/// including both concatenated in one body as linkerd2-proxy serves them.
///
/// It walks the bytes once and hands out offsets (`RawSample`, `labels`), never a
/// `String` or a `Dictionary` per sample. A malformed line yields an `.error` event and the
/// scanner resumes on the next line. `# EOF` ends the body; anything after it but blank
/// lines is reported once. The caller keeps `body` alive while scanning.
///
/// Timestamps: integers are milliseconds (text format) until a `# UNIT` line shows the
/// OpenMetrics section has begun, where they are seconds; a timestamp with a fraction or
/// exponent is always seconds (OpenMetrics). Exemplars (` # {…} v`) are skipped.
public struct ExpositionScanner {
    /// The body being scanned.
    public let body: UnsafeBufferPointer<UInt8>
    /// The label spans of the sample `next()` returned last.
    public private(set) var labels: [LabelSpan] = []
    /// Whether the sample returned last was read by the `next(known:)` shortcut (its labels
    /// were not scanned).
    public private(set) var tookShortcut = false
    /// Where the scan of a body stands between two of its pieces.
    public struct State: Sendable, Equatable {
        /// Lines read so far.
        var line = 0
        var openMetrics = false
        /// The line of `# EOF`, once read.
        var eofLine: Int?
        var reportedTrailing = false

        /// The state at the start of a body.
        public init() {}
    }

    /// Where this scan stands: pass it to the scanner of the body's next piece.
    public private(set) var state: State
    private let p: UnsafePointer<UInt8>
    private let classes = CharacterClass()
    private var pos = 0
    private var line: Int {
        get { state.line }
        set { state.line = newValue }
    }

    /// Starts scanning `body` from its first byte. A body that arrives in pieces is scanned
    /// one piece of whole lines at a time, each resuming the `state` of the one before.
    public init(_ body: UnsafeBufferPointer<UInt8>, resuming state: State = State()) {
        self.body = body
        self.state = state
        // An empty buffer may have a nil base; any valid pointer will do, nothing is read.
        self.p = body.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(bitPattern: 1)!
        labels.reserveCapacity(24)
    }

    /// The next sample, metadata line or error; nil at the end of the body.
    public mutating func next() -> ExpositionEvent? {
        advance(shortcut: false) { _ in false }
    }

    /// The next event, as `next()`, with a shortcut for series the caller has seen before.
    ///
    /// Each sample line's series bytes (`name{…}`, found from the end of the line, where the
    /// value and timestamp are) are first offered to `known`. When it returns true the caller
    /// vouches that these exact bytes scanned cleanly before, so the label set is not scanned
    /// again and `labels` is left empty. Otherwise the line is scanned in full.
    public mutating func next(known: (UnsafeBufferPointer<UInt8>) -> Bool) -> ExpositionEvent? {
        advance(shortcut: true, known)
    }

    private mutating func advance(shortcut: Bool, _ known: (UnsafeBufferPointer<UInt8>) -> Bool) -> ExpositionEvent? {
        let n = body.count
        if let eofLine = state.eofLine { return trailingContent(after: eofLine) }
        while pos < n {
            let start = pos
            line += 1
            let c = p[start]
            if c == UInt8(ascii: "\n") { pos += 1; continue }
            if c == UInt8(ascii: "#") {
                let end = lineEnd(from: start)
                if let event = comment(start, end) { return event }
                continue
            }
            if c == UInt8(ascii: "\r"), start + 1 < n, p[start + 1] == UInt8(ascii: "\n") { pos += 2; continue }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
                let end = lineEnd(from: start)
                if isBlank(start, end) { continue }
                return .error(ParseError(line: line, column: 1, reason: "line starts with whitespace"))
            }
            if shortcut, let event = knownSample(start, known) {
                tookShortcut = true
                return event
            }
            tookShortcut = false
            return sampleLine(start)
        }
        return nil
    }

    // MARK: - Lines

    /// Moves `pos` past the line starting at `start` and returns where its text ends (before `\r\n`).
    private mutating func lineEnd(from start: Int) -> Int {
        let nl = ByteSearch.first(UInt8(ascii: "\n"), in: p, from: start, to: body.count)
        pos = min(nl + 1, body.count)
        return nl > start && p[nl - 1] == UInt8(ascii: "\r") ? nl - 1 : nl
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { p[$0] == UInt8(ascii: " ") || p[$0] == UInt8(ascii: "\t") }
    }

    private mutating func fail(_ at: Int, _ reason: String) -> ExpositionEvent {
        let lineStart = lastLineStart(before: at)
        _ = lineEnd(from: min(at, body.count))
        return .error(ParseError(line: line, column: at - lineStart + 1, reason: reason))
    }

    private func lastLineStart(before at: Int) -> Int {
        var i = min(at, body.count)
        while i > 0, p[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    private mutating func comment(_ start: Int, _ end: Int) -> ExpositionEvent? {
        var i = start + 1
        while i < end, p[i] == UInt8(ascii: " ") { i += 1 }
        let word = i
        while i < end, p[i] != UInt8(ascii: " ") { i += 1 }
        let keyword = String(decoding: UnsafeBufferPointer(start: p + word, count: min(i - word, 5)), as: UTF8.self)
        if keyword == "EOF" && i - word == 3 && isBlank(i, end) {
            state.eofLine = line
            return trailingContent(after: line)
        }
        guard i - word == 4, let kind = Metadata.Kind(rawValue: keyword) else { return nil }
        while i < end, p[i] == UInt8(ascii: " ") { i += 1 }
        let family = i
        while i < end, p[i] != UInt8(ascii: " ") && p[i] != UInt8(ascii: "\t") { i += 1 }
        guard i > family else {
            return .error(ParseError(line: line, column: family - start + 1, reason: "# \(keyword) without a metric name"))
        }
        let familyRange = family..<i
        while i < end, p[i] == UInt8(ascii: " ") { i += 1 }
        var textEnd = end
        while textEnd > i, p[textEnd - 1] == UInt8(ascii: " ") { textEnd -= 1 }
        if kind == .unit { state.openMetrics = true }
        if kind == .type, !Self.knownTypes.contains(String(decoding: UnsafeBufferPointer(start: p + i, count: textEnd - i), as: UTF8.self)) {
            return .error(ParseError(line: line, column: i - start + 1, reason: "unknown metric type"))
        }
        return .metadata(Metadata(kind: kind, family: familyRange, text: i..<textEnd))
    }

    /// After `# EOF`: one error if anything but whitespace follows (in this piece or a later
    /// one), then the end.
    private mutating func trailingContent(after eofLine: Int) -> ExpositionEvent? {
        let trailing = (pos..<body.count).contains { !classes.isWhitespace(p[$0]) }
        pos = body.count
        guard trailing, !state.reportedTrailing else { return nil }
        state.reportedTrailing = true
        return .error(ParseError(line: eofLine + 1, reason: "content after # EOF is ignored"))
    }

    private static let knownTypes: Set<String> = [
        "counter", "gauge", "histogram", "summary", "untyped", "unknown", "info", "stateset", "gaugehistogram",
    ]

    // MARK: - Samples

    private mutating func sampleLine(_ start: Int) -> ExpositionEvent {
        let n = body.count
        var i = start
        guard classes.isNameStart(p[i]) else { return fail(i, "expected a metric name") }
        i += 1
        while i < n, classes.isNameChar(p[i]) { i += 1 }
        let name = start..<i
        labels.removeAll(keepingCapacity: true)
        if i < n, p[i] == UInt8(ascii: "{") {
            switch scanLabels(from: i + 1) {
            case .success(let close): i = close + 1
            case .failure(let error): return fail(error.at, error.reason)
            }
        }
        let series = start..<i
        guard i < n, p[i] == UInt8(ascii: " ") || p[i] == UInt8(ascii: "\t") else {
            return fail(i, i < n && p[i] != UInt8(ascii: "\n") && p[i] != UInt8(ascii: "\r")
                ? "invalid character in metric name" : "missing value")
        }
        i = skipSpaces(i)
        let valueStart = i
        i = tokenEnd(i)
        guard let value = NumberParsing.double(p, from: valueStart, to: i) else {
            return fail(valueStart, valueStart == i ? "missing value" : "invalid value \"\(text(valueStart..<i))\"")
        }
        i = skipSpaces(i)
        var timestamp: Int64?
        if i < n, p[i] != UInt8(ascii: "#"), p[i] != UInt8(ascii: "\n"), p[i] != UInt8(ascii: "\r") {
            let tsStart = i
            i = tokenEnd(i)
            guard let ts = self.timestamp(tsStart, i) else {
                return fail(tsStart, "invalid timestamp \"\(text(tsStart..<i))\"")
            }
            timestamp = ts
            i = skipSpaces(i)
        }
        if i < n, p[i] == UInt8(ascii: "#") {
            i = ByteSearch.first(UInt8(ascii: "\n"), in: p, from: i, to: n)  // exemplar: skipped
        }
        if i < n, p[i] == UInt8(ascii: "\r"), i + 1 < n, p[i + 1] == UInt8(ascii: "\n") { i += 1 }
        guard i == n || p[i] == UInt8(ascii: "\n") else { return fail(i, "unexpected text after the sample") }
        pos = min(i + 1, n)
        return .sample(RawSample(line: line, name: name, series: series, value: value, timestampMs: timestamp))
    }

    /// The sample on the line at `start` if its series is `known`, read from the line's end;
    /// nil to scan the line in full (unknown series, or a shape the shortcut does not read).
    private mutating func knownSample(_ start: Int, _ known: (UnsafeBufferPointer<UInt8>) -> Bool) -> ExpositionEvent? {
        let newline = ByteSearch.first(UInt8(ascii: "\n"), in: p, from: start, to: body.count)
        var end = newline
        if end > start, p[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let last = tokenBefore(end, start)
        guard last.lowerBound > start else { return nil }
        var value = last, timestamp: Range<Int>?
        var seriesEnd = spacesBefore(last.lowerBound, start)
        if p[seriesEnd - 1] != UInt8(ascii: "}") {
            let previous = tokenBefore(seriesEnd, start)
            if previous.lowerBound > start {  // `series value timestamp`
                value = previous
                timestamp = last
                seriesEnd = spacesBefore(previous.lowerBound, start)
                guard seriesEnd > start else { return nil }
                if p[seriesEnd - 1] != UInt8(ascii: "}"), tokenBefore(seriesEnd, start).lowerBound != start { return nil }
            }
        }
        guard known(UnsafeBufferPointer(rebasing: body[start..<seriesEnd])),
              let v = NumberParsing.double(p, from: value.lowerBound, to: value.upperBound) else { return nil }
        var ts: Int64?
        if let timestamp {
            guard let t = self.timestamp(timestamp.lowerBound, timestamp.upperBound) else { return nil }
            ts = t
        }
        labels.removeAll(keepingCapacity: true)
        pos = min(newline + 1, body.count)
        let nameEnd = ByteSearch.first(UInt8(ascii: "{"), in: p, from: start, to: seriesEnd)
        return .sample(RawSample(line: line, name: start..<nameEnd, series: start..<seriesEnd, value: v, timestampMs: ts))
    }

    /// The token (run of non-blank bytes) ending at `end`, after skipping blanks before `end`.
    private func tokenBefore(_ end: Int, _ lineStart: Int) -> Range<Int> {
        let e = spacesBefore(end, lineStart)
        var s = e
        while s > lineStart, p[s - 1] != UInt8(ascii: " "), p[s - 1] != UInt8(ascii: "\t") { s -= 1 }
        return s..<e
    }

    private func spacesBefore(_ end: Int, _ lineStart: Int) -> Int {
        var e = end
        while e > lineStart, p[e - 1] == UInt8(ascii: " ") || p[e - 1] == UInt8(ascii: "\t") { e -= 1 }
        return e
    }

    private struct LabelError: Error { var at: Int; var reason: String }

    /// Scans `name="value",…}` from just after `{`; returns the index of the closing `}`.
    private mutating func scanLabels(from start: Int) -> Result<Int, LabelError> {
        let n = body.count
        var i = skipSpaces(start)
        while true {
            guard i < n else { return .failure(LabelError(at: i, reason: "unterminated label set")) }
            if p[i] == UInt8(ascii: "}") { return .success(i) }
            guard classes.isLabelStart(p[i]) else {
                return .failure(LabelError(at: i, reason: p[i] == 10 ? "unterminated label set" : "invalid label name"))
            }
            let nameStart = i
            // Jump to the `=` and check the name's bytes in one branch-free pass: names are
            // short, and a byte loop that exits on the first non-name byte mispredicts on each.
            i = ByteSearch.first(UInt8(ascii: "="), UInt8(ascii: "}"), UInt8(ascii: "\n"), in: p, from: i, to: n)
            var nameEnd = i
            while nameEnd > nameStart, p[nameEnd - 1] == UInt8(ascii: " ") || p[nameEnd - 1] == UInt8(ascii: "\t") { nameEnd -= 1 }
            if let bad = firstNonLabelChar(nameStart, nameEnd) {
                return .failure(LabelError(at: bad, reason: bad == nameEnd ? "expected = after label name" : "invalid character in label name"))
            }
            guard i < n, p[i] == UInt8(ascii: "=") else { return .failure(LabelError(at: nameEnd, reason: "expected = after label name")) }
            let nameRange = nameStart..<nameEnd
            i = skipSpaces(i + 1)
            guard i < n, p[i] == UInt8(ascii: "\"") else { return .failure(LabelError(at: i, reason: "expected \" to open the label value")) }
            let valueStart = i + 1
            var escaped = false
            i = valueStart
            while true {
                i = ByteSearch.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), in: p, from: i, to: n)
                guard i < n, p[i] != UInt8(ascii: "\n") else {
                    return .failure(LabelError(at: valueStart - 1, reason: "unterminated label value"))
                }
                if p[i] == UInt8(ascii: "\"") { break }
                escaped = true
                i += 2
            }
            labels.append(LabelSpan(name: nameRange, value: valueStart..<i, escaped: escaped))
            i = skipSpaces(i + 1)
            guard i < n else { return .failure(LabelError(at: i, reason: "unterminated label set")) }
            if p[i] == UInt8(ascii: ",") {
                i = skipSpaces(i + 1)
            } else if p[i] != UInt8(ascii: "}") {
                return .failure(LabelError(at: i, reason: "expected , or } after a label value"))
            }
        }
    }

    /// The first byte in `start..<end` that can't be in a label name, or nil if none.
    @inline(__always)
    private func firstNonLabelChar(_ start: Int, _ end: Int) -> Int? {
        var all: UInt8 = 0xFF
        var q = p + start
        let stop = p + end
        while q < stop {
            all &= classes.bits(q.pointee)
            q += 1
        }
        if classes.allLabelChars(all) { return nil }
        return (start..<end).first { !classes.isLabelChar(p[$0]) } ?? end
    }

    private func skipSpaces(_ from: Int) -> Int {
        var i = from
        while i < body.count, p[i] == UInt8(ascii: " ") || p[i] == UInt8(ascii: "\t") { i += 1 }
        return i
    }

    private func tokenEnd(_ from: Int) -> Int {
        var i = from
        while i < body.count, !classes.isTokenEnd(p[i]) { i += 1 }
        return i
    }

    private func timestamp(_ start: Int, _ end: Int) -> Int64? {
        let seconds = state.openMetrics || (start..<end).contains { p[$0] == UInt8(ascii: ".") || p[$0] | 0x20 == UInt8(ascii: "e") }
        guard seconds else { return NumberParsing.int64(p, from: start, to: end) }
        guard let s = NumberParsing.double(p, from: start, to: end), s.isFinite, abs(s) < 9e15 else { return nil }
        return Int64((s * 1000).rounded())
    }

    private func text(_ r: Range<Int>) -> String {
        ExpositionText.printable(UnsafeBufferPointer(rebasing: body[r.lowerBound..<min(r.upperBound, r.lowerBound + 40)]))
    }
}
