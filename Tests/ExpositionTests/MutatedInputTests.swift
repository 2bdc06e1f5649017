import Foundation
import XCTest
@testable import Exposition

/// Bounded robustness check (the long fuzzing runs are a separate suite): hundreds of
/// seeded mutations of the real capture, each scanned to the end without a crash, with at
/// most one event per line, and the shortcut path reading exactly what the full scan reads.
final class MutatedInputTests: XCTestCase {
    /// SplitMix64: deterministic, so a failure names its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let interesting: [UInt8] = Array("{}=\",\\\n\r #\t.e+-0123456789NaInf\u{0}\u{FF}".utf8)

    func testMutationsNeverCrashOrDisagree() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/proxy-metrics-2022-sampleMetrics", withExtension: "txt"))
        let original = Array(try Data(contentsOf: url))
        var random = Random(state: 42)
        for round in 0..<300 {
            var body = original
            for _ in 0..<(1 + random.below(8)) {
                let at = random.below(body.count)
                switch random.below(4) {
                case 0: body[at] = Self.interesting[random.below(Self.interesting.count)]
                case 1: body.remove(at: at)
                case 2: body.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                default: body.removeSubrange(at..<min(body.count, at + random.below(64)))
                }
            }
            let lines = body.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            let (full, shortcut) = scanTwice(body)
            XCTAssertLessThanOrEqual(full.count, lines + 1, "round \(round)")
            XCTAssertEqual(full, shortcut, "round \(round)")
        }
    }

    /// Event descriptions from a full scan, and from a shortcut scan that knows every series
    /// the full scan accepted.
    private func scanTwice(_ bytes: [UInt8]) -> ([String], [String]) {
        bytes.withUnsafeBufferPointer { body in
            var known = Set<[UInt8]>()
            var full: [String] = []
            var scanner = ExpositionScanner(body)
            while let event = scanner.next() {
                full.append("\(event)")
                if case .sample(let s) = event { known.insert(Array(body[s.series])) }
            }
            var shortcut: [String] = []
            var second = ExpositionScanner(body)
            while let event = second.next(known: { known.contains(Array($0)) }) { shortcut.append("\(event)") }
            return (full, shortcut)
        }
    }
}
