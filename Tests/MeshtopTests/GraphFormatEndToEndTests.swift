import Foundation
import MeshModel
import XCTest

/// `meshtop --once --format dot|mermaid` as scripts use it: Graphviz reads the DOT.
final class GraphFormatEndToEndTests: XCTestCase {
    /// Graphviz's `dot`, or a skip (a failure in CI, which installs Debian's graphviz).
    private func dot() throws -> URL {
        guard let path = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("Graphviz missing: install Debian's graphviz") }
            throw XCTSkip("Graphviz not installed (make test installs Debian's graphviz package)")
        }
        return URL(fileURLWithPath: path)
    }

    /// `dot -Tsvg` of `source`: its exit status and output.
    private func svg(_ source: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try dot()
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, output)
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testTheDemosGraphRendersWithGraphviz() throws {
        let run = try MeshtopProcess.run(["--demo", "--scenario", "steady", "--once", "--format", "dot", "--window", "2s"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rendered = try svg(run.stdout)
        XCTAssertEqual(rendered.status, 0, rendered.output)
        for name in ["deployment/web", "deployment/emoji", "external: api.example.com:443", "unmeshed clients of web"] {
            XCTAssertTrue(rendered.output.contains(name), "\(name) in the SVG")
        }
        XCTAssertEqual(rendered.output.components(separatedBy: "class=\"edge\"").count - 1, 5, "every call is an edge")
    }

    func testHostileNamesStillParse() throws {
        let hostile = WorkloadRef(namespace: "n\"s\\\n{", kind: "deployment", name: "w\"}\\; digraph x {\u{1B}")
        let graph = MeshGraph(nodes: [.init(id: hostile, role: .workload, metrics: GoldenMetrics(rps: 1, success: 1)),
                                      .init(id: hostile, role: .otherNamespace)],
                              edges: [.init(from: 0, to: 1, metrics: GoldenMetrics(rps: 1), mtls: true)])
        let rendered = try svg(GraphDOT.encode(graph))
        XCTAssertEqual(rendered.status, 0, rendered.output)
    }

    func testMermaidAndTheFlagsRules() throws {
        let run = try MeshtopProcess.run(["--demo", "--scenario", "steady", "--once", "--format", "mermaid", "--window", "1s"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("flowchart LR\n"), run.stdout)
        for arguments in [["--demo", "--format", "dot"], ["--demo", "--once", "--json", "--format", "mermaid"]] {
            let refused = try MeshtopProcess.run(arguments)
            XCTAssertEqual(refused.status, 2, "\(arguments): \(refused.stderr)")
        }
    }
}
