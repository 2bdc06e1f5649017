import Foundation
import XCTest

/// The Tap and Top pages on the real binary in tmux over the demo, which taps through its own
/// API server: the live stream, the aggregation, and `t` on a workload.
final class TapTmuxTests: XCTestCase {
    override func setUpWithError() throws {
        if let missing = TmuxPane.missing { throw XCTSkip(missing) }
    }

    func testTheTapAndTopPagesStreamTheDemosRequests() throws {
        let pane = try TmuxPane(["--demo", "--topology", "emojivoto", "--scenario", "steady", "--interval", "1s"], width: 120, height: 35)
        defer { pane.close() }
        pane.waitForScreen(containing: "deployment/web")
        pane.press("5")
        let stream = pane.waitForScreen("the tap stream") { $0.contains("TAP ·") && $0.contains("web → emoji") }
        XCTAssertTrue(stream.contains("tapping ns/emojivoto"), stream)
        XCTAssertTrue(stream.contains("sample") || stream.contains("sampled"), "it says tap samples:\n\(stream)")
        pane.press("6")
        pane.waitForScreen("the top table") { $0.contains("TOP ·") && $0.contains("COUNT") && $0.contains("/api/emoji/") }
        pane.press("1")
        pane.waitForScreen(containing: "RPS TREND")
        pane.press("/", "v", "o", "t", "i", "n", "g", "Enter")
        pane.waitForScreen(containing: "/voting  1/1")
        pane.press("t")
        pane.waitForScreen("the tap of voting") { $0.contains("tapping deploy/voting") && $0.contains("web → voting") }
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0, pane.screen())
    }
}
