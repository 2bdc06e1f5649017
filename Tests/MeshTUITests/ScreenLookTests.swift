@testable import MeshTUI
import XCTest

/// How a style is resolved to colours and attributes, with colours and without.
final class ScreenLookTests: XCTestCase {
    func testWithColoursRolesHaveTheThemesColoursAndAttributes() {
        let theme = Theme.builtInDefault
        let bad = ScreenLook(Style(.bad), colors: true, theme: theme)
        XCTAssertEqual(bad.colors, .init(foreground: .indexed(1), background: .default))
        XCTAssertEqual(bad.attributes, [])
        XCTAssertEqual(ScreenLook(Style(.dim), colors: true, theme: theme).attributes, .dim)
        XCTAssertEqual(ScreenLook(Style(.selected), colors: true, theme: theme).attributes, .reverse)
        XCTAssertEqual(ScreenLook(Style(.header), colors: true, theme: theme).attributes, [], "colour is enough")
    }

    func testWithoutColoursRolesKeepTheirMeaningByAttributes() {
        let table: [(Style.Role, TextAttributes)] = [
            (.normal, []), (.header, .bold), (.good, []), (.warn, .bold), (.bad, .bold), (.dim, .dim),
            (.selected, .reverse), (.border, []), (.graph(3), []),
        ]
        for (role, attributes) in table {
            let look = ScreenLook(Style(role), colors: false, theme: .builtInDefault)
            XCTAssertNil(look.colors, "\(role)")
            XCTAssertEqual(look.attributes, attributes, "\(role)")
        }
    }

    func testTheStylesOwnAttributesAreKept() {
        let style = Style(.good, underline: true).selected
        XCTAssertEqual(ScreenLook(style, colors: true, theme: .builtInDefault).attributes, [.reverse, .underline])
        XCTAssertEqual(ScreenLook(style, colors: false, theme: .builtInDefault).attributes, [.reverse, .underline])
    }

    func testThemeAttributesStayWithoutColours() throws {
        let theme = try ThemeFile.parse("colors: {ok: {fg: green, underline: true}, warn: {fg: yellow, dim: true}}",
                                        file: "t.yaml")
        XCTAssertEqual(ScreenLook(Style(.good), colors: false, theme: theme).attributes, .underline)
        XCTAssertEqual(ScreenLook(Style(.warn), colors: false, theme: theme).attributes, [.bold, .dim])
    }
}
