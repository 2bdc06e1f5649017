import Foundation

/// Reads one kubeconfig file's text into a ``Kubeconfig``: checks each field's type, decodes the
/// base64 `*-data` fields and resolves relative file paths against the file's directory.
public enum KubeconfigParser {
    /// Parses the kubeconfig text of the file at `file`. `file` names the file in errors, and its
    /// directory is where relative paths in it start from.
    ///
    /// - Throws: ``KubeconfigError`` naming the file and the field.
    public static func parse(text: String, file: String) throws(KubeconfigError) -> Kubeconfig {
        var config = Kubeconfig(files: [file])
        guard let root = try KubeconfigNode.parse(text, file: file) else { return config }
        let directory = (file as NSString).deletingLastPathComponent
        config.currentContext = try root.string("current-context")
        config.clusters = try entries(root, "clusters", "cluster") { node, origin throws(KubeconfigError) in
            try cluster(node, origin: origin, directory: directory)
        }
        config.users = try entries(root, "users", "user") { node, origin throws(KubeconfigError) in
            try user(node, origin: origin, directory: directory)
        }
        config.contexts = try entries(root, "contexts", "context") { node, origin throws(KubeconfigError) in
            KubeconfigContext(origin: origin, cluster: try node?.string("cluster") ?? "",
                              user: try node?.string("user") ?? "", namespace: try node?.string("namespace"))
        }
        return config
    }

    /// A list of `{name: …, <body>: {…}}` entries, by name. A name used twice in one file is an
    /// error: kubectl would silently keep the last, which hides a mistake.
    private static func entries<Entry>(
        _ root: KubeconfigNode, _ key: String, _ body: String,
        _ make: (KubeconfigNode?, KubeconfigOrigin) throws(KubeconfigError) -> Entry
    ) throws(KubeconfigError) -> [String: Entry] {
        var byName: [String: Entry] = [:]
        var firstPlace: [String: String] = [:]
        for item in try root.field(key)?.list() ?? [] {
            guard let name = try item.string("name"), !name.isEmpty else {
                throw item.error("no name")
            }
            if let earlier = firstPlace[name] {
                throw item.error("\(body) \"\(name)\" is already defined at \(earlier)")
            }
            firstPlace[name] = item.path
            byName[name] = try make(try item.field(body), KubeconfigOrigin(file: item.file, entry: item.path))
        }
        return byName
    }

    /// A `cluster` body.
    private static func cluster(_ node: KubeconfigNode?, origin: KubeconfigOrigin,
                                directory: String) throws(KubeconfigError) -> KubeconfigCluster {
        guard let node else { return KubeconfigCluster(origin: origin) }
        return KubeconfigCluster(
            origin: origin, server: try node.string("server"),
            certificateAuthority: try node.string("certificate-authority").map { resolve($0, in: directory) },
            certificateAuthorityData: try node.base64("certificate-authority-data"),
            insecureSkipTLSVerify: try node.bool("insecure-skip-tls-verify"),
            tlsServerName: try node.string("tls-server-name"), proxyURL: try node.string("proxy-url"))
    }

    /// A `user` body.
    private static func user(_ node: KubeconfigNode?, origin: KubeconfigOrigin,
                             directory: String) throws(KubeconfigError) -> KubeconfigUser {
        guard let node else { return KubeconfigUser(origin: origin) }
        var exec: KubeconfigExec?
        if let execNode = try node.field("exec") { exec = try self.exec(execNode, directory: directory) }
        let username = try node.field("username"), password = try node.field("password")
        return KubeconfigUser(
            origin: origin,
            clientCertificate: try node.string("client-certificate").map { resolve($0, in: directory) },
            clientCertificateData: try node.base64("client-certificate-data"),
            clientKey: try node.string("client-key").map { resolve($0, in: directory) },
            clientKeyData: try node.base64("client-key-data"), token: try node.string("token"),
            tokenFile: try node.string("tokenFile").map { resolve($0, in: directory) },
            exec: exec,
            hasBasicAuth: username != nil || password != nil,
            hasAuthProvider: try node.field("auth-provider") != nil)
    }

    /// An `exec` body. The command is resolved only when it is a path: a bare name is looked up
    /// on `PATH` when it runs.
    private static func exec(_ node: KubeconfigNode, directory: String) throws(KubeconfigError) -> KubeconfigExec {
        guard let command = try node.string("command"), !command.isEmpty else {
            throw node.error("no command")
        }
        var env: [KubeconfigExec.Variable] = []
        for variable in try node.field("env")?.list() ?? [] {
            guard let name = try variable.string("name"), !name.isEmpty else { throw variable.error("no name") }
            env.append(.init(name: name, value: try variable.string("value") ?? ""))
        }
        var args: [String] = []
        for arg in try node.field("args")?.list() ?? [] { args.append(try arg.string()) }
        return KubeconfigExec(
            apiVersion: try node.string("apiVersion") ?? "",
            command: command.contains("/") ? resolve(command, in: directory) : command, args: args, env: env,
            interactiveMode: try node.string("interactiveMode"),
            provideClusterInfo: try node.bool("provideClusterInfo"), installHint: try node.string("installHint"))
    }

    /// `path`, or `path` under `directory` when it is relative (and not empty).
    static func resolve(_ path: String, in directory: String) -> String {
        guard !path.isEmpty, !path.hasPrefix("/"), !directory.isEmpty else { return path }
        return (directory as NSString).appendingPathComponent(path)
    }
}
