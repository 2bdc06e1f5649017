import Foundation
import Yams

/// Reads the YAML of one theme or config file, with errors that name the file, the key and
/// what is allowed there.
struct ThemeYAML {
    /// The file's name as the user should see it in errors.
    let file: String

    /// One key of a mapping: its name, its dotted path from the top (`colors.ok`) and its value.
    struct Entry {
        var key: String
        var path: String
        var value: Node
    }

    /// The text of the file at `path`.
    ///
    /// - Throws: when there is no such file, it is a directory, or it can't be read as UTF-8 text.
    static func read(_ path: String) throws(ThemeError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ThemeError(file: path, "no such file")
        }
        if isDirectory.boolValue { throw ThemeError(file: path, "is a directory, not a YAML file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, "cannot read (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ThemeError(file: path, "not UTF-8 text") }
        return text
    }

    /// The document in `text`; nil when it holds nothing but comments.
    ///
    /// - Throws: the syntax error's line and column, as `file: line 3, column 7: problem`.
    func compose(_ text: String) throws(ThemeError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let YamlError.scanner(context, problem, mark, _), let YamlError.parser(context, problem, mark, _),
                let YamlError.composer(context, problem, mark, _) {
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            throw ThemeError(file: file, key: "line \(mark.line), column \(mark.column)",
                             "not valid YAML: \(problem)\(during)")
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw ThemeError(file: file, key: "line \(context.mark.line)",
                             "key \(duplicates.sorted().joined(separator: ", ")) given twice")
        } catch {
            throw ThemeError(file: file, "not valid YAML: \(error)")
        }
    }

    /// The entries of the mapping `node` at `path` (nil at the top), in file order.
    ///
    /// - Throws: when `node` isn't a mapping, or a key isn't one of `allowed`.
    func entries(of node: Node, at path: String?, allowed: [String]) throws(ThemeError) -> [Entry] {
        let allowedText = "allowed: " + allowed.joined(separator: ", ")
        guard let mapping = node.mapping else {
            throw ThemeError(file: file, key: path, "\(Self.describe(node)) is not a mapping (\(allowedText))")
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? Self.describe(keyNode)
            let keyPath = path.map { "\($0).\(key)" } ?? key
            guard allowed.contains(key) else {
                throw ThemeError(file: file, key: keyPath, "unknown key (\(allowedText))")
            }
            entries.append(Entry(key: key, path: keyPath, value: value))
        }
        return entries
    }

    /// The text of the scalar `node` at `path`.
    ///
    /// - Throws: when `node` is empty, a list or a mapping; `expected` says what is allowed.
    func text(_ node: Node, at path: String, expected: String) throws(ThemeError) -> String {
        guard let scalar = node.scalar, node.null == nil else {
            throw ThemeError(file: file, key: path, "\(Self.describe(node)) is not \(expected)")
        }
        return scalar.string
    }

    /// The boolean at `path`: `true` or `false` (or YAML's `yes`, `no`, `on`, `off`), unquoted.
    func bool(_ node: Node, at path: String) throws(ThemeError) -> Bool {
        guard let value = node.bool else {
            throw ThemeError(file: file, key: path, "\(Self.describe(node)) is not a boolean (allowed: true, false)")
        }
        return value
    }

    /// What `node` is, for error messages: its text in quotes, or "a list", "a mapping", "an empty value".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return node.null != nil ? "an empty value" : "\"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
