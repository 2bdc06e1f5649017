import Foundation
import Yams

/// A parsed targets file reduced to what file_sd needs, whether it was written as JSON or YAML.
indirect enum TargetsFileTree {
    /// A string (any YAML scalar that isn't null).
    case string(String)
    /// A list.
    case list([TargetsFileTree])
    /// A mapping with string keys, in file order.
    case map([(key: String, value: TargetsFileTree)])
    /// `null`, `~` or an empty YAML value.
    case null
    /// A JSON number or boolean, or anything else file_sd doesn't use; carries a description.
    case other(String)

    /// What kind of value this is, for error messages.
    var kindName: String {
        switch self {
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "a mapping"
        case .null: return "null"
        case .other(let what): return what
        }
    }

    /// Parses `text` as JSON when it looks like JSON and is valid JSON, else as YAML.
    /// Empty text (or a document holding only comments) is `.null`.
    ///
    /// - Throws: a message (without the file name) describing the syntax error.
    static func parse(_ text: String) throws(TargetError) -> TargetsFileTree {
        let start = text.first { !$0.isWhitespace }
        if start == "[" || start == "{",
           let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            return fromJSON(json)
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .null }
            return fromYAML(node)
        } catch let error as YamlError {
            throw TargetError(yamlMessage(error))
        } catch {
            throw TargetError("not valid YAML or JSON: \(error)")
        }
    }

    /// A short message for a Yams syntax error: `line 3, column 7: not valid YAML or JSON: …`.
    private static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return "line \(mark.line), column \(mark.column): not valid YAML or JSON: \(problem)\(while_)"
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return "duplicate key \(keys) in the mapping at line \(context.mark.line)"
        default:
            return "not valid YAML or JSON: \(error)"
        }
    }

    /// Converts a composed YAML node. Quoted scalars are always strings; plain `null`, `~` and empty
    /// ones are `.null`.
    static func fromYAML(_ node: Node) -> TargetsFileTree {
        switch node {
        case .scalar(let scalar):
            return node.null != nil ? .null : .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(fromYAML))
        case .mapping(let mapping):
            return .map(mapping.map { pair in
                let key = pair.key.scalar?.string ?? "\(pair.key)"
                return (key, fromYAML(pair.value))
            })
        case .alias:
            return .other("an alias")
        }
    }

    /// Converts a `JSONSerialization` result. Numbers and booleans are `.other`.
    static func fromJSON(_ value: Any) -> TargetsFileTree {
        switch value {
        case let string as String:
            return .string(string)
        case let array as [Any]:
            return .list(array.map(fromJSON))
        case let object as [String: Any]:
            // JSONSerialization loses key order; sort for stable error messages.
            return .map(object.keys.sorted().map { ($0, fromJSON(object[$0]!)) })
        case is NSNull:
            return .null
        case is NSNumber:
            return .other("a number or boolean")
        default:
            return .other("\(type(of: value))")
        }
    }
}
