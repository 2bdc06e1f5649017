import Foundation
import MeshModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How meshtop runs a kubeconfig's exec credential plugin (`aws eks get-token`,
/// `gke-gcloud-auth-plugin`, `kubelogin`): never at a terminal, for a bounded time, with bounded
/// output. Running blocks the calling thread until the plugin is done or stopped.
public struct ExecCredentialPlugin: Sendable {
    /// meshtop's environment: the plugin's starts from it, and its `PATH` finds the command.
    public var environment: [String: String]
    /// How long the plugin may run before it is killed.
    public var timeout: Duration
    /// How many bytes the plugin may print on stdout, and again on stderr.
    public var outputLimit: Int

    /// Creates a way of running plugins.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                timeout: Duration = .seconds(30), outputLimit: Int = 1 << 20) {
        self.environment = environment
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// Runs `exec`, the plugin of the kubeconfig user named `user`, for `cluster`, and reads the
    /// credentials it prints.
    ///
    /// - Throws: ``ExecCredentialError`` naming the user and the command.
    public func run(user: String, exec: KubeconfigExec,
                    cluster: KubeconfigCluster) throws(ExecCredentialError) -> ExecCredential {
        do throws(ExecCredentialError.Problem) {
            guard exec.interactiveMode != "Always" else { throw .interactive }
            let stdout = try output(of: exec, cluster: cluster)
            return try ExecCredential.decode(stdout, apiVersion: exec.apiVersion)
        } catch {
            throw ExecCredentialError(user: user, command: exec.command, problem: error)
        }
    }

    /// The plugin's stdout, once it has exited with status 0.
    private func output(of exec: KubeconfigExec,
                        cluster: KubeconfigCluster) throws(ExecCredentialError.Problem) -> Data {
        guard let executable = executable(exec.command) else { throw .notFound(installHint: exec.installHint) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = exec.args
        var variables = environment
        for variable in exec.env { variables[variable.name] = variable.value }
        variables["KUBERNETES_EXEC_INFO"] = ExecCredentialInfo(exec: exec, cluster: cluster).json
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        // Done when the plugin has exited and both pipes are at end of file.
        let done = DispatchGroup()
        done.enter()
        process.terminationHandler = { _ in done.leave() }
        do {
            try process.run()
        } catch {
            throw .notStarted(error.localizedDescription)
        }
        let printed = ExecCredentialOutput(stdout.fileHandleForReading, limit: outputLimit, group: done)
        let complained = ExecCredentialOutput(stderr.fileHandleForReading, limit: outputLimit, group: done)
        guard done.wait(timeout: .now() + timeout.seconds) == .success else {
            // As Go's exec.CommandContext does. A child the plugin left running may keep the pipes
            // open; their readers finish on their own, and nothing waits for them.
            kill(process.processIdentifier, SIGKILL)
            throw .timedOut(seconds: timeout.seconds)
        }
        guard let out = printed.data, let err = complained.data else { throw .tooMuchOutput(limit: outputLimit) }
        let firstLines = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.prefix(3).joined(separator: "; ")
        switch process.terminationReason {
        case .uncaughtSignal: throw .killed(signal: process.terminationStatus, stderr: firstLines)
        case .exit where process.terminationStatus != 0:
            throw .exited(status: process.terminationStatus, stderr: firstLines)
        default: return out
        }
    }

    /// The path to run for `command`, as kubectl finds it: a path as given, a name on `PATH`;
    /// `nil` when that is not an executable file.
    private func executable(_ command: String) -> String? {
        let files = FileManager.default
        guard !command.contains("/") else { return files.isExecutableFile(atPath: command) ? command : nil }
        // An empty entry would mean the current directory, which Go (and so kubectl) refuses too.
        let directories = (environment["PATH"] ?? "").split(separator: ":").filter { !$0.isEmpty }
        return directories.map { "\($0)/\(command)" }.first { files.isExecutableFile(atPath: $0) }
    }
}

/// All a pipe's bytes up to a limit, read on a thread of its own so that a plugin that fills one
/// pipe is never stuck while meshtop waits on the other.
private final class ExecCredentialOutput: Sendable {
    private let bytes = Mutex<Data?>(Data())

    /// Starts reading `handle` to end of file, inside `group`.
    init(_ handle: FileHandle, limit: Int, group: DispatchGroup) {
        group.enter()
        DispatchQueue.global().async { [self] in
            // Reading on past the limit (and dropping it) lets the plugin finish rather than block.
            while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
                self.bytes.withLock { data in
                    guard let kept = data else { return }
                    data = kept.count + chunk.count > limit ? nil : kept + chunk
                }
            }
            group.leave()
        }
    }

    /// The bytes read, or `nil` when there were more than the limit.
    var data: Data? { bytes.withLock { $0 } }
}
