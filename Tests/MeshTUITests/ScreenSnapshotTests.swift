import MeshTUI
import XCTest

/// The snapshot file format: layers, look letters, wide characters, escaping, and the diff.
final class ScreenSnapshotTests: XCTestCase {
    private var grid: CellGrid {
        var grid = CellGrid(width: 6, height: 3)
        grid.put("ok", x: 0, y: 0, style: Style(.good))
        grid.put("网", x: 3, y: 0, style: .header)
        grid.put("bad", x: 0, y: 1, style: Style(.bad, bold: true).selected)
        grid.put("s", x: 4, y: 1, style: Style().selected)
        grid.put("u", x: 5, y: 1, style: Style(underline: true))
        grid.put("~", x: 0, y: 2, style: Style(.graph(9)))
        grid.put("d", x: 1, y: 2, style: Style(.dim, bold: true))
        return grid
    }

    func testLayersWithColours() {
        let text = ScreenSnapshot.text(of: grid, named: "t", colors: true)
        XCTAssertTrue(text.hasPrefix("# Snapshot t: 6x3 cells, with colours.\n"), text)
        XCTAssertTrue(text.hasSuffix("\n\n|ok 网\n|bad su\n|~d\n\n|gg.H~.\n|bbb.s.\n|7d....\n"), text)
    }

    func testLayersWithoutColours() {
        let text = ScreenSnapshot.text(of: grid, named: "t", colors: false)
        XCTAssertTrue(text.hasPrefix("# Snapshot t: 6x3 cells, without colours (NO_COLOR).\n"), text)
        XCTAssertTrue(text.hasSuffix("\n\n|...b~.\n|RRR.ru\n|.D....\n"), text)
    }

    func testControlCharactersAndBackslashesAreSpelledOut() {
        XCTAssertEqual(ScreenSnapshot.escaped("a\u{1b}[2J\u{07}\\\u{202E}b"), "a\\x1b[2J\\x07\\\\\\u{202e}b")
    }

    func testDiffShowsTheDifferingLinesWithTheirNumbers() {
        XCTAssertEqual(snapshotDiff("a\nb\nc\n", "a\nB\nc\n"), "@@ line 2 @@\n-b\n+B")
        XCTAssertEqual(snapshotDiff("a\n", "a\nb\n"), "@@ line 2 @@\n-\n+b\n@@ line 3 @@\n+")
        XCTAssertEqual(snapshotDiff("a\nb", "a"), "@@ line 2 @@\n-b")
        XCTAssertEqual(snapshotDiff("1\n2\n3", "x\ny\nz", limit: 2), "@@ line 1 @@\n-1\n+x\n@@ line 2 @@\n-2\n+y\n"
                       + "(1 more differing lines)")
    }
}
