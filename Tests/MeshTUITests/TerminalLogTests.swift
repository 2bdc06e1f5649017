import Foundation
@testable import MeshTUI
import XCTest

/// The log file stderr goes to while the screen is up, and what is written out again.
final class TerminalLogTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    func testTheLogLivesInTheXDGStateFolderElseUnderHome() {
        XCTAssertEqual(TerminalLogFile.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/meshtop/meshtop.log")
        XCTAssertEqual(TerminalLogFile.path(environment: ["HOME": "/h"]), "/h/.local/state/meshtop/meshtop.log")
        XCTAssertEqual(TerminalLogFile.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/h"]),
                       "/h/.local/state/meshtop/meshtop.log", "a relative XDG path is ignored")
        XCTAssertNil(TerminalLogFile.path(environment: ["HOME": ""]))
        XCTAssertNil(TerminalLogFile.path(environment: [:]))
    }

    func testOpeningMakesTheFoldersAndThisRunStartsAtTheEnd() throws {
        let path = folder.appendingPathComponent("state/meshtop/meshtop.log").path
        let first = try XCTUnwrap(TerminalLogFile(path: path))
        XCTAssertEqual(first.start, 0)
        XCTAssertEqual(first.path, path)
        write(first.fd, "first run\n")
        XCTAssertEqual(first.written, 10)
        close(first.fd)
        let second = try XCTUnwrap(TerminalLogFile(path: path))
        XCTAssertEqual(second.start, 10)
        XCTAssertEqual(second.written, 0)
        close(second.fd)
    }

    func testALogThatReachedTheCapIsMovedAside() throws {
        let path = folder.appendingPathComponent("meshtop.log").path
        try String(repeating: "x", count: 99).write(toFile: path, atomically: true, encoding: .utf8)
        let below = try XCTUnwrap(TerminalLogFile(path: path, cap: 100))
        XCTAssertEqual(below.start, 99, "below the cap: appended to")
        write(below.fd, "y")
        close(below.fd)
        let rotated = try XCTUnwrap(TerminalLogFile(path: path, cap: 100))
        XCTAssertEqual(rotated.start, 0)
        close(rotated.fd)
        XCTAssertEqual(try String(contentsOfFile: path + ".1", encoding: .utf8), String(repeating: "x", count: 99) + "y")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "")
    }

    func testWithoutAUsablePathTheLogIsATemporaryFile() throws {
        for path in [nil, "/proc/meshtop-cannot-be-made/meshtop.log"] {
            let log = try XCTUnwrap(TerminalLogFile(path: path))
            XCTAssertNil(log.path)
            XCTAssertEqual(log.start, 0)
            write(log.fd, "held")
            XCTAssertEqual(log.written, 4)
            close(log.fd)
        }
    }

    func testStderrGoesToTheLogAndThisRunsPartIsWrittenOutOnRelease() throws {
        let path = folder.appendingPathComponent("meshtop.log").path
        try "an earlier run\n".write(toFile: path, atomically: true, encoding: .utf8)
        let terminal = try withStderr { terminal in
            let hold = try XCTUnwrap(StderrHold(log: XCTUnwrap(TerminalLogFile(path: path))))
            write(2, "while the screen is up\n")
            XCTAssertEqual(try String(contentsOfFile: terminal, encoding: .utf8), "", "nothing reached the terminal yet")
            hold.release()
        }
        XCTAssertEqual(terminal, "while the screen is up\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "an earlier run\nwhile the screen is up\n")
    }

    func testOneRunKeepsAtMostTheCapAndSaysWhatWasDropped() throws {
        let path = folder.appendingPathComponent("meshtop.log").path
        let terminal = try withStderr { _ in
            var hold = try XCTUnwrap(StderrHold(log: XCTUnwrap(TerminalLogFile(path: path)), cap: 10))
            write(2, "12345678")
            hold.dropIfOverCap()
            write(2, "abcdef")
            hold.dropIfOverCap()
            write(2, "dropped")
            hold.release()
        }
        XCTAssertEqual(terminal, "12345678ab"
                       + "meshtop: stderr past 10 bytes was dropped while the screen was up (kept in \(path))\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "12345678ab", "the file is cut to the cap")
    }

    /// Runs `body` with fd 2 pointed at a file standing in for the terminal, and returns
    /// what reached it.
    private func withStderr(_ body: (String) throws -> Void) throws -> String {
        let terminal = folder.appendingPathComponent("terminal").path
        let fd = open(terminal, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let saved = dup(2)
        XCTAssertGreaterThanOrEqual(dup2(fd, 2), 0)
        close(fd)
        defer {
            dup2(saved, 2)
            close(saved)
        }
        try body(terminal)
        return try String(contentsOfFile: terminal, encoding: .utf8)
    }

    private func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { XCTAssertEqual(Glibc.write(fd, $0.baseAddress, $0.count), $0.count) }
    }
}
