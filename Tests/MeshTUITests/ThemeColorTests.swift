@testable import MeshTUI
import XCTest

final class ThemeColorTests: XCTestCase {
    func testColoursAreReadInTheFileSyntax() {
        let table: [(String, ThemeColor?)] = [
            ("default", .default), ("DEFAULT", .default),
            ("black", .indexed(0)), ("red", .indexed(1)), ("white", .indexed(7)),
            ("bright-black", .indexed(8)), ("bright-cyan", .indexed(14)), ("Bright-White", .indexed(15)),
            ("0", .indexed(0)), ("7", .indexed(7)), ("123", .indexed(123)), ("255", .indexed(255)), ("007", .indexed(7)),
            ("#000000", .rgb(red: 0, green: 0, blue: 0)), ("#FF8000", .rgb(red: 255, green: 128, blue: 0)),
            ("#0a0b0c", .rgb(red: 10, green: 11, blue: 12)),
            ("256", nil), ("-1", nil), ("+5", nil), ("1000", nil), ("", nil), ("gren", nil), ("brightred", nil),
            ("bright_red", nil), ("#fff", nil), ("#ff00000", nil), ("#gg0000", nil), ("#+f0000", nil), ("ff0000", nil),
            ("color(123)", nil), (" red", nil), ("１２", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(ThemeColor(text), expected, text)
        }
    }

    func testColoursAreWrittenBackInTheFileSyntax() {
        let table: [(ThemeColor, String)] = [
            (.default, "default"), (.indexed(1), "red"), (.indexed(9), "bright-red"), (.indexed(16), "16"),
            (.indexed(255), "255"), (.rgb(red: 10, green: 175, blue: 255), "#0aafff"),
        ]
        for (color, text) in table {
            XCTAssertEqual(color.description, text)
            XCTAssertEqual(ThemeColor(text), color, text)
        }
    }

    func testTheAllowedValuesNameEveryForm() {
        XCTAssertEqual(ThemeColor.allowedValues, "default, black, red, green, yellow, blue, magenta, cyan, white, "
                       + "bright-black, bright-red, bright-green, bright-yellow, bright-blue, bright-magenta, "
                       + "bright-cyan, bright-white, 0-255, #rrggbb")
    }

    func testTheDepthFollowsTheTerminalsColourCount() {
        let table: [(Int, ColorDepth?)] = [
            (0, nil), (-1, nil), (2, nil), (7, nil), (8, .eight), (15, .eight), (16, .sixteen), (88, .sixteen),
            (255, .sixteen), (256, .palette256), (32767, .palette256), (0x100_0000, .direct),
        ]
        for (colors, depth) in table {
            XCTAssertEqual(ColorDepth(colors: colors), depth, "\(colors) colours")
        }
    }

    /// Each row: a colour, then what it becomes on 256, 16 and 8 colours.
    func testColoursDegradeToWhatTheTerminalHas() {
        let table: [(String, String, String, String)] = [
            ("default", "default", "default", "default"),
            ("red", "red", "red", "red"),
            ("bright-red", "bright-red", "bright-red", "red"),
            ("bright-black", "bright-black", "bright-black", "black"),
            ("bright-white", "bright-white", "bright-white", "white"),
            // Palette entries: kept on 256, nearest ANSI colour (by xterm's values) on 16.
            ("16", "16", "black", "black"),
            ("196", "196", "bright-red", "red"),
            ("160", "160", "red", "red"),
            ("21", "21", "blue", "blue"),
            ("226", "226", "bright-yellow", "yellow"),
            ("231", "231", "bright-white", "white"),
            ("244", "244", "bright-black", "black"),
            // RGB: the nearest cube or grey entry on 256 (never 0-15, whose colours users change).
            ("#000000", "16", "black", "black"),
            ("#ffffff", "231", "bright-white", "white"),
            ("#ff0000", "196", "bright-red", "red"),
            ("#5f87af", "67", "bright-black", "black"),  // exactly a cube entry
            ("#d75f00", "166", "red", "red"),
            ("#808080", "244", "bright-black", "black"),  // exactly a grey entry
            ("#7f7f7f", "244", "bright-black", "black"),
            ("#080808", "232", "black", "black"),
            ("#eeeeee", "255", "white", "white"),
            ("#3a3a3a", "237", "black", "black"),  // grey ramp beats the cube's 59 (#5f5f5f)
            ("#5f5f5f", "59", "bright-black", "black"),  // the cube beats the ramp's 241 (#626262)
            ("#8a8a90", "245", "bright-black", "black"),  // near-grey: the ramp beats the cube's 102
            ("#56b4e9", "74", "bright-blue", "blue"),
            ("#0072b2", "25", "cyan", "cyan"),
            ("#e69f00", "178", "yellow", "yellow"),
            ("#f0e442", "221", "bright-yellow", "yellow"),
        ]
        for (text, on256, on16, on8) in table {
            let color = ThemeColor(text)!
            XCTAssertEqual(color.degraded(to: .palette256).description, on256, "\(text) on 256 colours")
            XCTAssertEqual(color.degraded(to: .sixteen).description, on16, "\(text) on 16 colours")
            XCTAssertEqual(color.degraded(to: .eight).description, on8, "\(text) on 8 colours")
        }
    }

    func testRGBDegradesToTheTrueNearestPaletteEntry() {
        // Against a search over all 240 cube and grey entries, for a grid of colours.
        for red in stride(from: 0, through: 255, by: 17) {
            for green in stride(from: 3, through: 255, by: 36) {
                for blue in stride(from: 7, through: 255, by: 31) {
                    let color = ThemeColor.rgb(red: UInt8(red), green: UInt8(green), blue: UInt8(blue))
                    guard case .indexed(let index) = color.degraded(to: .palette256) else { return XCTFail("\(color)") }
                    let best = (16...255).map { distance(XtermPalette.rgb(UInt8($0)), (red, green, blue)) }.min()!
                    XCTAssertEqual(distance(XtermPalette.rgb(index), (red, green, blue)), best, "\(color) → \(index)")
                }
            }
        }
    }

    func testThePaletteHasTheCubeAndTheGreyRamp() {
        let table: [(UInt8, Int, Int, Int)] = [
            (1, 205, 0, 0), (12, 92, 92, 255), (16, 0, 0, 0), (17, 0, 0, 95), (21, 0, 0, 255), (22, 0, 95, 0),
            (52, 95, 0, 0), (67, 95, 135, 175), (196, 255, 0, 0), (231, 255, 255, 255), (232, 8, 8, 8),
            (244, 128, 128, 128), (255, 238, 238, 238),
        ]
        for (index, red, green, blue) in table {
            let rgb = XtermPalette.rgb(index)
            XCTAssertEqual([rgb.red, rgb.green, rgb.blue], [red, green, blue], "entry \(index)")
        }
    }

    /// Each row: a colour and its ncurses colour number on 8, 16, 256 colours and a direct terminal.
    func testColourNumbersForNcurses() {
        let table: [(String, [Int32])] = [
            ("default", [-1, -1, -1, -1]),
            ("green", [2, 2, 2, 2]),
            ("bright-green", [2, 10, 10, 0x00FF00]),
            ("67", [0, 8, 67, 0x5F87AF]),
            ("#123456", [0, 0, 23, 0x123456]),
            ("#000000", [0, 0, 16, 0x000100]),  // never a palette number on a direct terminal
            ("#0000ff", [4, 4, 21, 0x0001FF]),
        ]
        let depths: [ColorDepth] = [.eight, .sixteen, .palette256, .direct]
        for (text, numbers) in table {
            XCTAssertEqual(depths.map { ThemeColor(text)!.number(on: $0) }, numbers, text)
        }
    }

    private func distance(_ a: XtermPalette.RGB, _ b: (Int, Int, Int)) -> Int {
        let (r, g, bl) = (a.red - b.0, a.green - b.1, a.blue - b.2)
        return r * r + g * g + bl * bl
    }
}
