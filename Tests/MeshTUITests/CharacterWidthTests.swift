import MeshTUI
import XCTest

final class CharacterWidthTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(CharacterWidth.of("a" as Character), 1)
        XCTAssertEqual(CharacterWidth.of("é" as Character), 1)
        XCTAssertEqual(CharacterWidth.of("→" as Character), 1)
        XCTAssertEqual(CharacterWidth.of("日" as Character), 2)
        XCTAssertEqual(CharacterWidth.of("한" as Character), 2)
        XCTAssertEqual(CharacterWidth.of("か" as Character), 2)
        XCTAssertEqual(CharacterWidth.of("Ａ" as Character), 2, "fullwidth")
        XCTAssertEqual(CharacterWidth.of("😀" as Character), 2)
        XCTAssertEqual(CharacterWidth.of("\u{200B}" as Character), 0, "zero width space")
        XCTAssertEqual(CharacterWidth.of("日本語 ok"), 9)
    }

    func testTruncateEndsInTheCutGlyph() {
        XCTAssertEqual(CharacterWidth.truncate("deployment/voting", width: 10, cut: "…"), "deploymen…")
        XCTAssertEqual(CharacterWidth.truncate("short", width: 10, cut: "…"), "short")
        XCTAssertEqual(CharacterWidth.truncate("日本語です", width: 6, cut: "~"), "日本~",
                       "a wide character never straddles")
        XCTAssertEqual(CharacterWidth.truncate("abc", width: 1, cut: "~"), "~")
    }
}
