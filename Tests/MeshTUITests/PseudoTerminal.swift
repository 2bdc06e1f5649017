import Foundation
import XCTest

/// A pseudo-terminal pair, 80×24, for tests that need a real terminal: a child process gets
/// the terminal side, the test reads and types on the other.
///
/// The child is this test runner itself, running one test with an environment variable
/// set that tells the test it is the child (see ``runChild(test:variable:value:respond:)``).
final class PseudoTerminal {
    private let controller: Int32
    private let terminal: Int32

    init() throws {
        // openpty(3) is in glibc (since 2.34) but not in Swift's Glibc module.
        typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                            UnsafeMutablePointer<CChar>?, UnsafePointer<termios>?,
                                            UnsafePointer<winsize>?) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "openpty") else { throw POSIXError(.ENOSYS) }
        var (controller, terminal): (Int32, Int32) = (-1, -1)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard unsafeBitCast(symbol, to: OpenPTY.self)(&controller, &terminal, nil, nil, &size) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        (self.controller, self.terminal) = (controller, terminal)
    }

    deinit {
        close(controller)
        close(terminal)
    }

    /// The terminal's settings (termios), as bytes to compare.
    func modes() throws -> [UInt8] {
        var modes = termios()
        guard tcgetattr(terminal, &modes) == 0 else { throw POSIXError(.ENOTTY) }
        return withUnsafeBytes(of: &modes) { Array($0) }
    }

    /// Runs `test` (`"Target.Class/method"`) in a child test runner on this terminal, with
    /// `variable` set to `value`, `TERM=xterm`, a log folder of its own and no Swift
    /// backtrace. `respond` sees the output so far whenever more arrives and returns what
    /// to type, if anything. Returns the finished child and everything it wrote; a child
    /// still running after `timeout` seconds is killed and the test fails.
    func runChild(test: String, variable: String, value: String, timeout: Double = 30,
                  respond: (String) -> String? = { _ in nil }) throws -> (Process, String) {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-pty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = [test]
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = value
        environment["TERM"] = "xterm"
        environment["XDG_STATE_HOME"] = state.path
        environment["SWIFT_BACKTRACE"] = "enable=no"  // a crash takes the default action at once
        child.environment = environment
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        (child.standardInput, child.standardOutput, child.standardError) = (handle, handle, handle)
        try child.run()
        var output = Data()
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var killed = false
        while true {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0 {
                let n = read(controller, &buffer, buffer.count)
                guard n > 0 else { continue }
                output.append(contentsOf: buffer[..<n])
                if let typed = respond(String(decoding: output, as: UTF8.self)) { type(typed) }
            } else if !child.isRunning {
                break
            }
            if Date() > deadline, child.isRunning, !killed {
                child.terminate()
                killed = true
                XCTFail("the child did not exit within \(timeout) s")
            }
        }
        child.waitUntilExit()
        return (child, String(decoding: output, as: UTF8.self))
    }

    /// Types `text` at the terminal.
    private func type(_ text: String) {
        var text = text
        text.withUTF8 { _ = write(controller, $0.baseAddress, $0.count) }
    }
}
