import Foundation
import Yams

/// A YAML node of one kubeconfig file together with where it sits (`users[2].user.token`), so
/// that every type error names the file and the field.
struct KubeconfigNode {
    /// The file, as given; prefixes every message.
    let file: String
    /// The field's path from the document's root, `""` for the root itself.
    let path: String
    let node: Node

    /// Parses `text`; `nil` for an empty document (or one holding only comments).
    static func parse(_ text: String, file: String) throws(KubeconfigError) -> KubeconfigNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw KubeconfigError("\(file): \(syntaxMessage(error))")
        } catch {
            throw KubeconfigError("\(file): not valid YAML: \(error)")
        }
        return root.map { KubeconfigNode(file: file, path: "", node: $0) }
    }

    /// `line 3, column 7: not valid YAML: …` for a Yams syntax error.
    private static func syntaxMessage(_ error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _),
             let .composer(_, problem, mark, _):
            return "line \(mark.line), column \(mark.column): not valid YAML: \(problem)"
        case let .duplicatedKeysInMapping(duplicates, context):
            return "line \(context.mark.line): duplicate key \(duplicates.sorted().joined(separator: ", "))"
        default:
            return "not valid YAML: \(error)"
        }
    }

    /// An error about this field: `file: path: problem`.
    func error(_ problem: String) -> KubeconfigError {
        KubeconfigError(path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)")
    }

    /// The value under `key` in this mapping; `nil` when the key is absent or its value is null.
    func field(_ key: String) throws(KubeconfigError) -> KubeconfigNode? {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping, found \(kindName)")
        }
        guard let value = mapping[key], value.null == nil else { return nil }
        return KubeconfigNode(file: file, path: path.isEmpty ? key : "\(path).\(key)", node: value)
    }

    /// The items of this list, each with its index in its path (`clusters[0]`).
    func list() throws(KubeconfigError) -> [KubeconfigNode] {
        guard case .sequence(let sequence) = node else {
            throw error("expected a list, found \(kindName)")
        }
        return sequence.enumerated().map { KubeconfigNode(file: file, path: "\(path)[\($0.offset)]", node: $0.element) }
    }

    /// This scalar as text.
    func string() throws(KubeconfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected a string, found \(kindName)")
        }
        return scalar.string
    }

    /// This scalar as `true` or `false`.
    func bool() throws(KubeconfigError) -> Bool {
        guard let value = node.bool else { throw error("expected true or false") }
        return value
    }

    /// This scalar decoded from base64, as the `*-data` fields are; line breaks are allowed.
    func base64() throws(KubeconfigError) -> Data {
        let text = try string().filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: text) else { throw error("not valid base64") }
        return data
    }

    /// What kind of node this is, for error messages.
    private var kindName: String {
        switch node {
        case .scalar: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

extension KubeconfigNode {
    /// The string under `key`, or `nil` when there is none.
    func string(_ key: String) throws(KubeconfigError) -> String? {
        try field(key)?.string()
    }

    /// The boolean under `key`, `false` when there is none.
    func bool(_ key: String) throws(KubeconfigError) -> Bool {
        try field(key)?.bool() ?? false
    }

    /// The base64 bytes under `key`, or `nil` when there are none.
    func base64(_ key: String) throws(KubeconfigError) -> Data? {
        try field(key)?.base64()
    }
}
