#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// meshtop's log file, where stderr goes while the full-screen view is up: opened for
/// appending, and moved aside to `<path>.1` once it has reached ``cap`` so it can't grow
/// forever.
struct TerminalLogFile {
    /// The size past which the log is moved aside when opened, and the most of one run's
    /// stderr that is kept (and written out again).
    static let cap: Int = 1 << 20

    /// The open file (read and append).
    let fd: Int32
    /// Where this run's part begins.
    let start: Int
    /// Where the file is; nil for an anonymous temporary file.
    let path: String?

    /// `$XDG_STATE_HOME/meshtop/meshtop.log`, else `$HOME/.local/state/meshtop/meshtop.log`;
    /// nil when neither is set to an absolute path (the XDG spec ignores relative ones).
    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/meshtop/meshtop.log" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/meshtop/meshtop.log" }
        return nil
    }

    /// Opens the log at `path` (making its folders), after moving it to `<path>.1` if it has
    /// reached `cap` bytes; else, or if that fails, an anonymous temporary file. Nil when
    /// not even that can be made.
    init?(path: String?, cap: Int = cap) {
        if let path, let (fd, start) = Self.openFile(path, cap: cap) {
            (self.fd, self.start, self.path) = (fd, start, path)
            return
        }
        guard let file = tmpfile() else { return nil }
        defer { fclose(file) }
        fd = dup(fileno(file))
        guard fd >= 0 else { return nil }
        (start, self.path) = (0, nil)
    }

    /// The open file and its size, after moving it aside if it has reached `cap`.
    private static func openFile(_ path: String, cap: Int) -> (fd: Int32, size: Int)? {
        guard makeFolders(of: path) else { return nil }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) >= cap, rename(path, path + ".1") != 0 { return nil }
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return nil
        }
        return (fd, Int(info.st_size))
    }

    /// Makes every folder above `path` that is missing (owner-only, as XDG asks).
    private static func makeFolders(of path: String) -> Bool {
        var folder = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true).dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    /// How many bytes this run has written.
    var written: Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? max(0, Int(info.st_size) - start) : 0
    }
}
