import ArgumentParser
import Foundation
import MeshModel
import MeshSources

/// `meshtop`: golden metrics of every Linkerd proxy, live or once.
struct Meshtop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop",
        abstract: "A terminal dashboard for the Linkerd service mesh: golden metrics per workload and per edge, scraped straight from every linkerd2-proxy.",
        usage: """
        meshtop [options] [--kubeconfig PATH] [--context NAME] [--ns NS | -A]
          meshtop [options] <target> ...
          meshtop --demo [--topology emojivoto] [--scenario events] [--once [--json]]
          meshtop --once [--json | --format dot|mermaid] [--window 10s] [--ns NS | -A] <target> ...
          meshtop inspect <target> [--json]
          meshtop demo [--topology T] [--scenario S] [--write-targets PATH] [--write-truth PATH] [--kube-api --kubeconfig-out PATH]
          meshtop bench [--bytes N] [--runs N]
        """,
        discussion: """
        Without targets, meshtop finds the meshed pods through the Kubernetes API of your kubeconfig \
        (as kubectl does) and scrapes them through the API server. Targets are proxy admin \
        endpoints (port 4191): URLs (http://, https://, file://), host:port, or saved /metrics files. 'meshtop inspect --help', 'meshtop demo --help' and 'meshtop bench --help' explain the \
        subcommands. Exit codes: 0 all targets scraped, 1 some failed, 2 usage or configuration \
        error, 3 nothing could be scraped.
        """,
        version: "0.1.0")

    @OptionGroup var scrape: ScrapeOptions

    @OptionGroup(title: "Kubernetes (when no targets are named)") var kube: KubeOptions

    @Flag(help: "Run a simulated Linkerd mesh inside meshtop and show it (see --topology, --scenario, --seed).")
    var demo = false

    @OptionGroup(title: "Demo mesh (with --demo)") var demoOptions: DemoOptions

    @OptionGroup(title: "Screen") var screen: ScreenOptions

    @Flag(help: "Scrape, wait the window, scrape again, print the golden metrics and exit.")
    var once = false

    @Flag(help: "With --once: print one JSON document (schema meshtop/v1, see docs/json-schema.md).")
    var json = false

    @Option(help: "With --once: table, json (as --json), dot (the call graph for Graphviz) or mermaid (for Markdown).")
    var format: ReportFormat?

    @Option(help: "Window that rates and latency quantiles are computed over (e.g. 10s, 1m).")
    var window = DurationArgument(milliseconds: 10_000)

    @Option(help: "Time between scrapes in the live view.")
    var interval = DurationArgument(milliseconds: 2_000)

    func validate() throws {
        if json && !once { throw ValidationError("--json needs --once (the live view is a screen).") }
        if format != nil && !once { throw ValidationError("--format needs --once (the live view is a screen).") }
        if json, let format, format != .json { throw ValidationError("--json prints JSON: leave it out with --format \(format.rawValue).") }
        if window.milliseconds < 1000 { throw ValidationError("--window must be at least 1s.") }
        if demo && scrape.namesTargets { throw ValidationError("--demo brings its own targets: leave out targets and --targets-file.") }
        if (demo || scrape.namesTargets) && kube.namesCluster {
            throw ValidationError("--kubeconfig and --context discover pods in a cluster: leave out targets and --demo.")
        }
    }

    func run() throws {
        let runner = demo ? try demoOptions.start(kubePort: once ? nil : 0) : nil  // the live view taps through it
        defer { runner?.shutdown() }
        runner?.followScaling()
        let cluster = runner == nil && !scrape.namesTargets
            ? try KubeSession(kube, namespace: scrape.namespace, allNamespaces: scrape.allNamespaces, limits: scrape.limits)
            : nil
        defer { cluster?.stop() }
        let fixed = runner == nil && cluster == nil ? try scrape.resolveTargets() : []
        let discover: Discover = { cluster?.plan() ?? ScrapePlan(targets: runner?.targets ?? fixed) }
        let source = runner.map { _ in "demo:\(demoOptions.topology)" } ?? cluster?.description ?? scrape.sourceDescription
        let fetcher = HTTPFetcher(limits: scrape.limits)
        let demoClient = once ? nil : try? runner?.kubeClient()  // the Tap page's, through the demo's API server
        if once {
            throw OnceReport(discover: discover, fetcher: fetcher, window: window.milliseconds, source: source).run(format ?? (json ? .json : .table)).code
        }
        throw try LiveView(discover: discover, cluster: cluster, fetcher: fetcher, window: window.milliseconds,
                           interval: interval.milliseconds, source: source,
                           namespace: cluster?.current.namespaces.namespace ?? scrape.namespace,
                           screen: screen, tapClient: { cluster?.tapClient ?? demoClient }).run().code
    }
}
