#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends everything written to stderr while the full-screen view is up to meshtop's log
/// file, where it can't scribble over the screen, and writes this run's part out again once
/// the terminal is restored (as htop does).
///
/// One run keeps at most ``TerminalLogFile/cap`` bytes: ``dropIfOverCap()`` points stderr
/// at `/dev/null` past that, and ``release()`` says so.
struct StderrHold {
    /// The file stderr goes to.
    let log: TerminalLogFile
    /// The real stderr, to point fd 2 back at.
    let savedFD: Int32
    /// The most of this run's stderr that is kept.
    let cap: Int
    private var dropping = false

    /// Points fd 2 at `log`; nil (stderr untouched) if that can't be done.
    init?(log: TerminalLogFile, cap: Int = TerminalLogFile.cap) {
        fflush(nil)
        let saved = dup(2)
        guard saved >= 0, dup2(log.fd, 2) >= 0 else {
            if saved >= 0 { close(saved) }
            close(log.fd)
            return nil
        }
        (self.log, savedFD, self.cap) = (log, saved, cap)
    }

    /// Once this run has written `cap` bytes, sends the rest of stderr to `/dev/null`.
    mutating func dropIfOverCap() {
        guard !dropping, log.written > cap else { return }
        let null = open("/dev/null", O_WRONLY)
        guard null >= 0 else { return }
        dropping = dup2(null, 2) >= 0
        close(null)
    }

    /// Points fd 2 back at the terminal and writes out what this run logged (at most `cap`
    /// bytes, the file cut to that).
    func release() {
        fflush(nil)
        _ = dup2(savedFD, 2)
        close(savedFD)
        let kept = min(log.written, cap)
        Self.copy(from: log.fd, offset: log.start, count: kept, to: 2)
        if log.written > kept {
            _ = ftruncate(log.fd, off_t(log.start + kept))
            let place = log.path.map { " (kept in \($0))" } ?? ""
            Self.say("meshtop: stderr past \(cap) bytes was dropped while the screen was up\(place)\n")
        }
        close(log.fd)
    }

    /// Copies `count` bytes at `offset` of `source` to `target`, through `buffer` (or a
    /// buffer of its own); async-signal-safe when given a buffer.
    static func copy(from source: Int32, offset: Int, count: Int, to target: Int32,
                     buffer: UnsafeMutableRawBufferPointer? = nil) {
        let chunk = buffer ?? UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { if buffer == nil { chunk.deallocate() } }
        var done = 0
        while done < count {
            let n = pread(source, chunk.baseAddress, min(chunk.count, count - done), off_t(offset + done))
            guard n > 0 else { return }
            var sent = 0
            while sent < n {
                let w = write(target, chunk.baseAddress! + sent, n - sent)
                guard w > 0 else { return }
                sent += w
            }
            done += n
        }
    }

    private static func say(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
