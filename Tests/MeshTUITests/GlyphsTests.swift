import MeshTUI
import XCTest

final class GlyphsTests: XCTestCase {
    func testTheASCIISetIsASCII() {
        for glyph in Glyphs.ascii.all {
            XCTAssertTrue(glyph.allSatisfy(\.isASCII), glyph)
        }
        XCTAssertFalse(Glyphs.unicode.all.allSatisfy { $0.allSatisfy(\.isASCII) }, "the sets differ")
    }

    func testTheCutGlyphIsOneCell() {
        XCTAssertEqual(CharacterWidth.of(Glyphs.unicode.cut), 1)
        XCTAssertEqual(CharacterWidth.of(Glyphs.ascii.cut), 1)
        XCTAssertEqual(CharacterWidth.of(Glyphs.unicode.focus), CharacterWidth.of(Glyphs.ascii.focus))
    }

    func testTheSetFollowsTheLocalesEncoding() {
        XCTAssertEqual(Glyphs.forCodeset("UTF-8"), .unicode)
        XCTAssertEqual(Glyphs.forCodeset("utf8"), .unicode)
        XCTAssertEqual(Glyphs.forCodeset("ANSI_X3.4-1968"), .ascii, "what glibc reports for LANG=C")
        XCTAssertEqual(Glyphs.forCodeset("ISO-8859-1"), .ascii)
        XCTAssertEqual(Glyphs.forCodeset(""), .ascii)
    }
}
