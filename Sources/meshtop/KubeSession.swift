import ArgumentParser
import Foundation
import MeshKube
import MeshModel
import MeshSources
import MeshTUI
import Synchronization

/// `--kubeconfig` and `--context`: which cluster to discover pods in, as kubectl picks it.
struct KubeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The kubeconfig file (default: $KUBECONFIG, a list of files merged as kubectl does, else ~/.kube/config).",
                               valueName: "path"))
    var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubeconfig context to use (default: its current-context).", valueName: "name"))
    var context: String?

    /// Whether the command line asks for a cluster.
    var namesCluster: Bool { kubeconfig != nil || context != nil }
}

/// The Kubernetes side of a run: the kubeconfig, the source of the context in use, and the
/// switches `:ctx` and `:ns` ask for. Pods are discovered in the background; every scrape round
/// asks ``plan()`` for the pods of the moment.
final class KubeSession: Sendable {
    /// The kubeconfig, whose contexts `:ctx` offers; `nil` for a pod's service account.
    let config: Kubeconfig?
    private let limits: FetchLimits
    private let credentials = ExecCredentialCache()
    private let source: Mutex<KubeSource>
    /// Sources switched away from, stopping.
    private let retired = Mutex<[KubeSource]>([])

    /// Resolves the cluster as kubectl would and starts discovering its pods, waiting briefly
    /// for the first list.
    ///
    /// - Throws: a ``UsageError`` naming the file and field when the kubeconfig or context is wrong.
    init(_ options: KubeOptions, namespace: String?, allNamespaces: Bool, limits: FetchLimits) throws {
        let chosen: (selection: KubeconfigSelection, namespaces: NamespaceSelection, config: Kubeconfig?)
        do {
            chosen = try KubeconfigOptions(kubeconfig: options.kubeconfig, context: options.context, namespace: namespace,
                                           allNamespaces: allNamespaces)
                .resolve(environment: ProcessInfo.processInfo.environment)
        } catch {
            throw UsageError("\(error.message); or name proxy endpoints as targets, or try meshtop --demo")
        }
        config = chosen.config
        self.limits = limits
        let first = KubeSource(client: KubeClient(selection: chosen.selection, credentials: credentials),
                               namespaces: chosen.namespaces, limits: limits)
        source = Mutex(first)
        first.start(waitingMs: Self.firstListWaitMs(limits))
    }

    /// A client of the context in use, for the tap stream.
    var tapClient: KubeClient { source.withLock { $0 }.client }

    /// The next scrape round's plan.
    func plan() -> ScrapePlan {
        source.withLock { $0 }.plan()
    }

    /// The source in use now.
    var current: KubeSource { source.withLock { $0 } }

    /// What the header and JSON `source` call this: `kubernetes:<context>`.
    var description: String {
        "kubernetes:" + (current.client.selection.contextName ?? "in-cluster")
    }

    /// Watches the namespaces of `selection` from now on, in the same context.
    func watch(_ selection: NamespaceSelection) {
        let old = current
        replace(with: KubeSource(client: old.client, namespaces: selection, limits: limits))
    }

    /// Switches to the kubeconfig's context `name`, watching the namespace it names (or all,
    /// when all were watched).
    ///
    /// - Throws: ``KubeconfigError`` when the context is unknown or wrong.
    func switchContext(to name: String) throws {
        guard let config else { throw KubeconfigError("no kubeconfig: meshtop runs with its pod's service account") }
        let selection = try config.select(context: name)
        let namespaces = current.namespaces == .all ? NamespaceSelection.all
            : NamespaceSelection.choose(explicit: nil, allNamespaces: false, contextNamespace: selection.namespace)
        replace(with: KubeSource(client: KubeClient(selection: selection, credentials: credentials),
                                 namespaces: namespaces, limits: limits))
    }

    /// Stops discovery and waits (up to 2 s each) for it to let go of libcurl, before the
    /// process exits.
    func stop() {
        for source in retired.withLock({ $0 }) + [current] { source.stop(waitingMs: 2000) }
    }

    private func replace(with next: KubeSource) {
        let old = source.withLock { source in
            defer { source = next }
            return source
        }
        old.stop()
        retired.withLock { $0.append(old) }
        next.start(waitingMs: 0)
    }

    /// Long enough for one list request to connect and answer.
    private static func firstListWaitMs(_ limits: FetchLimits) -> Int {
        limits.connectTimeoutMs + limits.totalTimeoutMs + 1000
    }
}

extension KubeSession {
    /// What the header, `:ctx` and `:ns` show of the cluster, with `problems` (the newest
    /// snapshot's) to show under the header.
    func status(problems: [String]) -> SourceStatus {
        let source = current
        let selection = source.client.selection
        return SourceStatus(context: selection.contextName ?? "in-cluster", cluster: selection.server,
                            contexts: config?.contexts.keys.sorted() ?? [], namespaces: source.clusterNamespaces,
                            watching: source.namespaces.namespace ?? "all namespaces", problems: problems)
    }

    /// Carries out what the user chose in `:ctx` or `:ns`; a message when it can't be done.
    func carryOut(_ request: SourceRequest) -> String? {
        switch request {
        case .context(let name):
            do { try switchContext(to: name) } catch { return "cannot use context \(StatTable.display(name)): \(error)" }
        case .namespace(let name):
            watch(name.map(NamespaceSelection.one) ?? .all)
        }
        return nil
    }
}
