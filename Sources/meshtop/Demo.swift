import ArgumentParser
import Foundation
import MeshDemoKube
import MeshModel
import MeshTUI

/// `meshtop demo`: a simulated Linkerd mesh on 127.0.0.1, in the foreground until interrupted.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop demo",
        abstract: "Run a simulated Linkerd mesh on 127.0.0.1 until interrupted.",
        discussion: """
        Every simulated pod's proxy is an HTTP server on its own ephemeral port answering /metrics \
        (gzip when asked), /env.json, /ready and /live as linkerd2-proxy's admin server does. Point \
        meshtop at it with the file --write-targets writes: meshtop --targets-file PATH. With \
        --kube-api it also serves, over HTTPS, the part of the Kubernetes API meshtop uses (pods, \
        their watches, namespaces, the pod proxy to each simulated proxy) and writes a kubeconfig for \
        it: meshtop --kubeconfig PATH, or kubectl --kubeconfig PATH get pods -A.
        """)

    @OptionGroup var options: DemoOptions

    @Option(help: ArgumentHelp("Write a Prometheus file_sd file (JSON) naming every proxy and its identity.", valueName: "path"))
    var writeTargets: String?

    @Option(help: ArgumentHelp("Write the golden metrics the steady scenario should show, in meshtop's JSON schema.", valueName: "path"))
    var writeTruth: String?

    @Option(help: "The window the truth is for.")
    var window = DurationArgument(milliseconds: 10_000)

    @Flag(help: "Also serve the Kubernetes API over HTTPS on 127.0.0.1 and write a kubeconfig for it.")
    var kubeAPI = false

    @Option(help: ArgumentHelp("Where --kube-api writes its kubeconfig (default: a new temporary directory); "
        + "its CA, token file and exec plugins go next to it.", valueName: "path"))
    var kubeconfigOut: String?

    @Option(help: ArgumentHelp("The port of --kube-api (0: any free one).", valueName: "port"))
    var kubePort: Int?

    func validate() throws {
        if !kubeAPI, kubeconfigOut != nil || kubePort != nil {
            throw ValidationError("--kubeconfig-out and --kube-port need --kube-api")
        }
        if let kubePort, !(0...65535).contains(kubePort) { throw ValidationError("--kube-port must be 0…65535") }
    }

    func run() throws {
        TerminalSignals.install()
        let runner = try options.start(kubePort: kubeAPI ? kubePort ?? 0 : nil)
        defer { runner.shutdown() }
        if let writeTargets { try write(runner.targetsFile(), to: writeTargets) }
        if let writeTruth {
            try write(SnapshotJSON.encode(runner.mesh.truth(windowSeconds: window.seconds), source: "demo-truth") + "\n", to: writeTruth)
        }
        if let kubeAPI = runner.kubeAPI { try announce(kubeAPI, kubeconfig: try kubeconfigOut ?? temporaryKubeconfig()) }
        runner.followScaling()
        Console.error("demo: serving \(runner.targets.count) proxies of \(options.topology) (\(options.scenario)) on 127.0.0.1; Ctrl-C stops")
        while TerminalSignals.pending == nil { Thread.sleep(forTimeInterval: 0.1) }
    }

    /// Writes the kubeconfig (the server already listens) and says how to use it.
    private func announce(_ kubeAPI: DemoKubeAPI, kubeconfig: String) throws {
        let files: DemoKubeconfigFiles
        do { files = try kubeAPI.writeKubeconfig(to: kubeconfig) } catch {
            throw UsageError("demo: \(error)")
        }
        let path = Self.shellQuoted(files.kubeconfig)
        Console.error("demo: Kubernetes API at \(kubeAPI.url)")
        Console.error("demo: kubeconfig \(files.kubeconfig) (contexts: "
            + DemoKubeconfig.contexts.map { $0.key }.joined(separator: ", ") + ")")
        Console.error("demo: next: meshtop --kubeconfig \(path)")
        Console.error("demo:   or: kubectl --kubeconfig \(path) get pods -A")
    }

    /// `kubeconfig` in a new directory under the system's temporary directory.
    private func temporaryKubeconfig() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-demo-\(UUID().uuidString.prefix(8))")
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw UsageError("demo: cannot create \(directory.path): \(error.localizedDescription)")
        }
        return directory.appendingPathComponent("kubeconfig").path
    }

    /// `text` as one shell word: as is when it is plain, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@%,".contains($0)) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    private func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw UsageError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Which simulated mesh to run.
struct DemoOptions: ParsableArguments {
    @Option(help: "emojivoto, booksapp, or synthetic:N (N pods, up to 2000).")
    var topology = "emojivoto"

    @Option(help: "steady (rates fixed) or events (a bad deploy, a latency spike, a restart, scaling, an idle series).")
    var scenario = "events"

    @Option(help: "Seed of the simulation: the same seed gives the same mesh and traffic.")
    var seed: UInt64 = 1

    @Option(help: "Start this far into the scenario (the events scenario scales up at 2m30s and down at 4m).")
    var startAt = DurationArgument(milliseconds: 0)

    /// Starts the mesh; with a `kubePort` (0 for any free one), the Kubernetes API server too.
    func start(kubePort: Int? = nil) throws -> DemoMeshRunner {
        do { return try DemoMeshRunner(topology: topology, scenario: scenario, seed: seed, startSeconds: startAt.seconds,
                                      kubePort: kubePort) } catch {
            throw UsageError("demo: \(error)")
        }
    }
}
