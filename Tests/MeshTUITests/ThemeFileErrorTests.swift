import MeshTUI
import XCTest

/// Broken theme files, each with the exact error a user sees.
final class ThemeFileErrorTests: XCTestCase {
    private let colours = "default, black, red, green, yellow, blue, magenta, cyan, white, bright-black, bright-red, "
        + "bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, bright-white, 0-255, #rrggbb"
    private let roles = "normal, header, ok, warn, error, muted, selection, border, graph"
    private let look = "a colour, or a mapping of fg, bg, bold, dim, reverse, underline"

    func testBadColours() {
        assertError("colors: {ok: {fg: gren}}",
                    "themes/x.yaml: colors.ok.fg: \"gren\" is not a colour (allowed: \(colours))")
        assertError("colors: {ok: gren}", "themes/x.yaml: colors.ok: \"gren\" is not a colour (allowed: \(colours))")
        assertError("colors: {ok: {bg: 256}}", "themes/x.yaml: colors.ok.bg: \"256\" is not a colour (allowed: \(colours))")
        assertError("colors: {ok: {fg: \"#12345\"}}",
                    "themes/x.yaml: colors.ok.fg: \"#12345\" is not a colour (allowed: \(colours))")
        assertError("colors: {graph: [blue, bleu]}",
                    "themes/x.yaml: colors.graph[1]: \"bleu\" is not a colour (allowed: \(colours))")
    }

    func testAnUnquotedHexColourIsAComment() {
        assertError("colors:\n  ok:\n    fg: #ff0000\n",
                    "themes/x.yaml: colors.ok.fg: an empty value is not a colour (allowed: \(colours)); "
                    + "write \"#rrggbb\" in quotes, as # starts a comment")
    }

    func testUnknownKeys() {
        assertError("name: x\ncolours: {}", "themes/x.yaml: colours: unknown key (allowed: name, colors)")
        assertError("colors: {okay: green}", "themes/x.yaml: colors.okay: unknown key (allowed: \(roles))")
        assertError("colors: {ok: {fg: green, italic: true}}",
                    "themes/x.yaml: colors.ok.italic: unknown key (allowed: fg, bg, bold, dim, reverse, underline)")
        assertError("colors: {graph: [{fg: blue, blink: true}]}",
                    "themes/x.yaml: colors.graph[0].blink: unknown key (allowed: fg, bg, bold, dim, reverse, underline)")
    }

    func testWrongTypes() {
        assertError("colors: {ok: {bold: yes please}}",
                    "themes/x.yaml: colors.ok.bold: \"yes please\" is not a boolean (allowed: true, false)")
        assertError("colors: {ok: {bold: \"true\"}}",
                    "themes/x.yaml: colors.ok.bold: \"true\" is not a boolean (allowed: true, false)")
        assertError("colors: [ok, green]", "themes/x.yaml: colors: a list is not a mapping (allowed: \(roles))")
        assertError("colors: {ok: [green]}", "themes/x.yaml: colors.ok: a list is not a look (allowed: \(look))")
        assertError("colors: {ok: }", "themes/x.yaml: colors.ok: an empty value is not a look (allowed: \(look))")
        assertError("colors: {ok: {fg: [green]}}",
                    "themes/x.yaml: colors.ok.fg: a list is not a colour (allowed: \(colours))")
        assertError("name: [a, b]", "themes/x.yaml: name: a list is not a name")
        assertError("- name: x", "themes/x.yaml: a list is not a mapping (allowed: name, colors)")
    }

    func testGraphs() {
        let allowed = "allowed: a list of 1 to 8 looks, each \(look)"
        assertError("colors: {graph: blue}", "themes/x.yaml: colors.graph: \"blue\" is not a list (\(allowed))")
        assertError("colors: {graph: []}", "themes/x.yaml: colors.graph: a list of 0 is not allowed (\(allowed))")
        assertError("colors: {graph: [1, 2, 3, 4, 5, 6, 7, 8, 9]}",
                    "themes/x.yaml: colors.graph: a list of 9 is not allowed (\(allowed))")
    }

    func testYAMLSyntaxErrorsNameTheLine() {
        assertError("name: x\ncolors:\n  ok: {fg: green\n  warn: yellow\n",
                    "themes/x.yaml: line 4, column 7: not valid YAML: did not find expected ',' or '}' "
                    + "(while parsing a flow mapping at line 3, column 7)")
        assertError("name: x\ncolors:\n  ok: green\n   warn: yellow\n",
                    "themes/x.yaml: line 4, column 8: not valid YAML: mapping values are not allowed in this context")
        assertError("colors:\n  ok: green\n  ok: red\n", "themes/x.yaml: line 2: key ok given twice")
    }

    func testAnEmptyFileIsNotATheme() {
        assertError("# nothing yet\n", "themes/x.yaml: the file is empty (allowed: a mapping of name, colors)")
    }

    func testMissingFiles() {
        let directory = NSTemporaryDirectory() + "meshtop-theme-errors-\(getpid())"
        XCTAssertNoThrow(try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        XCTAssertThrowsError(try ThemeFile.load(path: directory + "/none.yaml")) {
            XCTAssertEqual("\($0)", "\(directory)/none.yaml: no such file")
        }
        XCTAssertThrowsError(try ThemeFile.load(path: directory)) {
            XCTAssertEqual("\($0)", "\(directory): is a directory, not a YAML file")
        }
    }

    private func assertError(_ yaml: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ThemeFile.parse(yaml, file: "themes/x.yaml"), file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }
}
