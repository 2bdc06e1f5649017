import Foundation
@testable import MeshTUI
import XCTest

/// A crash while the screen is up puts the terminal back. Each test runs itself again as a
/// child on a pseudo-terminal (`MESHTOP_CRASH_CHILD` set): the child opens a
/// `TerminalSession` and crashes; the parent checks the child died of the crash's signal,
/// the terminal's modes are those from before, the screen was left and the crash message
/// (logged while the screen was up) was written out after it.
final class TerminalCrashTests: XCTestCase {
    private static let childVariable = "MESHTOP_CRASH_CHILD"

    func testASwiftTrapRestoresTheTerminal() throws {
        try crash(as: "trap") { fatalError("meshtop crash test") }
        #if arch(x86_64)
        let trapSignal = SIGILL
        #else
        let trapSignal = SIGTRAP
        #endif
        try checkRestored(after: "trap", signal: trapSignal, message: "Fatal error: meshtop crash test")
    }

    func testAnAbortRestoresTheTerminal() throws {
        try crash(as: "abort") {
            FileHandle.standardError.write(Data("meshtop crash test: aborting\n".utf8))
            abort()
        }
        try checkRestored(after: "abort", signal: SIGABRT, message: "meshtop crash test: aborting")
    }

    func testTheResetSequenceDropsPaddingAndAddsMouseOffWhenTheMouseWasOn() {
        let reset = TerminalCrashGuard.resetSequence(strings: ["\u{1B}[m$<2>", "\u{1B}[?25h", "$<5/>\u{1B}[?1049l"], mouse: false)
        XCTAssertEqual(String(decoding: reset, as: UTF8.self), "\u{1B}[m\u{1B}[?25h\u{1B}[?1049l")
        let withMouse = TerminalCrashGuard.resetSequence(strings: ["\u{1B}[?1049l"], mouse: true)
        XCTAssertEqual(String(decoding: withMouse, as: UTF8.self),
                       "\u{1B}[?1049l\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l")
    }

    /// In the child run as `name`: opens the screen and runs `crash`. In the parent: nothing.
    private func crash(as name: String, _ crash: () -> Never) throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == name else { return }
        let session = try TerminalSession()
        withExtendedLifetime(session) { crash() }
    }

    /// Runs this test as a child on a new pseudo-terminal and checks how it left it.
    private func checkRestored(after name: String, signal: Int32, message: String, test: String = #function) throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == nil else { return }
        let terminal = try PseudoTerminal()
        let before = try terminal.modes()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["MeshTUITests.TerminalCrashTests/\(test.prefix { $0 != "(" })"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = name
        environment["TERM"] = "xterm"
        environment["XDG_STATE_HOME"] = state.path
        environment["SWIFT_BACKTRACE"] = "enable=no"  // no backtrace: the default action at once
        child.environment = environment
        let output = try terminal.run(child, timeout: 30)

        XCTAssertEqual(child.terminationReason, .uncaughtSignal, output)
        XCTAssertEqual(child.terminationStatus, signal, output)
        XCTAssertEqual(try terminal.modes(), before, "the terminal's modes are put back")
        let enter = try XCTUnwrap(output.range(of: "\u{1B}[?1049h", options: .backwards), "the screen went up: \(output)")
        let after = output[enter.upperBound...]
        let leave = try XCTUnwrap(after.range(of: "\u{1B}[?1049l"), "the screen was left: \(after.debugDescription)")
        XCTAssertTrue(after.contains("\u{1B}[?25h"), "the cursor is shown again")
        XCTAssertTrue(after[leave.upperBound...].contains(message), "stderr is written out: \(after.debugDescription)")
    }
}

/// A pseudo-terminal pair, 80×24: the child gets the terminal side, the test reads the other.
private final class PseudoTerminal {
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

    /// Runs `process` on the terminal until it exits (killed after `timeout` seconds) and
    /// returns everything it wrote there.
    func run(_ process: Process, timeout: Double) throws -> String {
        let handle = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        (process.standardInput, process.standardOutput, process.standardError) = (handle, handle, handle)
        try process.run()
        var output = Data()
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, 100) > 0 {
                let n = read(controller, &buffer, buffer.count)
                if n > 0 { output.append(contentsOf: buffer[..<n]) }
            } else if !process.isRunning {
                break
            }
            if Date() > deadline, process.isRunning {
                process.terminate()
                XCTFail("the child did not exit within \(timeout) s")
            }
        }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
