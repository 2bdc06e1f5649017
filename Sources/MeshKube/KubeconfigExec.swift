/// A `users[].user.exec` credential plugin: a command that prints an `ExecCredential` with a
/// token or a client certificate (`client.authentication.k8s.io/v1` or `v1beta1`).
public struct KubeconfigExec: Hashable, Sendable {
    /// One `env` entry, added to meshtop's environment for the command.
    public struct Variable: Hashable, Sendable {
        /// `name`.
        public var name: String
        /// `value`.
        public var value: String

        /// Creates a variable.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `apiVersion`: the `ExecCredential` version the plugin speaks. Checked when the user is
    /// chosen; see ``KubeconfigSelection``.
    public var apiVersion: String
    /// `command`: a program on `PATH`, or a path (a relative one is resolved against the
    /// kubeconfig's directory, as kubectl does).
    public var command: String
    /// `args`.
    public var args: [String]
    /// `env`.
    public var env: [Variable]
    /// `interactiveMode`: `Never`, `IfAvailable` or `Always`; required by `v1`, `IfAvailable`
    /// when `v1beta1` leaves it out.
    public var interactiveMode: String?
    /// `provideClusterInfo`: pass the cluster's details in `KUBERNETES_EXEC_INFO`.
    public var provideClusterInfo: Bool
    /// `installHint`: what to tell the user when the command is not there.
    public var installHint: String?

    /// Creates a plugin entry.
    public init(apiVersion: String, command: String, args: [String] = [], env: [Variable] = [],
                interactiveMode: String? = nil, provideClusterInfo: Bool = false, installHint: String? = nil) {
        self.apiVersion = apiVersion
        self.command = command
        self.args = args
        self.env = env
        self.interactiveMode = interactiveMode
        self.provideClusterInfo = provideClusterInfo
        self.installHint = installHint
    }
}
