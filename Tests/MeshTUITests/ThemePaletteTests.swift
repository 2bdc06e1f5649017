@testable import MeshTUI
import XCTest

/// How a theme becomes ncurses colour pairs on terminals of each depth.
final class ThemePaletteTests: XCTestCase {
    func testTheDefaultThemeOnEightColours() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .eight, maxPairs: 63)
        let pair = { (fg: Int32, bg: Int32) in TerminalPalette.ColorPair(foreground: fg, background: bg) }
        // header cyan, ok green, warn yellow, error red, border blue, then the graph's cyan, green, yellow, red.
        XCTAssertEqual(palette.pairs, [pair(6, -1), pair(2, -1), pair(3, -1), pair(1, -1), pair(4, -1)])
        XCTAssertEqual([.normal, .header, .bad, .dim, .selected].map(palette.pair), [0, 1, 4, 0, 0])
        XCTAssertEqual((0..<8).map { palette.pair(for: .graph($0)) }, [1, 1, 1, 2, 3, 3, 3, 4],
                       "the graph shares the roles' pairs")
    }

    func testTheGraphGetsItsOwnPairsOn256Colours() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .palette256, maxPairs: 255)
        XCTAssertEqual(palette.pairs.count, 13)
        XCTAssertEqual((0..<8).map { palette.pairs[Int(palette.pair(for: .graph($0))) - 1].foreground },
                       [31, 37, 36, 34, 106, 178, 172, 166])
    }

    func testWithoutColoursEveryRoleHasTheTerminalsColours() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: nil, maxPairs: 0)
        XCTAssertEqual(palette.pairs, [])
        XCTAssertEqual(Style.Role.allCases.map(palette.pair), Array(repeating: 0, count: Style.Role.allCases.count))
    }

    func testPairsRunOutGracefully() {
        let palette = TerminalPalette(theme: .builtInDefault, depth: .palette256, maxPairs: 2)
        XCTAssertEqual(palette.pairs.count, 2)
        XCTAssertEqual(palette.pair(for: .good), 2)
        XCTAssertEqual(palette.pair(for: .warn), 0, "no room: the terminal's own colours")
    }

    func testWithoutTerminalDefaultsDefaultIsWhiteOnBlack() throws {
        let theme = try ThemeFile.parse("colors: {normal: default, ok: green, error: {bg: red}}", file: "t.yaml")
        let palette = TerminalPalette(theme: theme, depth: .sixteen, maxPairs: 63, terminalDefaults: false)
        XCTAssertEqual(palette.pair(for: .normal), 0)
        XCTAssertEqual(palette.pairs[Int(palette.pair(for: .good)) - 1], .init(foreground: 2, background: 0))
        XCTAssertEqual(palette.pairs[Int(palette.pair(for: .bad)) - 1], .init(foreground: 7, background: 1))
    }
}
