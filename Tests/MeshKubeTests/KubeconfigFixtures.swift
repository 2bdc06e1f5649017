import Foundation
import MeshKube

/// Where the kubeconfig fixture files are, and files kept in memory for tests of one message.
enum KubeconfigFixtures {
    /// The `Fixtures/kubeconfig` folder.
    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("kubeconfig").path

    /// The fixture file at `name` under ``directory``.
    static func path(_ name: String) -> String { directory + "/" + name }

    /// Files read from `texts`, by path; any other path is missing.
    static func memory(_ texts: [String: String]) -> KubeconfigFiles {
        KubeconfigFiles { path in texts[path].map { Data($0.utf8) } }
    }

    /// The single file `/k` holding `text`, parsed and selected by `context`.
    static func select(_ text: String, context: String? = nil) throws -> KubeconfigSelection {
        try KubeconfigParser.parse(text: text, file: "/k").select(context: context)
    }

    /// The message of the error `body` throws, or `nil` when it throws none.
    static func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
