import Foundation
import Synchronization

/// A thread of the live view that runs one job until asked to stop: started, stopped, and
/// waited for before meshtop exits (it may be inside libcurl, whose exit handlers free what it
/// uses).
final class WorkerThread: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)

    /// Whether ``stop()`` was called: the job asks this at least once a second.
    var stopped: Bool { stopping.load(ordering: .relaxed) }

    /// Runs `job` on a new thread.
    func start(_ job: @escaping @Sendable () -> Void) {
        Thread { [self] in
            job()
            done.store(true, ordering: .releasing)
        }.start()
    }

    /// Asks the job to stop.
    func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    /// Waits up to `timeoutMs` for the job to end.
    func waitUntilDone(timeoutMs: Int) {
        for _ in 0..<(timeoutMs / 10) where !done.load(ordering: .acquiring) {
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
