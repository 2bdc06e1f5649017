import MeshTUI
import XCTest

final class DashboardContextTests: XCTestCase {
    func testDurationsReadAsOnTheCommandLine() {
        XCTAssertEqual(DashboardContext.duration(500), "500ms")
        XCTAssertEqual(DashboardContext.duration(2000), "2s")
        XCTAssertEqual(DashboardContext.duration(1500), "1.5s")
        XCTAssertEqual(DashboardContext.duration(1050), "1.05s")
        XCTAssertEqual(DashboardContext.duration(60_000), "1m")
        XCTAssertEqual(DashboardContext.duration(90_000), "1m30s")
        XCTAssertEqual(DashboardContext.duration(3_600_000), "1h")
    }

    func testClockIsUTC() {
        XCTAssertEqual(DashboardContext.clock(1_700_000_000_000), "22:13:20 UTC")
        XCTAssertEqual(DashboardContext.clock(0), "00:00:00 UTC")
        XCTAssertEqual(DashboardContext.clock(86_399_999), "23:59:59 UTC")
    }
}
