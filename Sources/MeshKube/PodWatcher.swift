import Foundation
import MeshModel
import MeshSources
import Synchronization

/// Keeps the pods of the watched namespaces current, on a thread of its own: a list, then
/// watches from the list's version; a new list when that version has expired (410 Gone); after
/// a failure, the same again after a pause that doubles up to 30 s.
public final class PodWatcher: Sendable {
    /// What the watcher knows now.
    public struct State: Sendable {
        /// The pods as of the latest event; `nil` until a list has succeeded.
        public var pods: PodSet?
        /// Why the latest list or watch failed, in words a user can act on; `nil` once one works.
        public var problem: String?
        /// The cluster's namespaces, when the user may list them.
        public var namespaces: [String]?
        /// Lists answered so far, successful or not.
        public var answers = 0
    }

    /// The cluster.
    public let client: KubeClient
    /// The namespaces watched.
    public let selection: NamespaceSelection
    private let limits: FetchLimits
    private let state = Mutex(State())
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Bool>(false)

    /// A watcher of `selection` through `client`, its requests bounded by `limits` (a watch
    /// itself runs for ``PodRequests/watchSeconds``).
    public init(client: KubeClient, namespaces selection: NamespaceSelection, limits: FetchLimits) {
        self.client = client
        self.selection = selection
        self.limits = limits
    }

    /// What the watcher knows now.
    public var current: State { state.withLock { $0 } }

    /// Starts the watch thread.
    public func start() {
        running.store(true, ordering: .releasing)
        Thread { [self] in
            run()
            running.store(false, ordering: .releasing)
        }.start()
    }

    /// Asks the thread to stop, which it does within a second (its requests in flight are
    /// abandoned), and waits up to `waitingMs` for it to end: a process must not exit while
    /// the thread is inside libcurl and OpenSSL, whose exit handlers free what it uses.
    public func stop(waitingMs: Int = 0) {
        stopping.store(true, ordering: .relaxed)
        for _ in 0..<(waitingMs / 10) where running.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Waits until the first list has been answered (or failed), at most `timeoutMs`.
    public func waitForFirstAnswer(timeoutMs: Int) -> State {
        for _ in 0..<max(1, timeoutMs / 10) where current.answers == 0 && !stopped {
            Thread.sleep(forTimeInterval: 0.01)
        }
        return current
    }

    private var stopped: Bool { stopping.load(ordering: .relaxed) }

    /// What to do after a watch.
    private enum Next: Equatable {
        case watchAgain, relist, pause
    }

    private func run() {
        let fetcher = HTTPFetcher(limits: limits)
        var pause = 1.0
        while !stopped {
            guard var pods = list(fetcher) else {
                sleep(seconds: pause)
                pause = min(pause * 2, 30)
                continue
            }
            pause = 1
            var next = Next.watchAgain
            while !stopped, next != .relist {
                next = watch(&pods, fetcher)
                if next == .pause {
                    sleep(seconds: pause)
                    pause = min(pause * 2, 30)
                } else {
                    pause = 1
                }
            }
        }
    }

    /// Lists the pods (and the namespaces) and publishes them; `nil` after publishing why not.
    private func list(_ fetcher: HTTPFetcher) -> PodSet? {
        let namespace = selection.namespace
        let described = client.describe(.list, .pods, namespace: namespace)
        let outcome = Result { () throws -> (PodSet, [String]?) in
            let endpoint = try client.endpoint()
            let result = get(endpoint.request(PodRequests.list(selection)), fetcher)
            let namespaces = listNamespaces(endpoint, fetcher)
            if let problem = client.problem(result, described, namespaces: namespaces ?? []) { throw problem }
            let pods = PodSet(list: try PodList.decode(Data(result.body ?? [])))
            if let namespace, pods.pods.isEmpty, let namespaces, !namespaces.contains(namespace) {
                throw KubeAPIProblem.namespaceNotFound(described, name: namespace, existing: namespaces)
            }
            return (pods, namespaces)
        }
        return state.withLock { state in
            state.answers += 1
            switch outcome {
            case let .success((pods, namespaces)):
                (state.pods, state.namespaces, state.problem) = (pods, namespaces ?? state.namespaces, nil)
                return pods
            case let .failure(error):
                state.problem = String(describing: error)
                return nil
            }
        }
    }

    /// The cluster's namespaces, sorted; `nil` when they can't be listed (RBAC may allow pods only).
    private func listNamespaces(_ endpoint: KubeEndpoint, _ fetcher: HTTPFetcher) -> [String]? {
        let result = get(endpoint.request(PodRequests.namespaces), fetcher)
        return result.body.flatMap { try? JSONDecoder().decode(NamespaceList.self, from: Data($0)) }?.names
    }

    /// `GET`s `request`, given up as soon as the watcher stops; a success's body is collected.
    private func get(_ request: FetchRequest, _ fetcher: HTTPFetcher) -> FetchResult {
        var body: [UInt8] = []
        var outcome = FetchResult(request: request, result: .failure(.other("stopped")), durationMs: 0, startedAt: Date())
        fetcher.streamEach([request], receive: { body.append(contentsOf: $1) }, stopped: { stopped }) { outcome = $1 }
        if outcome.error == nil { outcome.result = .success(body) }
        return outcome
    }

    /// Watches from `pods`' version, publishing each change, until the watch ends.
    private func watch(_ pods: inout PodSet, _ fetcher: HTTPFetcher) -> Next {
        let endpoint: KubeEndpoint
        do { endpoint = try client.endpoint() } catch {
            state.withLock { $0.problem = String(describing: error) }
            return .pause
        }
        var request = endpoint.request(PodRequests.watch(selection, from: pods.resourceVersion))
        request.timeoutMs = (PodRequests.watchSeconds + 30) * 1000
        var decoder = PodWatchDecoder()
        var next = Next.watchAgain
        var failure: String?
        var answered = false
        fetcher.streamEach([request], receive: { _, piece in
            if !answered {  // the watch works: an earlier failure is over
                answered = true
                state.withLock { $0.problem = nil }
            }
            decoder.append(piece)
            var changed = false
            while next == .watchAgain {
                let event: PodWatchEvent?
                do { event = try decoder.next() } catch {
                    failure = String(describing: error)
                    continue
                }
                guard let event else { break }
                switch pods.apply(event) {
                case .applied: changed = true
                case .relistNeeded: next = .relist
                case let .watchEnded(status):
                    (next, failure) = (.pause, "the pod watch ended: \(status.message ?? "HTTP \(status.code ?? 0)")")
                }
            }
            if changed {
                let current = pods
                state.withLock { $0.pods = current }
            }
        }, stopped: { stopped || next != .watchAgain }) { _, result in
            guard !stopped, next == .watchAgain else { return }
            if let problem = client.problem(result, client.describe(.watch, .pods, namespace: selection.namespace)) {
                if case .httpStatus(410)? = result.error { next = .relist } else {
                    (next, failure) = (.pause, problem.description)
                }
            }
        }
        if let failure { state.withLock { $0.problem = failure } }
        return next
    }

    private func sleep(seconds: Double) {
        for _ in 0..<Int(seconds * 10) where !stopped {
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}

extension NamespaceSelection {
    /// The one namespace, or `nil` for all.
    public var namespace: String? {
        if case .one(let name) = self { return name }
        return nil
    }
}

/// `GET /api/v1/namespaces`, reduced to the names.
private struct NamespaceList: Decodable {
    struct Item: Decodable {
        struct Metadata: Decodable { var name: String }
        var metadata: Metadata
    }

    var items: [Item]
    var names: [String] { items.map(\.metadata.name).sorted() }
}
