@testable import MeshTUI
import XCTest

/// How a theme becomes ncurses colour pairs and attributes on terminals of each depth.
final class ThemePaletteTests: XCTestCase {
    func testTheDefaultThemeOnEightColours() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .eight, maxPairs: 63)
        let pair = { (fg: Int32, bg: Int32) in TerminalPalette.ColorPair(foreground: fg, background: bg) }
        // header cyan, ok green, warn yellow, error red, border blue, then the graph's cyan, green, yellow, red.
        XCTAssertEqual(palette.pairs, [pair(6, -1), pair(2, -1), pair(3, -1), pair(1, -1), pair(4, -1)])
        XCTAssertEqual(palette.entry(for: .normal), .init(pair: 0, attributes: []))
        XCTAssertEqual(palette.entry(for: .header), .init(pair: 1, attributes: []))
        XCTAssertEqual(palette.entry(for: .bad), .init(pair: 4, attributes: []))
        XCTAssertEqual(palette.entry(for: .dim), .init(pair: 0, attributes: .dim))
        XCTAssertEqual(palette.entry(for: .selected), .init(pair: 0, attributes: .reverse))
        XCTAssertEqual((0..<8).map { palette.entry(for: .graph($0)).pair }, [1, 1, 1, 2, 3, 3, 3, 4],
                       "the graph shares the roles' pairs")
    }

    func testTheGraphGetsItsOwnPairsOn256Colours() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .palette256, maxPairs: 255)
        XCTAssertEqual(palette.pairs.count, 13)
        XCTAssertEqual((0..<8).map { palette.pairs[Int(palette.entry(for: .graph($0)).pair) - 1].foreground },
                       [31, 37, 36, 34, 106, 178, 172, 166])
    }

    func testWithoutColoursRolesKeepTheirMeaningByAttributes() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: nil, maxPairs: 0)
        XCTAssertEqual(palette.pairs, [])
        let table: [(Style.Role, TextAttributes)] = [
            (.normal, []), (.header, .bold), (.good, []), (.warn, .bold), (.bad, .bold), (.dim, .dim),
            (.selected, .reverse), (.border, []), (.graph(3), []),
        ]
        for (role, attributes) in table {
            XCTAssertEqual(palette.entry(for: role), .init(pair: 0, attributes: attributes), "\(role)")
        }
    }

    func testThemeAttributesStayWithoutColours() throws {
        let theme = try ThemeFile.parse("colors: {ok: {fg: green, underline: true}, warn: {fg: yellow, dim: true}}",
                                        file: "t.yaml")
        let palette = TerminalPalette(theme: theme, depth: nil, maxPairs: 0)
        XCTAssertEqual(palette.entry(for: .good).attributes, .underline)
        XCTAssertEqual(palette.entry(for: .warn).attributes, [.bold, .dim])
    }

    func testPairsRunOutGracefully() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .palette256, maxPairs: 2)
        XCTAssertEqual(palette.pairs.count, 2)
        XCTAssertEqual(palette.entry(for: .good).pair, 2)
        XCTAssertEqual(palette.entry(for: .warn).pair, 0, "no room: the terminal's own colours")
    }

    func testWithoutTerminalDefaultsDefaultIsWhiteOnBlack() throws {
        let theme = try ThemeFile.parse("colors: {normal: default, ok: green, error: {bg: red}}", file: "t.yaml")
        let palette = TerminalPalette(theme: theme, depth: .sixteen, maxPairs: 63, terminalDefaults: false)
        XCTAssertEqual(palette.entry(for: .normal).pair, 0)
        XCTAssertEqual(palette.pairs[Int(palette.entry(for: .good).pair) - 1], .init(foreground: 2, background: 0))
        XCTAssertEqual(palette.pairs[Int(palette.entry(for: .bad).pair) - 1], .init(foreground: 7, background: 1))
    }
}
