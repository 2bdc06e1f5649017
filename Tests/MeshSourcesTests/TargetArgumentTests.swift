import Foundation
import XCTest
@testable import MeshSources

final class TargetArgumentTests: XCTestCase {
    func testValidArguments() throws {
        let cases: [(argument: String, url: String)] = [
            ("http://proxy:4191", "http://proxy:4191/metrics"),
            ("http://proxy:4191/", "http://proxy:4191/metrics"),
            ("https://proxy:4191/stats", "https://proxy:4191/stats"),
            ("HTTP://proxy:4191/metrics", "HTTP://proxy:4191/metrics"),
            ("file:///tmp/metrics.txt", "file:///tmp/metrics.txt"),
            ("10.42.0.7:4191", "http://10.42.0.7:4191/metrics"),
            ("localhost:4191", "http://localhost:4191/metrics"),
            ("[::1]:4191", "http://[::1]:4191/metrics"),
            (" web.emojivoto:4191 ", "http://web.emojivoto:4191/metrics"),
        ]
        for c in cases {
            XCTAssertEqual(try TargetArgument.spec(for: c.argument), TargetSpec(url: c.url), c.argument)
        }
    }

    func testExistingFileBecomesAbsoluteFileURL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("meshsources-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scrape 1.txt")
        try "x 1\n".write(to: file, atomically: true, encoding: .utf8)

        let spec = try TargetArgument.spec(for: file.path)
        XCTAssertTrue(spec.url.hasPrefix("file:///"), spec.url)
        XCTAssertEqual(URL(string: spec.url)?.path, file.path)
        XCTAssertEqual(spec.address, file.path)

        XCTAssertThrowsError(try TargetArgument.spec(for: directory.path)) { error in
            XCTAssertEqual("\(error)", "\(directory.path): is a directory, not a metrics file")
        }
    }

    func testInvalidArguments() {
        let hint = "no such file, and not a URL or host:port (for example 10.42.0.7:4191 or http://localhost:4191/metrics)"
        let cases: [(argument: String, message: String)] = [
            ("", "empty target"),
            ("ftp://proxy/metrics", "ftp://proxy/metrics: unsupported scheme \"ftp\" (use http, https or file)"),
            ("no-such-file.txt", "no-such-file.txt: " + hint),
            ("proxy", "proxy: " + hint),
            ("proxy:99999", "proxy:99999: " + hint),
            ("proxy:http", "proxy:http: " + hint),
            ("pro xy:4191", "pro xy:4191: " + hint),
            ("proxy:4191/metrics", "proxy:4191/metrics: " + hint),
        ]
        for c in cases {
            XCTAssertThrowsError(try TargetArgument.spec(for: c.argument), c.argument) { error in
                XCTAssertEqual("\(error)", c.message)
                XCTAssertEqual(error as? TargetError, TargetError(c.message))
            }
        }
    }
}
