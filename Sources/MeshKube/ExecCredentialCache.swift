import Foundation
import MeshModel
import Synchronization

/// The credentials each kubeconfig user's exec plugin last printed, kept until they expire or the
/// API server rejects them, so that the plugin runs once per token rather than once per request.
public final class ExecCredentialCache: Sendable {
    /// Credentials and the plugin entry that printed them: a changed entry runs again.
    private struct Entry {
        var exec: KubeconfigExec
        var credential: ExecCredential
    }

    private let plugin: ExecCredentialPlugin
    private let skew: Duration
    private let now: @Sendable () -> Date
    /// Held while a plugin runs, so that requests waiting on the same user start it only once.
    private let entries = Mutex<[String: Entry]>([:])

    /// Creates an empty cache that runs plugins with `plugin` and treats credentials as expired
    /// `skew` before their `expirationTimestamp` by the clock `now`, so that a token is not
    /// sent just as it runs out.
    public init(plugin: ExecCredentialPlugin = ExecCredentialPlugin(), skew: Duration = .seconds(30),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.plugin = plugin
        self.skew = skew
        self.now = now
    }

    /// The credentials of the kubeconfig user named `user`, whose plugin is `exec`: the cached
    /// ones while they are good, else what the plugin prints now.
    ///
    /// - Throws: ``ExecCredentialError`` when the plugin has to run and gives no credentials.
    public func credential(user: String, exec: KubeconfigExec,
                           cluster: KubeconfigCluster) throws(ExecCredentialError) -> ExecCredential {
        try entries.withLock { (entries) throws(ExecCredentialError) -> ExecCredential in
            if let entry = entries[user], entry.exec == exec, isGood(entry.credential) { return entry.credential }
            let credential = try plugin.run(user: user, exec: exec, cluster: cluster)
            entries[user] = Entry(exec: exec, credential: credential)
            return credential
        }
    }

    /// Forgets the credentials of `user`, after the API server answered 401 Unauthorized to them:
    /// the next ``credential(user:exec:cluster:)`` runs the plugin again.
    public func invalidate(user: String) {
        _ = entries.withLock { $0.removeValue(forKey: user) }
    }

    /// Whether `credential` is still good `skew` from now.
    private func isGood(_ credential: ExecCredential) -> Bool {
        guard let expiration = credential.expirationTimestamp else { return true }
        return now().addingTimeInterval(skew.seconds) < expiration
    }
}
