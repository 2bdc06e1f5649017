#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Puts the terminal back when meshtop crashes while the screen is up: a Swift trap
/// (`fatalError`, a failed precondition, an index out of range: SIGILL on x86_64 Linux,
/// SIGTRAP on arm64), a bad memory access or an `abort()`.
///
/// The handler runs wherever the crash happened, so it may only make async-signal-safe
/// calls: everything it needs is laid out by ``arm(terminalFD:modes:reset:stderr:)`` before the
/// screen goes up. It writes the terminal's reset sequences, sets the terminal modes
/// captured before ncurses changed them, points stderr back at the terminal and writes out
/// what was logged there (the crash message among it). Then the crash takes its course with
/// the action the signal had before (Swift's backtracer, then the default action), so the
/// exit status and core dump are those of the crash.
enum TerminalCrashGuard {
    /// The signals a crash arrives as.
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT]

    /// Installs the handler until ``disarm()``. `terminalFD` is the terminal ncurses drives,
    /// `modes` its settings before ncurses started, `reset` the bytes that undo ncurses'
    /// modes (``resetSequence(strings:mouse:)``).
    static func arm(terminalFD: Int32, modes: termios, reset: [UInt8], stderr: StderrHold?) {
        let restore = UnsafeMutablePointer<CrashRestore>.allocate(capacity: 1)
        restore.initialize(to: CrashRestore(terminalFD: terminalFD, modes: modes, reset: reset, stderr: stderr))
        disarm()
        armed.store(Int(bitPattern: restore), ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { sig, info, _ in
            let restore = takeArmed()
            restore?.pointee.putBack()
            // A fault recurs when the handler returns: then the earlier action (Swift's
            // backtracer, which reports it) runs and the default action ends the process.
            // A signal that was sent (kill, raise, abort) or a trap past its instruction
            // would not recur, so it gets the default action and is raised again (blocked
            // until the handler returns).
            if let restore, let info, info.pointee.si_code > 0, sig != SIGTRAP {
                sigaction(sig, restore.pointee.previous + Int(sig), nil)
            } else {
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO | SA_ONSTACK
        for sig in fatal { sigaction(sig, &action, restore.pointee.previous + Int(sig)) }
    }

    /// Gives the signals back the actions they had before ``arm(terminalFD:modes:reset:stderr:)``.
    static func disarm() {
        guard let restore = takeArmed() else { return }
        for sig in fatal { sigaction(sig, restore.pointee.previous + Int(sig), nil) }
        restore.pointee.freeBuffers()
        restore.deallocate()
    }

    /// The bytes that undo what ncurses did to the terminal, from its terminfo `strings`
    /// (`sgr0`, `cnorm`, `rmkx`, `rmcup`, with their `$<…>` padding taken out) and, when
    /// mouse reporting was on, xterm's mouse-off sequences.
    static func resetSequence(strings: [String], mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for string in strings {
            var rest = Substring(string)
            while let open = rest.range(of: "$<") {
                bytes += rest[..<open.lowerBound].utf8
                rest = rest[open.upperBound...].drop { $0 != ">" }.dropFirst()
            }
            bytes += rest.utf8
        }
        if mouse { bytes += "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8 }
        return bytes
    }
}

/// The address of the armed handler's data, 0 when the screen is not up. (An address, as
/// pointers aren't `Sendable`.)
private let armed = Atomic<Int>(0)

/// The armed handler's data, disarming it: only the first of two crashing threads restores.
private func takeArmed() -> UnsafeMutablePointer<CrashRestore>? {
    UnsafeMutablePointer(bitPattern: armed.exchange(0, ordering: .acquiring))
}

/// What the crash handler writes and restores, in memory it can read without allocating.
private struct CrashRestore {
    let terminalFD: Int32
    var modes: termios
    /// Open on `/dev/null`.
    let nullFD: Int32
    let reset: UnsafeMutableBufferPointer<UInt8>
    let stderrFD: Int32
    let logFD: Int32
    let logStart: Int
    let logCap: Int
    let buffer: UnsafeMutableRawBufferPointer
    /// The actions the fatal signals had before, indexed by signal number.
    let previous: UnsafeMutablePointer<sigaction>

    init(terminalFD: Int32, modes: termios, reset: [UInt8], stderr: StderrHold?) {
        (self.terminalFD, self.modes) = (terminalFD, modes)
        nullFD = open("/dev/null", O_WRONLY | O_CLOEXEC)
        self.reset = .allocate(capacity: reset.count)
        _ = self.reset.initialize(from: reset)
        stderrFD = stderr?.savedFD ?? -1
        logFD = stderr?.log.fd ?? -1
        logStart = stderr?.log.start ?? 0
        logCap = stderr?.cap ?? 0
        buffer = .allocate(byteCount: 4096, alignment: 1)
        previous = .allocate(capacity: Int(NSIG))
        previous.initialize(repeating: sigaction(), count: Int(NSIG))
    }

    /// Async-signal-safe: resets the terminal, sends ncurses' further output (from threads
    /// still running) to `/dev/null`, and writes out the logged stderr.
    mutating func putBack() {
        _ = write(terminalFD, reset.baseAddress, reset.count)
        _ = tcsetattr(terminalFD, TCSANOW, &modes)  // at once: the reset is already queued
        if nullFD >= 0 { _ = dup2(nullFD, terminalFD) }
        if stderrFD >= 0, dup2(stderrFD, 2) >= 0 {
            var info = stat()
            let written = fstat(logFD, &info) == 0 ? Int(info.st_size) - logStart : 0
            StderrHold.copy(from: logFD, offset: logStart, count: min(written, logCap), to: 2, buffer: buffer)
        }
    }

    func freeBuffers() {
        if nullFD >= 0 { close(nullFD) }
        reset.deallocate()
        buffer.deallocate()
        previous.deallocate()
    }
}
