import ArgumentParser
import Foundation
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
        meshtop at it with the file --write-targets writes: meshtop --targets-file PATH.
        """)

    @OptionGroup var options: DemoOptions

    @Option(help: ArgumentHelp("Write a Prometheus file_sd file (JSON) naming every proxy and its identity.", valueName: "path"))
    var writeTargets: String?

    @Option(help: ArgumentHelp("Write the golden metrics the steady scenario should show, in meshtop's JSON schema.", valueName: "path"))
    var writeTruth: String?

    @Option(help: "The window the truth is for.")
    var window = DurationArgument(milliseconds: 10_000)

    func run() throws {
        TerminalSignals.install()
        let runner = try options.start()
        defer { runner.shutdown() }
        if let writeTargets { try write(runner.targetsFile(), to: writeTargets) }
        if let writeTruth {
            try write(SnapshotJSON.encode(runner.mesh.truth(windowSeconds: window.seconds), source: "demo-truth") + "\n", to: writeTruth)
        }
        runner.followScaling()
        Console.error("demo: serving \(runner.targets.count) proxies of \(options.topology) (\(options.scenario)) on 127.0.0.1; Ctrl-C stops")
        while TerminalSignals.pending == nil { Thread.sleep(forTimeInterval: 0.1) }
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

    func start() throws -> DemoMeshRunner {
        do { return try DemoMeshRunner(topology: topology, scenario: scenario, seed: seed) } catch {
            throw UsageError("demo: \(error)")
        }
    }
}
