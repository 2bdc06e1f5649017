import MeshTUI
import XCTest

final class ColumnSortTests: XCTestCase {
    func testNumbersWithoutDataLastEitherWayAndTiesKeepTheirOrder() {
        let rows: [(String, Double?)] = [("a", 2), ("b", nil), ("c", 1), ("d", 2), ("e", .nan), ("f", 3)]
        let sort = ColumnSort<(String, Double?)> { .number($0.1) }
        XCTAssertEqual(sort.sorted(rows, descending: false).map(\.0), ["c", "a", "d", "f", "b", "e"])
        XCTAssertEqual(sort.sorted(rows, descending: true).map(\.0), ["f", "a", "d", "c", "b", "e"])
    }

    func testText() {
        let rows = ["web", "emoji", "voting", "emoji"]
        let sort = ColumnSort<String> { .text($0) }
        XCTAssertEqual(sort.sorted(rows, descending: false), ["emoji", "emoji", "voting", "web"])
        XCTAssertEqual(sort.sorted(rows, descending: true), ["web", "voting", "emoji", "emoji"])
        XCTAssertEqual(sort.sorted([], descending: true), [])
    }
}
