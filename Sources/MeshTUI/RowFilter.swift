/// The `/` filter: a case-insensitive substring, or after `~` a regular expression.
enum RowFilter {
    case everything
    case substring(String)
    case pattern(Regex<AnyRegexOutput>)
    /// A `~` expression that doesn't compile, and why; it filters nothing out.
    case invalid(String)

    /// The filter `text` asks for.
    init(_ text: String) {
        guard !text.isEmpty else { self = .everything; return }
        guard text.hasPrefix("~") else { self = .substring(text.lowercased()); return }
        do {
            self = .pattern(try Regex(String(text.dropFirst())).ignoresCase())
        } catch {
            self = .invalid("\(error)")
        }
    }

    /// Whether a row described by `text` passes.
    func matches(_ text: String) -> Bool {
        switch self {
        case .everything, .invalid: true
        case .substring(let part): text.lowercased().contains(part)
        case .pattern(let regex): (try? regex.firstMatch(in: text)) != nil
        }
    }
}
