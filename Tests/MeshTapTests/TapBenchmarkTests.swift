import XCTest
@testable import MeshTap

/// The benchmark hook decodes and pairs what it generates, whatever the chunk size.
final class TapBenchmarkTests: XCTestCase {
    func testSampleStreamDecodesAndPairs() throws {
        let stream = TapBenchmark.sampleStream(requests: 1_001)
        for chunk in [1, 7, 4_096, 1 << 20] {
            let result = try TapBenchmark.decodeAndPair(stream, chunkBytes: chunk)
            XCTAssertEqual(result, TapBenchmark.Result(bytes: stream.count, events: 3_003, requests: 1_001), "\(chunk)")
        }
        XCTAssertGreaterThan(stream.count / 3_003, 150, "events carry a realistic set of labels")
    }

    func testACutStreamFails() {
        let stream = TapBenchmark.sampleStream(requests: 2)
        XCTAssertThrowsError(try TapBenchmark.decodeAndPair(Array(stream.dropLast())))
    }
}
