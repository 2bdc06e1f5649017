import Foundation

/// A `labelSelector` query parameter: comma-separated requirements `key`, `!key`, `key=value`,
/// `key==value` and `key!=value`, all of which must hold. (Set-based `in`/`notin` are not
/// supported: meshtop and kubectl's plain `get` don't send them.)
struct DemoKubeSelector: Sendable, Equatable {
    private enum Requirement: Sendable, Equatable {
        case exists(String), absent(String), equals(String, String), differs(String, String)
    }

    private let requirements: [Requirement]

    /// The selector that selects everything.
    static let everything = DemoKubeSelector(requirements: [])

    private init(requirements: [Requirement]) {
        self.requirements = requirements
    }

    /// Parses a selector; `nil` when a requirement has a form not supported.
    init?(_ text: String) {
        var requirements: [Requirement] = []
        for part in text.split(separator: ",") {
            let term = part.trimmingWhitespace
            if let range = term.range(of: "!=") {
                requirements.append(.differs(term[..<range.lowerBound].trimmingWhitespace, term[range.upperBound...].trimmingWhitespace))
            } else if let range = term.range(of: "==") ?? term.range(of: "=") {
                requirements.append(.equals(term[..<range.lowerBound].trimmingWhitespace, term[range.upperBound...].trimmingWhitespace))
            } else if term.hasPrefix("!") {
                requirements.append(.absent(term.dropFirst().trimmingWhitespace))
            } else if !term.isEmpty, !term.contains(" "), !term.contains("(") {
                requirements.append(.exists(term))
            } else if !term.isEmpty {
                return nil
            }
        }
        self.init(requirements: requirements)
    }

    /// Whether `labels` meet every requirement.
    func matches(_ labels: @autoclosure () -> [String: String]) -> Bool {
        guard !requirements.isEmpty else { return true }
        let labels = labels()
        return requirements.allSatisfy { requirement in
            switch requirement {
            case .exists(let key): labels[key] != nil
            case .absent(let key): labels[key] == nil
            case .equals(let key, let value): labels[key] == value
            case .differs(let key, let value): labels[key] != value
            }
        }
    }
}

private extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
