import ArgumentParser
import Foundation
import MeshKube
import MeshModel
import MeshSources
import MeshTap
import MeshTUI

/// What `meshtop tap` and `meshtop top` share: the resource, the filters, the limits, and
/// where the tap API is (the kubeconfig's cluster, or the built-in demo's).
struct TapOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("What to tap, as linkerd viz tap names it: deploy/web, po/web-7d9c-x2kq9, ns/emojivoto, svc/web…",
                                 valueName: "resource"))
    var resource: String

    @Option(name: [.customShort("n"), .customLong("namespace"), .customLong("ns")],
            help: ArgumentHelp("The resource's namespace (default: the context's, else default).", valueName: "ns"))
    var namespace: String?

    @Option(help: ArgumentHelp("At most this many requests a second, split among the pods (linkerd's default).", valueName: "n"))
    var maxRps: Float = TapRequest.defaultMaxRPS

    @Option(help: ArgumentHelp("Only requests with this HTTP method.", valueName: "method"))
    var method: String?

    @Option(help: ArgumentHelp("Only requests whose path starts with this.", valueName: "prefix"))
    var path: String?

    @Option(help: ArgumentHelp("Only requests to this authority (host:port).", valueName: "authority"))
    var authority: String?

    @Option(help: ArgumentHelp("Only requests to this resource (deploy/emoji…).", valueName: "resource"))
    var to: String?

    @OptionGroup(title: "Kubernetes") var kube: KubeOptions

    @Flag(help: "Tap the built-in demo mesh (its own Kubernetes API server, started for the run) instead of a cluster.")
    var demo = false

    @OptionGroup(title: "Demo mesh (with --demo)") var demoOptions: DemoOptions

    /// The tap request the options describe, in `defaultNamespace` when none is given.
    func request(defaultNamespace: String) throws -> TapRequest {
        let ns = namespace ?? defaultNamespace
        do {
            let target = try TapResource(parsing: resource, namespace: ns)
            let destination = try to.map { try TapResource(parsing: $0, namespace: ns, role: .destination) }
            let filter = TapFilter(method: method, authority: authority, pathPrefix: path, destination: destination)
            return TapRequest(target: target, filter: filter, maxRPS: maxRps)
        } catch {
            throw UsageError("\(error)")
        }
    }

    /// The cluster to tap, the demo (with `runner`, to shut down after) when asked.
    func connect() throws -> (client: KubeClient, namespace: String, runner: DemoMeshRunner?) {
        if demo && kube.namesCluster { throw UsageError("--demo taps the built-in demo: leave out --kubeconfig and --context") }
        if demo {
            let runner = try demoOptions.start(kubePort: 0)
            do { return (try runner.kubeClient(), runner.mesh.topology.workloads.first?.ref.namespace ?? "default", runner) } catch {
                runner.shutdown()
                throw error
            }
        }
        let chosen: (selection: KubeconfigSelection, namespaces: NamespaceSelection, config: Kubeconfig?)
        do {
            chosen = try KubeconfigOptions(kubeconfig: kube.kubeconfig, context: kube.context, namespace: namespace, allNamespaces: false)
                .resolve(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UsageError("\(error.message); or try --demo")
        }
        return (KubeClient(selection: chosen.selection), chosen.namespaces.namespace ?? "default", nil)
    }
}

extension DemoMeshRunner {
    /// A client of the demo's own API server (started with a `kubePort`), through a kubeconfig
    /// written to a new temporary directory, as the user `meshtop-demo`.
    func kubeClient() throws -> KubeClient {
        guard let kubeAPI else { throw UsageError("demo: the Kubernetes API server was not started") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-demo-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = try kubeAPI.writeKubeconfig(to: directory.appendingPathComponent("kubeconfig").path).kubeconfig
            let chosen = try KubeconfigOptions(kubeconfig: path, context: nil, namespace: nil, allNamespaces: false)
                .resolve(environment: [:])
            return KubeClient(selection: chosen.selection)
        } catch {
            throw UsageError("demo: \(error)")
        }
    }
}

/// How long a tap runs: a duration, a number of requests, or until interrupted.
struct TapLimit {
    var deadline: ContinuousClock.Instant?
    var maxRequests: Int?
    var seen = 0

    var reached: Bool {
        (maxRequests.map { seen >= $0 } ?? false) || (deadline.map { ContinuousClock.now >= $0 } ?? false)
    }
}

