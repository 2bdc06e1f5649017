import ArgumentParser
import Foundation
import MeshModel
import MeshSources

/// Where the proxies are and how to scrape them: options shared by every command that scrapes.
struct ScrapeOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Proxy metrics endpoints: URL, host:port or a saved /metrics file.", valueName: "target"))
    var targets: [String] = []

    @Option(name: .customLong("target"), help: ArgumentHelp("A proxy metrics endpoint (repeatable).", valueName: "url"))
    var targetOptions: [String] = []

    @Option(help: ArgumentHelp("Prometheus file_sd file (JSON or YAML) listing targets and their labels.", valueName: "path"))
    var targetsFile: String?

    @Option(name: [.customLong("ns"), .customShort("n"), .customLong("namespace")],
            help: "Only proxies in this namespace.")
    var namespace: String?

    @Flag(name: [.customShort("A"), .customLong("all-namespaces")], help: "Proxies in every namespace (the default for static targets).")
    var allNamespaces = false

    @Option(help: "Give up on one target's scrape after this long.")
    var timeout = DurationArgument(milliseconds: 5_000)

    @Option(help: "Give up connecting to one target after this long.")
    var connectTimeout = DurationArgument(milliseconds: 2_000)

    @Option(help: "Targets scraped at once.")
    var concurrency = 64

    @Option(help: ArgumentHelp("Largest /metrics body accepted, in bytes (after gzip).", valueName: "bytes"))
    var maxBodyBytes = 64 << 20

    func validate() throws {
        if namespace != nil && allNamespaces { throw ValidationError("Use either --ns NAME or -A, not both.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }

    /// Whether the command line names any target.
    var namesTargets: Bool { !targets.isEmpty || !targetOptions.isEmpty || targetsFile != nil }

    var limits: FetchLimits {
        FetchLimits(maxConcurrent: concurrency, connectTimeoutMs: Int(connectTimeout.milliseconds),
                    totalTimeoutMs: Int(timeout.milliseconds), maxBodyBytes: maxBodyBytes)
    }

    /// What the header and JSON `source` say the targets are.
    var sourceDescription: String { targetsFile.map { "file_sd:\($0)" } ?? "targets" }

    /// Every target named on the command line or in the targets file, with its identity,
    /// narrowed to the chosen namespace.
    func resolveTargets() throws -> [ScrapeTarget] {
        var specs: [TargetSpec] = []
        for argument in targets + targetOptions {
            do { specs.append(try TargetArgument.spec(for: argument)) } catch { throw UsageError("\(error)") }
        }
        if let targetsFile {
            do { specs += try TargetsFile.load(path: targetsFile) } catch { throw UsageError("\(error)") }
        }
        guard !specs.isEmpty else {
            throw UsageError("no targets: name proxy endpoints (http://10.0.0.7:4191/metrics, host:4191, a saved file) or --targets-file PATH.")
        }
        var seen = Set<String>()
        specs = specs.filter { seen.insert($0.url).inserted }
        let resolved = TargetResolver.resolve(specs, fetcher: HTTPFetcher(limits: limits))
        guard let namespace else { return resolved }
        let selected = resolved.filter { $0.workload.namespace == namespace }
        guard !selected.isEmpty else {
            let known = Set(resolved.map { $0.workload.namespace.isEmpty ? "(none)" : $0.workload.namespace }).sorted()
            throw UsageError("no targets in namespace \"\(namespace)\"; the targets are in: \(known.joined(separator: ", ")).")
        }
        return selected
    }
}
