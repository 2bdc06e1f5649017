import Foundation
import XCTest

/// The built `meshtop` binary, run as a user runs it.
struct MeshtopProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle in the build folder.
    static var binary: URL {
        let candidates = [Bundle.main.bundleURL] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates {
            let url = dir.appendingPathComponent("meshtop")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("meshtop")
    }

    /// Runs `meshtop arguments…` to completion and captures its output.
    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension MeshtopProcess {
    /// The raw bytes at `url`, fetched with curl (the tests' own HTTP client).
    static func fetch(_ url: String) throws -> Data {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-sf", "--max-time", "5", url]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        XCTAssertEqual(curl.terminationStatus, 0, "curl \(url)")
        return data
    }
}

/// `sequence_server.py` on 127.0.0.1: each proxy named under `root` answers its metrics
/// requests with its bodies in order.
final class SequenceServer {
    let root: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("meshtop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let script = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/sequence_server", withExtension: "py"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, root.path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        port = try XCTUnwrap(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Gives proxy `name` these successive bodies (and, optionally, the server an `/env.json`).
    func serve(_ name: String, bodies: [String], env: String? = nil) throws {
        let dir = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (i, body) in bodies.enumerated() {
            try body.write(to: dir.appendingPathComponent("\(i).txt"), atomically: true, encoding: .utf8)
        }
        if let env { try env.write(to: root.appendingPathComponent("env.json"), atomically: true, encoding: .utf8) }
    }

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)/metrics" }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }
}
