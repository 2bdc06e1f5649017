import MeshModel

/// Why a filter line typed after `/` in the Tap or Top view can't be applied: each message
/// names the word at fault (escaped) and what would work.
public struct TapFilterError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension TapViewFilter {
    /// The filter a line spells: words separated by blanks, each a condition, all of which
    /// must hold. `method=POST path=/api status=5xx latency>100ms ns=emojivoto web`:
    ///
    /// - `method=M`, `path=/PREFIX`, `ns=NS` (or `namespace=`), `workload=W` (or a bare word)
    /// - `status=` one of `2xx`, `3xx`, `4xx`, `5xx`, `grpc-error`, `reset`
    /// - `latency>D` (or `>=`), `D` a duration like `100ms`, `1s`, `1m`
    ///
    /// An empty line is no filter. Each condition may appear once.
    public init(parsing line: String) throws(TapFilterError) {
        self.init()
        var seen: Set<String> = []
        for word in line.split(whereSeparator: \.isWhitespace).map(String.init) {
            let (key, value) = try Self.split(word)
            guard seen.insert(key).inserted else {
                throw TapFilterError("\(key) is given twice: a filter has one \(key) (\(Self.shown(word)))")
            }
            try set(key, value, word: word)
        }
    }

    /// The line that parses back to this filter, conditions in a fixed order; empty for none.
    public var line: String {
        var words: [String] = []
        if let method { words.append("method=\(method)") }
        if let pathPrefix { words.append("path=\(pathPrefix)") }
        if let status { words.append("status=\(status.rawValue)") }
        if let minLatencyMs { words.append("latency>=\(DashboardContext.duration(minLatencyMs))") }
        if let namespace { words.append("ns=\(namespace)") }
        if let workload { words.append(workload) }
        return words.joined(separator: " ")
    }

    private static let keys = ["method", "path", "status", "latency", "ns", "namespace", "workload"]
    private static let hint = "use method=, path=, status=, latency>, ns= or a workload name"

    /// A word as (condition, value): `latency>=` keeps its operator in the key.
    private static func split(_ word: String) throws(TapFilterError) -> (key: String, value: String) {
        guard let cut = word.firstIndex(where: { $0 == "=" || $0 == ">" || $0 == "<" }) else {
            return ("workload", word)
        }
        let name = String(word[..<cut]).lowercased()
        var rest = word[cut...]
        var op = String(rest.removeFirst())
        if op != "=", rest.first == "=" { op += String(rest.removeFirst()) }
        guard keys.contains(name) else {
            throw TapFilterError("unknown condition \(shown(name.isEmpty ? word : name)): \(hint)")
        }
        let key = name == "namespace" ? "ns" : name
        if key == "latency" {
            guard op == ">" || op == ">=" else {
                throw TapFilterError("\(shown(word)): latency takes > or >=, as in latency>100ms")
            }
        } else if op != "=" {
            throw TapFilterError("\(shown(word)): \(key) takes =, as in \(key)=\(example(key))")
        }
        guard !rest.isEmpty else {
            throw TapFilterError("\(shown(word)) needs a value, as in \(key)\(op)\(example(key))")
        }
        return (key, String(rest))
    }

    private mutating func set(_ key: String, _ value: String, word: String) throws(TapFilterError) {
        switch key {
        case "method": method = value.uppercased()
        case "path":
            guard value.hasPrefix("/") else {
                throw TapFilterError("\(Self.shown(word)): a path starts with /, as in path=/api")
            }
            pathPrefix = value
        case "status":
            guard let status = StatusClass(rawValue: value.lowercased()) else {
                throw TapFilterError("\(Self.shown(word)): status is one of "
                                     + StatusClass.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.status = status
        case "latency":
            guard let ms = DashboardContext.parseDuration(value) else {
                throw TapFilterError("\(Self.shown(word)): \(Self.shown(value)) is not a duration (100ms, 1s, 1m)")
            }
            minLatencyMs = ms
        case "ns": namespace = value
        default: workload = value
        }
    }

    private static func example(_ key: String) -> String {
        switch key {
        case "method": "POST"
        case "path": "/api"
        case "status": "5xx"
        case "latency": "100ms"
        case "ns": "emojivoto"
        default: "web"
        }
    }

    /// Typed text, safe to show.
    private static func shown(_ text: String) -> String {
        StatTable.display(text)
    }
}
