@testable import MeshModel
import XCTest

final class ScrapeValuesTests: XCTestCase {
    /// Every value comes back bit for bit, whether it fits a Float or not.
    func testValuesComeBackExactly() {
        let values: [Double] = [1, .nan, 16_777_217, 0.1, .infinity, -0, 1e300, 42, 3_000_000_000.5, -7.25, .nan]
        let stored = ScrapeValues(values)
        for (slot, value) in values.enumerated() {
            if value.isNaN {
                XCTAssertTrue(stored[slot].isNaN, "slot \(slot)")
            } else {
                XCTAssertEqual(stored[slot].bitPattern, value.bitPattern, "slot \(slot): \(stored[slot]) for \(value)")
            }
        }
        XCTAssertTrue(stored[values.count].isNaN, "a slot the scrape didn't have")
        XCTAssertTrue(stored[1_000].isNaN)
    }

    func testANaNWithAPayloadIsStillNoValue() {
        let payload = Double(nan: 1 << 29, signaling: false)
        XCTAssertTrue(ScrapeValues([payload, 5])[0].isNaN)
        XCTAssertEqual(ScrapeValues([payload, 5])[1], 5)
    }
}
