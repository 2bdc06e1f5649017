import Foundation
import XCTest

/// The real `meshtop` in a pane of a tmux server of its own (no config), to drive it as a
/// person would: read the screen, press keys, resize, send signals.
///
/// A shell in the pane records `stty -a` before and after meshtop and its exit status, in
/// files of a temporary folder; the server's socket and meshtop's log go there too. Every wait is bounded and
/// polls; a wait that times out fails the test. Call ``close()`` when done (in a `defer`).
///
/// ```swift
/// let pane = try TmuxPane(["--demo", "--scenario", "steady"])
/// defer { pane.close() }
/// pane.waitForScreen(containing: "web")
/// pane.press("Tab")
/// ```
final class TmuxPane {
    /// Why the tests that need tmux are skipped, or nil when tmux is installed.
    static var missing: String? {
        let found = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
        return found ? nil : "tmux is not installed (apt-get install tmux); the full-screen tests need it"
    }

    /// Where the pane's shell leaves `before`, `after` (`stty -a`), `rc` and `pid`.
    let folder: URL

    /// Starts `meshtop arguments…` in a `width`×`height` pane, with `environment` added.
    init(_ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        let name = "meshtop-tmux-\(UUID().uuidString.prefix(8))"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var variables = ["XDG_STATE_HOME": folder.appendingPathComponent("state").path]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let meshtop = ([MeshtopProcess.binary.path] + arguments).map(Self.quoted).joined(separator: " ")
        // The outer shell catches SIGINT so that Ctrl-C reaches only meshtop (a caught signal
        // is reset to the default in the child); the inner one writes its pid and becomes meshtop.
        let script = """
            cd \(Self.quoted(folder.path)) || exit 1
            stty -a > before
            trap : INT
            env \(assignments.joined(separator: " ")) sh -c 'echo $$ > pid; exec "$@"' meshtop \(meshtop)
            echo $? > rc
            stty -a > after.tmp && mv after.tmp after
            exec sleep 600
            """
        try tmux("new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script)
    }

    /// Ends the tmux server (and meshtop, if it still runs) and removes the folder.
    func close() {
        if let pid = try? String(contentsOf: folder.appendingPathComponent("pid"), encoding: .utf8),
           let id = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)), !exited {
            kill(id, SIGKILL)
        }
        _ = try? tmux("kill-server")
        try? FileManager.default.removeItem(at: folder)
    }

    /// The pane's text, one line per row (trailing blanks trimmed by tmux).
    func screen() -> String {
        (try? tmux("capture-pane", "-p")) ?? ""
    }

    /// Waits up to `timeout` seconds for the screen to contain `text`; returns the last screen.
    @discardableResult
    func waitForScreen(containing text: String, timeout: Double = 15,
                       file: StaticString = #filePath, line: UInt = #line) -> String {
        waitForScreen(timeout: timeout, "a screen with \(text.debugDescription)", file: file, line: line) {
            $0.contains(text)
        }
    }

    /// Waits up to `timeout` seconds for a screen that `matches`; returns the last screen.
    @discardableResult
    func waitForScreen(timeout: Double = 15, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                       where matches: (String) -> Bool) -> String {
        var last = ""
        let found = poll(timeout: timeout) {
            last = screen()
            return matches(last)
        }
        if !found { XCTFail("no \(what) within \(timeout) s; the screen:\n\(last)", file: file, line: line) }
        return last
    }

    /// The pane's title, which an OSC escape sequence could set.
    func title() -> String {
        ((try? tmux("display-message", "-p", "#{pane_title}")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Presses keys, in tmux's names: `"q"`, `"Tab"`, `"Enter"`, `"C-c"`, `"Up"`, `"F10"`.
    func press(_ keys: String...) {
        press(keys)
    }

    /// Presses `keys` in order.
    func press(_ keys: [String]) {
        _ = try? tmux(["send-keys"] + keys)
    }

    /// Resizes the window to `width`×`height`.
    func resize(width: Int, height: Int) {
        _ = try? tmux("resize-window", "-x", "\(width)", "-y", "\(height)")
    }

    /// Sends `signal` to meshtop itself (not the shell around it).
    func send(_ signal: Int32, file: StaticString = #filePath, line: UInt = #line) {
        guard poll(timeout: 10, { pid != nil }), let pid else {
            return XCTFail("meshtop's pid was not written", file: file, line: line)
        }
        kill(pid, signal)
    }

    /// Waits up to `timeout` seconds for meshtop to exit; its exit status as the shell
    /// reports it (128 + signal for a signal), or nil if it is still running.
    func waitForExit(timeout: Double = 15) -> Int32? {
        _ = poll(timeout: timeout) { exited }
        return (try? read("rc")).flatMap { Int32($0) }
    }

    /// `stty -a` in the pane before meshtop started and after it exited, without the
    /// window size (which a resize changes).
    func terminalSettings() -> (before: String, after: String) {
        let settings = { (name: String) in
            ((try? self.read(name)) ?? "").replacingOccurrences(of: #"rows \d+; columns \d+;"#, with: "",
                                                                 options: .regularExpression)
        }
        return (settings("before"), settings("after"))
    }

    /// Whether the pane shows the alternate screen (a full-screen program's).
    var alternateScreen: Bool { (try? tmux("display-message", "-p", "#{alternate_on}")) == "1" }

    /// Whether the cursor is shown.
    var cursorVisible: Bool { (try? tmux("display-message", "-p", "#{cursor_flag}")) == "1" }

    private var exited: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("after").path) }

    private var pid: Int32? { (try? read("pid")).flatMap { Int32($0) } }

    private func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls `condition` every 50 ms for up to `timeout` seconds.
    private func poll(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    @discardableResult
    private func tmux(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    /// Runs `tmux -S <folder>/tmux arguments…` against this pane's server; its stdout (trimmed,
    /// but for a screen capture).
    private func tmux(_ arguments: [String]) throws -> String {
        let target = ["send-keys", "capture-pane", "display-message", "resize-window"].contains(arguments[0])
            ? ["-t", "meshtop"] : []
        let session = arguments[0] == "new-session" ? ["-s", "meshtop"] : []
        let socket = folder.appendingPathComponent("tmux").path
        let words = ["tmux", "-S", socket, "-f", "/dev/null", arguments[0]] + target + session + arguments.dropFirst()
        // Not Foundation's Process: the server that new-session starts would inherit the
        // descriptor Process watches for the child's exit, and waitUntilExit would never return.
        guard let pipe = popen(words.map(Self.quoted).joined(separator: " ") + " </dev/null 2>/dev/null", "r") else {
            throw TmuxFailed(arguments: arguments)
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while case let n = fread(&buffer, 1, buffer.count, pipe), n > 0 {
            data.append(contentsOf: buffer[..<n])
        }
        guard pclose(pipe) == 0 else { throw TmuxFailed(arguments: arguments) }
        let text = String(decoding: data, as: UTF8.self)
        return arguments[0] == "capture-pane" ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tmux command that exited non-zero.
    struct TmuxFailed: Error {
        var arguments: [String]
    }

    /// `value` quoted for sh.
    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
