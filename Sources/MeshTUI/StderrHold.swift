#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds back everything written to stderr while the full-screen view is up, where it would
/// scribble over the screen, and writes it out once the terminal is restored (as htop does).
struct StderrHold {
    private let savedFD: Int32
    private let file: UnsafeMutablePointer<FILE>

    /// Points fd 2 at a temporary file; nil (stderr untouched) if that can't be done.
    init?() {
        fflush(nil)
        guard let file = tmpfile() else { return nil }
        let saved = dup(2)
        guard saved >= 0, dup2(fileno(file), 2) >= 0 else {
            if saved >= 0 { close(saved) }
            fclose(file)
            return nil
        }
        self.savedFD = saved
        self.file = file
    }

    /// Points fd 2 back at the terminal and writes out what was held.
    func release() {
        fflush(nil)
        _ = dup2(savedFD, 2)
        close(savedFD)
        let fd = fileno(file)
        lseek(fd, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var offset = 0
            while offset < n {
                let w = buffer[offset..<n].withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                if w <= 0 { break }
                offset += w
            }
            if offset < n { break }
        }
        fclose(file)
    }
}
