@testable import MeshTUI
import XCTest

/// The repository's `themes/` directory, found from this file.
let shippedThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("themes").path

final class ThemeFileTests: XCTestCase {
    private let levels = (0..<UInt8(Style.Role.graphLevels)).map(Style.Role.graph)

    func testEveryShippedThemeLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: shippedThemes).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(files.sorted(), ["colorblind.yaml", "default.yaml", "high-contrast.yaml", "light.yaml", "mono.yaml"])
        for file in files {
            let theme = try ThemeFile.load(path: shippedThemes + "/" + file)
            XCTAssertEqual(theme.name + ".yaml", file, "a theme's name is its file's")
        }
    }

    func testTheBuiltInDefaultIsACopyOfTheShippedOne() throws {
        let path = shippedThemes + "/default.yaml"
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), Theme.builtInDefaultYAML)
        XCTAssertEqual(try ThemeFile.load(path: path), Theme.builtInDefault)
        let theme = Theme.builtInDefault
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(theme[.header], ThemeLook(.indexed(6)))
        XCTAssertEqual(theme[.good], ThemeLook(.indexed(2)))
        XCTAssertEqual(theme[.warn], ThemeLook(.indexed(3)))
        XCTAssertEqual(theme[.bad], ThemeLook(.indexed(1)))
        XCTAssertEqual(theme[.dim], ThemeLook(.default, on: .default, .dim))
        XCTAssertEqual(theme[.selected], ThemeLook(.default, on: .default, .reverse))
        XCTAssertEqual(theme[.graph(0)], ThemeLook(.rgb(red: 0, green: 0x87, blue: 0xAF)))
        XCTAssertEqual(theme[.graph(7)], ThemeLook(.rgb(red: 0xD7, green: 0x5F, blue: 0)))
        XCTAssertEqual(theme[.graph(200)], theme[.graph(7)], "levels above the top are the top")
    }

    func testTheMonoThemeHasNoColours() throws {
        let theme = try ThemeFile.load(path: shippedThemes + "/mono.yaml")
        for role in Style.Role.allCases {
            XCTAssertEqual(theme[role].foreground, .default, "\(role)")
            XCTAssertEqual(theme[role].background, .default, "\(role)")
        }
        XCTAssertEqual(theme[.selected].attributes, .reverse)
    }

    /// Good is blue, never red or green, and nothing is green: good against bad is never told
    /// apart by red against green, on any terminal.
    func testTheColorblindThemeHasNoRedGreenContrast() throws {
        let theme = try ThemeFile.load(path: shippedThemes + "/colorblind.yaml")
        let reds: Set<ThemeColor> = [.indexed(1), .indexed(9)], greens: Set<ThemeColor> = [.indexed(2), .indexed(10)]
        for depth in [ColorDepth.eight, .sixteen] {
            let good = theme[.good].foreground.degraded(to: depth)
            XCTAssertFalse(reds.union(greens).contains(good), "good is \(good) on \(depth)")
            for role in [Style.Role.warn, .bad] {
                XCTAssertFalse(greens.contains(theme[role].foreground.degraded(to: depth)), "\(role) on \(depth)")
            }
        }
        XCTAssertEqual(theme[.good].foreground, ThemeColor("#56b4e9"), "Okabe–Ito sky blue")
        XCTAssertEqual(theme[.bad].foreground, ThemeColor("#d55e00"), "Okabe–Ito vermillion")
    }

    /// Good, warn and bad must look different from one another in every shipped theme on
    /// every terminal, even where colours collapse to the 8 ANSI ones.
    func testHealthRolesStayApartOnEveryDepth() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: shippedThemes) where file.hasSuffix(".yaml") {
            let theme = try ThemeFile.load(path: shippedThemes + "/" + file)
            for depth in [ColorDepth.eight, .sixteen, .palette256] {
                let looks = [Style.Role.good, .warn, .bad].map { role in
                    let look = theme[role]
                    return ThemeLook(look.foreground.degraded(to: depth), on: look.background.degraded(to: depth),
                                     look.attributes)
                }
                XCTAssertEqual(Set(looks).count, 3, "\(file) on \(depth)")
            }
        }
    }

    func testAColourAloneIsTheForeground() throws {
        let theme = try ThemeFile.parse("colors: {ok: bright-green, warn: 214, error: \"#FF0000\"}", file: "t.yaml")
        XCTAssertEqual(theme[.good], ThemeLook(.indexed(10)))
        XCTAssertEqual(theme[.warn], ThemeLook(.indexed(214)))
        XCTAssertEqual(theme[.bad], ThemeLook(.rgb(red: 255, green: 0, blue: 0)))
    }

    func testALookSetsColoursAndAttributes() throws {
        let theme = try ThemeFile.parse("""
            colors:
              selection: {fg: black, bg: "#5fafff", bold: true, dim: false, reverse: true, underline: true}
              border: {}
            """, file: "t.yaml")
        XCTAssertEqual(theme[.selected], ThemeLook(.indexed(0), on: .rgb(red: 0x5F, green: 0xAF, blue: 0xFF),
                                                   [.bold, .reverse, .underline]))
        XCTAssertEqual(theme[.border], ThemeLook(), "an empty look is the terminal's own colours")
    }

    func testKeysLeftOutFallBackToTheBase() throws {
        let theme = try ThemeFile.parse("colors: {ok: blue}", file: "/home/me/.config/meshtop/themes/mine.yaml")
        XCTAssertEqual(theme.name, "mine", "the file's name without .yaml")
        XCTAssertEqual(theme[.good], ThemeLook(.indexed(4)))
        for role in Style.Role.allCases where role != .good {
            XCTAssertEqual(theme[role], Theme.builtInDefault[role], "\(role)")
        }
        XCTAssertEqual(try ThemeFile.parse("name: Mine", file: "x.yaml", base: Theme(name: "plain"))[.bad], ThemeLook())
        XCTAssertEqual(try ThemeFile.parse("name: Mine", file: "x.yaml").name, "Mine")
        XCTAssertEqual(try ThemeFile.parse("{}", file: "x.yaml"), { var t = Theme.builtInDefault; t.name = "x"; return t }())
    }

    func testAShortGraphIsSpreadOverTheLevels() throws {
        let three = try ThemeFile.parse("colors: {graph: [blue, green, red]}", file: "t.yaml")
        XCTAssertEqual(levels.map { three[$0].foreground.description },
                       ["blue", "blue", "blue", "green", "green", "green", "red", "red"])
        let one = try ThemeFile.parse("colors: {graph: [{bold: true}]}", file: "t.yaml")
        XCTAssertEqual(Set(levels.map { one[$0] }), [ThemeLook(.default, on: .default, .bold)])
        let eight = try ThemeFile.parse("colors: {graph: [0, 1, 2, 3, 4, 5, 6, 7]}", file: "t.yaml")
        XCTAssertEqual(levels.map { eight[$0].foreground }, (0..<8).map(ThemeColor.indexed))
    }

    func testTheExampleInTheREADMEIsAValidTheme() throws {
        let readme = try String(contentsOfFile: shippedThemes + "/README.md", encoding: .utf8)
        let example = try XCTUnwrap(readme.components(separatedBy: "```yaml\n# my-theme.yaml\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let theme = try ThemeFile.parse(example, file: "my-theme.yaml")
        XCTAssertEqual(theme[.bad], ThemeLook(.indexed(15), on: .indexed(1), .bold))
        XCTAssertEqual(theme[.graph(7)], ThemeLook(.indexed(1)))
    }
}
