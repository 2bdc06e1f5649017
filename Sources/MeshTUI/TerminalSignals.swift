#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last of SIGINT, SIGTERM or SIGHUP that arrived; 0 for none. Lock-free, so the
/// handler may store into it (async-signal-safe), and the run loop polls it.
private let caughtSignal = Atomic<Int32>(0)

/// SIGINT, SIGTERM and SIGHUP turned into a flag the run loop polls, so the screen is put
/// back before meshtop exits with `128 + signal`.
///
/// Install before ncurses starts: ncurses only sets up its own handlers (which exit with
/// status 1 and give the program no chance to clean up) where the handler is still the default.
public enum TerminalSignals {
    /// The signals that end the live view.
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Replaces the default action of the handled signals with setting the flag.
    public static func install() {
        caughtSignal.store(0, ordering: .relaxed)
        for sig in handled {
            _ = signal(sig) { caughtSignal.store($0, ordering: .relaxed) }
        }
    }

    /// Gives the handled signals their default action back.
    public static func uninstall() {
        for sig in handled { _ = signal(sig, SIG_DFL) }
    }

    /// The signal that arrived since `install()`, if any.
    public static var pending: Int32? {
        let sig = caughtSignal.load(ordering: .relaxed)
        return sig == 0 ? nil : sig
    }
}
