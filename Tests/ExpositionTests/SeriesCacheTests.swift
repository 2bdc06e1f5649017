import XCTest
@testable import Exposition

final class SeriesCacheTests: XCTestCase {
    private func key(_ text: String) -> SeriesCache.Key {
        Array(text.utf8).withUnsafeBufferPointer(SeriesCache.key)
    }

    func testRemembersEverySeriesThroughGrowth() {
        var cache = SeriesCache(capacity: 4)
        let series = (0..<5_000).map { "request_total{direction=\"outbound\",dst_pod=\"p-\($0)\"}" }
        for (i, s) in series.enumerated() { cache.set(Int32(i), for: key(s)) }
        XCTAssertEqual(cache.count, series.count)
        for (i, s) in series.enumerated() { XCTAssertEqual(cache.value(for: key(s)), Int32(i), s) }
        XCTAssertNil(cache.value(for: key("request_total{direction=\"inbound\"}")))
    }

    func testSettingAgainReplacesWithoutCounting() {
        var cache = SeriesCache()
        cache.set(1, for: key("a"))
        cache.set(-1, for: key("a"))
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(cache.value(for: key("a")), -1)
    }

    func testKeysDifferByLengthAndByEveryByte() {
        // Same leading bytes, different tails and lengths: the cases a sloppy hash gets wrong.
        let texts = ["x", "x\0", "x\0\0", "abcdefgh", "abcdefgi", "abcdefgh1", "bacdefgh"]
        let keys = Set(texts.map(key))
        XCTAssertEqual(keys.count, texts.count)
    }

    func testEmptyBytesAreNeverRemembered() {
        var cache = SeriesCache()
        cache.set(7, for: key(""))
        XCTAssertEqual(cache.count, 0)
        XCTAssertNil(cache.value(for: key("")))
    }
}
