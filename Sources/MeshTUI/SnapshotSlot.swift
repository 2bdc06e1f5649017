import MeshModel
import Synchronization

/// Where the scrape thread leaves each new `Snapshot` for the main thread to pick up: one
/// value behind a lock, newest wins, with a version number so the reader can tell a new
/// snapshot from the one it already shows.
///
/// `Sendable` without `@unchecked`: all state is inside the `Mutex`.
public final class SnapshotSlot: Sendable {
    private let slot = Mutex<(version: Int, snapshot: Snapshot?)>((0, nil))

    /// An empty slot, at version 0.
    public init() {}

    /// Replaces the slot's snapshot with `snapshot` and bumps the version.
    public func publish(_ snapshot: Snapshot) {
        slot.withLock { $0 = ($0.version + 1, snapshot) }
    }

    /// The snapshot and its version if it is newer than `version`, else nil.
    public func newer(than version: Int) -> (version: Int, snapshot: Snapshot)? {
        slot.withLock { current in
            guard current.version > version, let snapshot = current.snapshot else { return nil }
            return (current.version, snapshot)
        }
    }
}
