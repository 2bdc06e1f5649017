import Foundation

/// An exec credential plugin that gave meshtop no credentials, with a message that names the
/// kubeconfig user and the command: `user "eks", exec plugin "aws": exited with status 255: …`.
public struct ExecCredentialError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What went wrong, without the user and the command.
    public enum Problem: Error, Hashable, Sendable {
        /// The command is not on `PATH`, or the path given is not an executable file.
        case notFound(installHint: String?)
        /// `interactiveMode: Always`: the plugin wants a terminal, which meshtop never gives it.
        case interactive
        /// The command could not be started, for this reason.
        case notStarted(String)
        /// The command exited with this status; the first lines of its stderr.
        case exited(status: Int32, stderr: String)
        /// The command was killed by this signal; the first lines of its stderr.
        case killed(signal: Int32, stderr: String)
        /// The command ran past the timeout, in seconds, and was killed.
        case timedOut(seconds: Double)
        /// The command printed more than this many bytes on stdout or stderr.
        case tooMuchOutput(limit: Int)
        /// stdout is not an `ExecCredential` JSON object.
        case badJSON
        /// The `apiVersion` printed (`nil` when missing), unlike the one asked for.
        case wrongAPIVersion(printed: String?, requested: String)
        /// The `kind` printed (`nil` when missing), which is not `ExecCredential`.
        case wrongKind(String?)
        /// `status` holds no token and no client certificate with its key; what is missing.
        case noCredentials(String)
        /// `status.expirationTimestamp` is not an RFC 3339 time.
        case badExpiration(String)
    }

    /// The kubeconfig user whose plugin this is.
    public var user: String
    /// The plugin's `command`, as the kubeconfig gives it.
    public var command: String
    /// What went wrong.
    public var problem: Problem

    /// Creates an error.
    public init(user: String, command: String, problem: Problem) {
        self.user = user
        self.command = command
        self.problem = problem
    }

    /// The whole message.
    public var description: String { "user \"\(user)\", exec plugin \"\(command)\": \(problem.text)" }
    /// Same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}

extension ExecCredentialError.Problem {
    /// The problem's part of the message: what happened and what the user can do about it.
    var text: String {
        switch self {
        case .notFound(let hint):
            let found = "not found on PATH or not executable"
            return hint.map { found + "; " + $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? found
        case .interactive:
            return "interactiveMode is Always, but meshtop never runs a plugin in a terminal; "
                + "log in with the plugin's own command first, or set interactiveMode to IfAvailable or Never"
        case .notStarted(let reason):
            return "could not be started: \(reason)"
        case .exited(let status, let stderr):
            return "exited with status \(status)" + (stderr.isEmpty ? "" : ": " + stderr)
        case .killed(let signal, let stderr):
            return "was killed by signal \(signal)" + (stderr.isEmpty ? "" : ": " + stderr)
        case .timedOut(let seconds):
            return "gave no credentials within \(String(format: "%g", seconds)) s and was stopped; "
                + "check that it needs no input and can reach its identity provider"
        case .tooMuchOutput(let limit):
            return "printed more than \(limit) bytes; an ExecCredential is far smaller"
        case .badJSON:
            return "did not print an ExecCredential JSON object on stdout (a plugin prints its messages on stderr)"
        case .wrongAPIVersion(let printed, let requested):
            return "printed " + (printed.map { "apiVersion \"\($0)\"" } ?? "no apiVersion")
                + ", but the kubeconfig asks for \"\(requested)\"; make exec.apiVersion match the plugin"
        case .wrongKind(let kind):
            return "printed " + (kind.map { "kind \"\($0)\"" } ?? "no kind") + ", not kind \"ExecCredential\""
        case .noCredentials(let missing):
            return "printed no credentials: \(missing)"
        case .badExpiration(let timestamp):
            return "printed status.expirationTimestamp \"\(timestamp)\", which is not an RFC 3339 time"
        }
    }
}
