import Foundation
import MeshModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files written for one kubeconfig: the kubeconfig itself and, next to it, what its users
/// point at.
public struct DemoKubeconfigFiles: Sendable, Hashable {
    /// The kubeconfig (mode 0600).
    public let kubeconfig: String
    /// `<kubeconfig>.ca.crt`: the CA, for curl's `--cacert`.
    public let certificateAuthority: String
    /// `<kubeconfig>.token`: user `demo-token-file`'s token (mode 0600).
    public let tokenFile: String
    /// `<kubeconfig>.exec.sh`: user `demo-exec`'s credential plugin (mode 0755).
    public let execPlugin: String
    /// `<kubeconfig>.exec-expired.sh`: user `demo-exec-expired`'s plugin, printing an expired token.
    public let expiredExecPlugin: String

    /// The files for a kubeconfig at `kubeconfig`.
    init(kubeconfig: String) {
        self.kubeconfig = kubeconfig
        certificateAuthority = kubeconfig + ".ca.crt"
        tokenFile = kubeconfig + ".token"
        execPlugin = kubeconfig + ".exec.sh"
        expiredExecPlugin = kubeconfig + ".exec-expired.sh"
    }
}

/// The kubeconfig of the demo API server: one cluster, `meshtop-demo`, and a context per way of
/// authenticating, each with the user of the same name (the current context's is `demo-cert`).
public enum DemoKubeconfig {
    /// The cluster's name, and the current context's.
    public static let cluster = "meshtop-demo"
    /// Context name → user name, in the order they are written.
    public static let contexts: KeyValuePairs<String, String> = [
        "meshtop-demo": "demo-cert", "demo-token": "demo-token", "demo-token-file": "demo-token-file",
        "demo-exec": "demo-exec", "demo-exec-expired": "demo-exec-expired", "demo-forbidden": "demo-forbidden",
        "demo-no-proxy": "demo-no-proxy",
    ]

    /// Writes the kubeconfig at `path` and its files next to it; the kubeconfig last, atomically,
    /// so whoever waits for it finds the rest in place. Paths inside are absolute.
    public static func write(to path: String, server: String, namespace: String, certificates: DemoKubeCertificates,
                             tokens: DemoKubeTokens, now: Date = Date()) throws -> DemoKubeconfigFiles {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let files = DemoKubeconfigFiles(kubeconfig: absolute)
        try atomically(write: certificates.caPEM, to: files.certificateAuthority, mode: 0o644)
        try atomically(write: (tokens.byUser["demo-token-file"] ?? "") + "\n", to: files.tokenFile, mode: 0o600)
        try atomically(write: plugin(user: "demo-exec", token: tokens.byUser["demo-exec"] ?? "",
                                     expires: "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v+1H +%Y-%m-%dT%H:%M:%SZ)"),
                       to: files.execPlugin, mode: 0o755)
        try atomically(write: plugin(user: "demo-exec-expired", token: tokens.expired,
                                     expires: DemoKubeTime.rfc3339(now.addingTimeInterval(-3_600))),
                       to: files.expiredExecPlugin, mode: 0o755)
        try atomically(write: text(server: server, namespace: namespace, certificates: certificates, tokens: tokens, files: files),
                       to: files.kubeconfig, mode: 0o600)
        return files
    }

    /// The kubeconfig's YAML; every value is a quoted scalar, so nothing in a path can break it.
    static func text(server: String, namespace: String, certificates: DemoKubeCertificates, tokens: DemoKubeTokens,
                     files: DemoKubeconfigFiles) -> String {
        func q(_ value: String) -> String {
            var quoted = ""
            JSONWriter.appendQuoted(value, to: &quoted)
            return quoted
        }
        func base64(_ pem: String) -> String { q(Data(pem.utf8).base64EncodedString()) }
        func exec(_ command: String) -> String {
            """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: \(q(command))
                  interactiveMode: Never
                  provideClusterInfo: false
            """
        }
        let users: [(String, String)] = [
            ("demo-cert", """
                client-certificate-data: \(base64(certificates.clientCertificatePEM))
                client-key-data: \(base64(certificates.clientKeyPEM))
            """),
            ("demo-token", "    token: \(q(tokens.byUser["demo-token"] ?? ""))"),
            ("demo-token-file", "    tokenFile: \(q(files.tokenFile))"),
            ("demo-exec", exec(files.execPlugin)),
            ("demo-exec-expired", exec(files.expiredExecPlugin)),
            ("demo-forbidden", "    token: \(q(tokens.byUser["demo-forbidden"] ?? ""))"),
            ("demo-no-proxy", "    token: \(q(tokens.byUser["demo-no-proxy"] ?? ""))"),
        ]
        var text = """
        # Written by meshtop demo --kube-api: valid while that demo runs.
        apiVersion: v1
        kind: Config
        current-context: \(q(cluster))
        preferences: {}
        clusters:
        - name: \(q(cluster))
          cluster:
            server: \(q(server))
            certificate-authority-data: \(base64(certificates.caPEM))
        contexts:

        """
        for (context, user) in contexts {
            text += "- name: \(q(context))\n  context:\n    cluster: \(q(cluster))\n    user: \(q(user))\n"
                + "    namespace: \(q(namespace))\n"
        }
        text += "users:\n"
        for (name, body) in users { text += "- name: \(q(name))\n  user:\n\(body)\n" }
        return text
    }

    /// A `#!/bin/sh` exec credential plugin printing `token` with `expires` (shell text: a time, or
    /// a `$(date …)` that computes one when it runs).
    static func plugin(user: String, token: String, expires: String) -> String {
        """
        #!/bin/sh
        # meshtop demo: the exec credential plugin of kubeconfig user \(user).
        expires=\(expires)
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}\\n' '\(token)' "$expires"

        """
    }

    /// Writes `text` to a new file beside `path` with `mode` from the start, then renames it over
    /// `path`: readers see the old file or the whole new one, never a part, never wider permissions.
    static func atomically(write text: String, to path: String, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw DemoKubeError.cannotWrite(path, errno) }
        fchmod(fd, mode)  // exactly `mode`, whatever the umask
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            unlink(temporary)
            throw DemoKubeError.cannotWrite(path, errno)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw DemoKubeError.cannotWrite(path, code)
        }
    }
}

/// Why the demo API server could not start or write its files.
public enum DemoKubeError: Error, CustomStringConvertible {
    /// A file could not be written: its path and the `errno`.
    case cannotWrite(String, Int32)

    /// What went wrong, for the user.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }
}
