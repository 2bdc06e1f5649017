import XCTest
import Exposition

/// A body that arrives in pieces, cut anywhere, scans exactly as the whole body does.
final class PiecewiseScanTests: XCTestCase {
    /// Scans `bytes` as pieces cut at `cuts`, through a `LineAssembler`, the way a streamed
    /// scrape is read.
    private func scanInPieces(_ bytes: [UInt8], cuts: [Int]) -> ScanResult {
        var whole = ScanResult()
        var state = ExpositionScanner.State()
        var assembler = LineAssembler()
        func scanLines(_ lines: UnsafeBufferPointer<UInt8>) {
            var scanner = ExpositionScanner(lines, resuming: state)
            let part = drain(&scanner, lines)
            whole.samples += part.samples
            whole.errors += part.errors
            whole.metadata += part.metadata
            state = scanner.state
        }
        let bounds = [0] + cuts + [bytes.count]
        bytes.withUnsafeBufferPointer { body in
            for (from, to) in zip(bounds, bounds.dropFirst()) {
                assembler.feed(UnsafeBufferPointer(rebasing: body[from..<to]), scanLines)
            }
        }
        assembler.finish(scanLines)
        return whole
    }

    private func assertSame(_ text: String, cuts: [Int], file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let expected = scan(bytes)
        let actual = scanInPieces(bytes, cuts: cuts)
        XCTAssertEqual(actual.samples, expected.samples, "cuts \(cuts)", file: file, line: line)
        XCTAssertEqual(actual.errors, expected.errors, "cuts \(cuts)", file: file, line: line)
        XCTAssertEqual(actual.metadata, expected.metadata, "cuts \(cuts)", file: file, line: line)
    }

    /// Every single cut and every pair of cuts of a body with the awkward parts: metadata, a
    /// bad line, CRLF, OpenMetrics seconds after `# UNIT`, `# EOF` then trailing content, no
    /// final newline.
    func testEveryCutOfATrickyBody() {
        let text = "# TYPE a counter\na{x=\"1\"} 1\nbad line here\r\nb 2 1000\n# UNIT c seconds\nc 3 1.5\n"
            + "# EOF\n\nd 4"
        let n = text.utf8.count
        for i in 0...n { assertSame(text, cuts: [i]) }
        for i in stride(from: 0, through: n, by: 3) {
            for j in stride(from: i, through: n, by: 5) { assertSame(text, cuts: [i, j]) }
        }
    }

    /// A real proxy's output in the pieces a transfer delivers (16 KB) and in tiny ones.
    func testRealProxyOutputInPieces() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "proxy-metrics-2022-sampleMetrics", withExtension: "txt",
                                                  subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let n = text.utf8.count
        for size in [16_384, 4_096, 97, 7] {
            assertSame(text, cuts: Array(stride(from: size, to: n, by: size)))
        }
    }

    func testTrailingContentAfterEOFInALaterPieceIsReportedOnce() {
        let result = scanInPieces(Array("a 1\n# EOF\nb 2\nc 3\n".utf8), cuts: [10, 14])
        XCTAssertEqual(result.samples.map(\.name), ["a"])
        XCTAssertEqual(result.errors, ["line 3: content after # EOF is ignored"])
    }
}