/// `meshtop tap RESOURCE`: one line per request the tap sees, as text like `linkerd viz tap`
/// or NDJSON, until interrupted, `--duration` is up or `--max` requests are printed.
struct TapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop tap",
        abstract: "Stream the requests Linkerd's tap API sees for a resource, one line per request.",
        discussion: """
        Taps through the Kubernetes API server with your kubeconfig (RBAC: watch on tap.linkerd.io), as \
        linkerd viz tap does; --demo taps the built-in demo mesh. Tap samples: at most --max-rps requests \
        a second. Exit codes: 0 done, 2 usage or configuration error, 3 the tap was refused or could not start.
        """)

    @OptionGroup var tap: TapOptions

    @Flag(help: "One JSON object per request (NDJSON), with linkerd viz tap -o json's fields.")
    var json = false

    @Flag(help: "Each event on its own line (req, rsp, end), exactly as linkerd viz tap prints them.")
    var events = false

    @Option(help: "Stop after this long (e.g. 30s).")
    var duration: DurationArgument?

    @Option(help: ArgumentHelp("Stop after this many requests.", valueName: "n"))
    var max: Int?

    func validate() throws {
        if let max, max < 1 { throw ValidationError("--max must be at least 1") }
    }

    func run() throws {
        TerminalSignals.install()
        let (client, namespace, runner) = try tap.connect()
        defer { runner?.shutdown() }
        let request = try tap.request(defaultNamespace: namespace)
        var limit = TapLimit(deadline: duration.map { .now + .milliseconds($0.milliseconds) }, maxRequests: max)
        var pairing = TapPairing()
        let clock = ContinuousClock.now
        try TapRun(client: client, request: request).run(until: { limit.reached }) { update in
            switch update {
            case .notice(let text): Console.error("tap: \(text)")
            case .event(let event):
                if events { Console.out((json ? TapJSON.line(event) : TapText.line(event)) + "\n") }
                let ms = (ContinuousClock.now - clock).milliseconds
                guard let done = pairing.add(event, atMs: ms), !limit.reached else { return }
                limit.seen += 1
                if !events { Console.out((json ? TapJSON.line(done) : TapText.line(done)) + "\n") }
            }
        }
    }
}

/// `meshtop top RESOURCE --once --json --duration 10s`: the requests tap sees over the
/// duration, grouped by source, destination, method and path as `linkerd viz top` does.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop top",
        abstract: "Tap a resource for a while and print its requests grouped by source, destination, method and path.",
        discussion: """
        Rows: count, success rate, best, worst and last latency, p95, busiest first. Tap samples \
        (at most --max-rps requests a second), so counts are of the sample. Exit codes as meshtop tap.
        """)

    @OptionGroup var tap: TapOptions

    @Flag(help: "Tap for --duration, print the aggregation and exit (the only mode for now).")
    var once = false

    @Flag(help: "One JSON document instead of a table.")
    var json = false

    @Option(help: "How long to tap.")
    var duration = DurationArgument(milliseconds: 10_000)

    @Flag(help: "Name sources and destinations by pod (as linkerd viz top) rather than by workload.")
    var pods = false

    func run() throws {
        TerminalSignals.install()
        let (client, namespace, runner) = try tap.connect()
        defer { runner?.shutdown() }
        let request = try tap.request(defaultNamespace: namespace)
        let start = ContinuousClock.now, deadline = start + .milliseconds(duration.milliseconds)
        var pairing = TapPairing()
        var top = TapTop(windowMs: duration.milliseconds, naming: pods ? .pod : .workload)
        try TapRun(client: client, request: request).run(until: { ContinuousClock.now >= deadline }) { update in
            switch update {
            case .notice(let text): Console.error("tap: \(text)")
            case .event(let event):
                if let done = pairing.add(event, atMs: (ContinuousClock.now - start).milliseconds) { top.record(done) }
            }
        }
        let rows = top.rows(.sinceStart, atMs: (ContinuousClock.now - start).milliseconds).sorted(by: .count, descending: true)
        Console.out(json ? TapTopReport.json(rows, request: request, seconds: duration.seconds, top: top, pairing: pairing.counts)
                         : TapTopReport.table(rows))
    }
}

/// A tap run from the command line: the stream, stopped by a limit or a signal; a refusal
/// exits 3 with the problem's words.
struct TapRun {
    let client: KubeClient
    let request: TapRequest

    func run(until done: () -> Bool, _ deliver: (KubeTap.Update) -> Void) throws {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 1))
        do {
            try KubeTap(client: client, request: request).run(fetcher: fetcher, stopped: { done() || TerminalSignals.pending != nil },
                                                             deliver: deliver)
        } catch {
            Console.error("tap \(request.target): \(error)")
            throw MeshtopExit.nothingScraped.code
        }
        if let signal = TerminalSignals.pending, signal != SIGINT { throw ExitCode(128 + signal) }
    }
}
