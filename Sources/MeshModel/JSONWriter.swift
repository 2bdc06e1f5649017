/// Writes JSON text with keys in the order they are given, so documents have a stable,
/// documented shape. Strings are escaped completely: quotes, backslashes and every control
/// character (C0, DEL, C1) become escapes, whatever a scraped label held.
public struct JSONWriter {
    /// The text written so far.
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    /// An empty document.
    public init() {}

    public mutating func beginObject() { element(); text += "{"; needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); text += "}" }
    public mutating func beginArray() { element(); text += "["; needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); text += "]" }

    /// Writes `"name":`; the value follows with the next call.
    public mutating func key(_ name: String) {
        element()
        Self.appendQuoted(name, to: &text)
        text += ":"
        needsComma[needsComma.count - 1] = false
    }

    public mutating func string(_ value: String?) {
        element()
        guard let value else { text += "null"; return }
        Self.appendQuoted(value, to: &text)
    }

    /// A number; NaN, infinities and nil are written as `null` ("no data").
    public mutating func number(_ value: Double?) {
        element()
        guard let value, value.isFinite else { text += "null"; return }
        text += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    public mutating func number(_ value: Int) { element(); text += String(value) }
    public mutating func bool(_ value: Bool) { element(); text += value ? "true" : "false" }

    /// `"name": value` pairs in one call each.
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Double?) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    private mutating func element() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    /// `value` as a JSON string literal: every character that could steer a terminal the
    /// document is printed on (C0, DEL, C1, line separators, bidi overrides) as `\uXXXX`.
    public static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where StatTable.isUnsafe(scalar):  // controls, and the bidi overrides a terminal would obey
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
