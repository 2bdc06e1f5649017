import MeshModel
import MeshSources

/// The live view: scrapes every `interval` and redraws. (The full dashboard comes with MeshTUI.)
struct LiveView {
    var targets: [ScrapeTarget]
    var fetcher: HTTPFetcher
    var window: Int64
    var interval: Int64
    var source: String

    func run() throws -> MeshtopExit {
        throw UsageError("the live dashboard is not built yet: use --once.")
    }
}
