import Foundation
import MeshKube

/// A temporary folder of exec plugins written as `/bin/sh` scripts, and the way to run them:
/// the folder is first on `PATH` and is `$D` in the scripts.
final class ExecCredentialScripts {
    /// The folder.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("exec-\(UUID().uuidString)").path
    /// A local cluster, for `KUBERNETES_EXEC_INFO`.
    let cluster = KubeconfigCluster(origin: .init(file: "/k", entry: "clusters[0]"), server: "https://127.0.0.1:6443")

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes the executable script `name` with `body` after the `#!/bin/sh` line.
    func write(_ name: String, _ body: String) throws {
        let path = directory + "/" + name
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    /// Writes `text` to the file `name`.
    func file(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    /// The text of the file `name`, or `nil` when there is none.
    func read(_ name: String) -> String? {
        try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// Runs plugins with this folder first on `PATH`, for at most `timeout`.
    func plugin(timeout: Duration = .seconds(10), outputLimit: Int = 1 << 20) -> ExecCredentialPlugin {
        ExecCredentialPlugin(environment: ["PATH": directory + ":/usr/bin:/bin", "D": directory],
                             timeout: timeout, outputLimit: outputLimit)
    }

    /// A `v1` plugin entry that runs `command`.
    static func exec(_ command: String, apiVersion: String = "client.authentication.k8s.io/v1",
                     args: [String] = []) -> KubeconfigExec {
        KubeconfigExec(apiVersion: apiVersion, command: command, args: args, interactiveMode: "Never")
    }

    /// An `ExecCredential` of `apiVersion` whose `status` is the JSON object `status`.
    static func json(_ status: String, apiVersion: String = "client.authentication.k8s.io/v1") -> String {
        #"{"apiVersion": "\#(apiVersion)", "kind": "ExecCredential", "status": \#(status)}"#
    }
}
