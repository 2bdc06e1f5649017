import Foundation

/// A target meshtop can't use, with the reason: a command-line argument it can't read, or a
/// problem in a targets file, naming the file and the entry (`targets.yaml: entry 2: …`).
public struct TargetError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The whole message.
    public var message: String

    /// Creates an error with this message.
    public init(_ message: String) { self.message = message }

    /// The whole message.
    public var description: String { message }
    /// Same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { message }
}

/// Prometheus `file_sd` targets files, in JSON or YAML:
///
/// ```yaml
/// - targets: ["10.42.0.7:4191", "10.42.0.8:4191"]
///   labels: {namespace: emojivoto, deployment: web, pod: web-7d9c8b5f4-x2kq9}
/// ```
///
/// Each target becomes `<__scheme__>://<host:port><__metrics_path__>?<__param_*>`, by default
/// `http://host:port/metrics`, as Prometheus builds it; a target that already is an `http(s)://` or
/// `file://` URL is kept as is. Entries and targets are numbered from 1 in error messages.
public enum TargetsFile {
    /// Parses a targets file's text. `fileName` only prefixes error messages.
    ///
    /// - Throws: ``TargetError``.
    public static func parse(text: String, fileName: String) throws -> [TargetSpec] {
        let tree: TargetsFileTree
        do throws(TargetError) {
            tree = try TargetsFileTree.parse(text)
        } catch {
            throw TargetError("\(fileName): \(error.message)")
        }
        let entries: [TargetsFileTree]
        switch tree {
        case .null: return []
        case .list(let list): entries = list
        default:
            throw TargetError("\(fileName): expected a list of {\"targets\": [...], \"labels\": {...}} "
                + "entries, found \(tree.kindName)")
        }
        var specs: [TargetSpec] = []
        for (offset, entry) in entries.enumerated() {
            do throws(TargetError) {
                specs += try parseEntry(entry)
            } catch {
                throw TargetError("\(fileName): entry \(offset + 1): \(error.message)")
            }
        }
        return specs
    }

    /// Reads and parses the targets file at `path`; errors name `path` as given.
    ///
    /// - Throws: ``TargetError``.
    public static func load(path: String) throws -> [TargetSpec] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TargetError("\(path): no such file")
        }
        if isDirectory.boolValue { throw TargetError("\(path): is a directory, not a targets file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TargetError("\(path): cannot read (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TargetError("\(path): not UTF-8 text")
        }
        return try parse(text: text, fileName: path)
    }

    /// One `{"targets": […], "labels": {…}}` entry. Errors carry no file or entry prefix.
    static func parseEntry(_ entry: TargetsFileTree) throws(TargetError) -> [TargetSpec] {
        guard case .map(let fields) = entry else {
            throw TargetError("expected a mapping with \"targets\" and \"labels\", found \(entry.kindName)")
        }
        var targets: [String]?
        var labels: [String: String] = [:]
        for (key, value) in fields {
            switch key {
            case "targets": targets = try parseTargets(value)
            case "labels": labels = try parseLabels(value)
            default: throw TargetError("unknown field \"\(key)\" (expected \"targets\" and \"labels\")")
            }
        }
        guard let targets else { throw TargetError("missing \"targets\"") }

        var plain: [String: String] = [:]
        var params: [(String, String)] = []
        for (name, value) in labels {
            if name.hasPrefix("__param_") {
                params.append((String(name.dropFirst("__param_".count)), value))
            } else if !name.hasPrefix("__") {
                plain[name] = value
            }
        }
        let scheme = (labels["__scheme__"] ?? "http").lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw TargetError("\"__scheme__\" must be \"http\" or \"https\", not \"\(scheme)\"")
        }
        var path = labels["__metrics_path__"] ?? "/metrics"
        if !path.hasPrefix("/") { path = "/" + path }
        let query = params.sorted { $0.0 < $1.0 }.map { "\(queryEscape($0.0))=\(queryEscape($0.1))" }
        let suffix = path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))

        var specs: [TargetSpec] = []
        for (offset, target) in targets.enumerated() {
            let url: String
            do throws(TargetError) {
                url = try targetURL(target, scheme: scheme, suffix: suffix)
            } catch {
                throw TargetError("target \(offset + 1): \(error.message)")
            }
            specs.append(TargetSpec(url: url, labels: plain))
        }
        return specs
    }

    /// `"targets"`: a list of strings; `null` counts as an empty list.
    private static func parseTargets(_ value: TargetsFileTree) throws(TargetError) -> [String] {
        let message = "\"targets\" must be a list of \"host:port\" strings"
        switch value {
        case .null: return []
        case .list(let items):
            return try items.map { item throws(TargetError) in
                guard case .string(let target) = item else { throw TargetError(message) }
                return target
            }
        default: throw TargetError(message)
        }
    }

    /// `"labels"`: a mapping of valid label names to strings; `null` counts as empty, as do null values.
    private static func parseLabels(_ value: TargetsFileTree) throws(TargetError) -> [String: String] {
        let message = "\"labels\" must be a mapping of label names to strings"
        switch value {
        case .null: return [:]
        case .map(let pairs):
            var labels: [String: String] = [:]
            for (name, value) in pairs {
                guard isLabelName(name) else {
                    throw TargetError("invalid label name \"\(name)\" (use letters, digits and _, "
                        + "not starting with a digit)")
                }
                switch value {
                case .string(let text): labels[name] = text
                case .null: labels[name] = ""
                default: throw TargetError("label \"\(name)\" must be a string, not \(value.kindName)")
                }
            }
            return labels
        default: throw TargetError(message)
        }
    }

    /// The URL for one target.
    private static func targetURL(_ target: String, scheme: String, suffix: String) throws(TargetError)
        -> String {
        if let separator = target.range(of: "://") {
            let given = target[..<separator.lowerBound].lowercased()
            guard ["http", "https", "file"].contains(given) else {
                throw TargetError("unsupported scheme in \"\(target)\" (use http, https or file)")
            }
            return target
        }
        let invalid = target.isEmpty || target.contains { $0.isWhitespace || "/?#@".contains($0) }
        guard !invalid else { throw TargetError("\"\(target)\" is not \"host:port\" or a URL") }
        return "\(scheme)://\(target)\(suffix)"
    }

    /// Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0)) }
    }

    /// Percent-encodes a query name or value.
    private static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+;")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
