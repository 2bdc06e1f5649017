import XCTest
import Foundation
import Exposition

/// `next(known:)` must read exactly what `next()` reads, whatever the caller knows.
final class KnownSeriesShortcutTests: XCTestCase {
    /// Scans `text` twice: once in full, remembering every valid series, then with the
    /// shortcut for those; returns both event lists.
    /// Events are compared by their descriptions, in which NaN equals NaN.
    private func bothWays(_ text: String) -> (full: [String], shortcut: [String], shortcuts: Int) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { body in
            var seen = Set<[UInt8]>()
            var full: [String] = []
            var scanner = ExpositionScanner(body)
            while let event = scanner.next() {
                full.append("\(event)")
                if case .sample(let s) = event { seen.insert(Array(body[s.series])) }
            }
            var again: [String] = []
            var shortcuts = 0
            var second = ExpositionScanner(body)
            while let event = second.next(known: { seen.contains(Array($0)) }) {
                again.append("\(event)")
                if case .sample = event, second.tookShortcut { shortcuts += 1 }
            }
            return (full, again, shortcuts)
        }
    }

    func testShortcutReadsTheSameAsAFullScan() {
        let inputs = [
            "a 1\nb{x=\"y\"} 2 1700000000000\nc{x=\"a b\"}   3\r\nd 4 5\n",
            "x{a=\"} 1\"} 2\nx{a=\"} 1\"} 2 3\n",
            "x{a=\"b\"} 1 2 3\nx{a=\"b\"} 1\nx{a=\"b\"} bogus\nx{a=\"b\"}  7  \n",
            "x{a=\"b\"} 5 # {t=\"a\"} 1.0 17\nx{a=\"b\"} 6\n",
            "y 1\ny 1 2 3\ny bogus\ny\n# UNIT y s\ny 1 1700000000\n",
            "z{le=\"+Inf\"} NaN\nz{le=\"+Inf\"} +Inf 12\nz{le=\"+Inf\"}}} 1\n",
        ]
        for input in inputs {
            let (full, shortcut, _) = bothWays(input)
            XCTAssertEqual(shortcut, full, input.debugDescription)
        }
    }

    func testShortcutIsTakenForKnownSeries() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/proxy-metrics-2022-sampleMetrics", withExtension: "txt"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let (full, shortcut, shortcuts) = bothWays(text)
        XCTAssertEqual(shortcut, full)
        XCTAssertEqual(shortcuts, 199)  // every sample of the capture
    }
}
