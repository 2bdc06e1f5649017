import Foundation
import MeshTUI
import XCTest

/// Compares `grid` with the snapshot file `Snapshots/<named>.txt` beside the test file (found
/// through `#filePath`, so it works in any checkout), in the format of ``ScreenSnapshot``.
///
/// When the file is missing or differs, `RECORD_SNAPSHOTS=1` in the environment writes it and
/// the assertion passes, saying so; otherwise it fails with the lines that differ and the
/// command that re-records. It never passes silently without a matching file.
func assertSnapshot(_ grid: CellGrid, named: String, colors: Bool, file: StaticString = #filePath,
                     line: UInt = #line) {
    let testFile = URL(fileURLWithPath: "\(file)")
    let url = testFile.deletingLastPathComponent().appendingPathComponent("Snapshots/\(named).txt")
    let actual = ScreenSnapshot.text(of: grid, named: named, colors: colors)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if expected == actual { return }
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            print("recorded snapshot \(url.path)")
        } catch {
            XCTFail("cannot record snapshot \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    let filter = "MeshTUITests." + testFile.deletingPathExtension().lastPathComponent
    let problem = expected.map { "snapshot \(named) differs from \(url.path):\n" + snapshotDiff($0, actual) }
        ?? "no snapshot \(named) at \(url.path)."
    XCTFail(problem + "\nIf the new screen is right, record it: RECORD_SNAPSHOTS=1 swift test --filter \(filter)",
            file: file, line: line)
}

/// The lines that differ between `expected` and `actual`, as `-`/`+` pairs under `@@ line N @@`,
/// the first `limit` of them.
func snapshotDiff(_ expected: String, _ actual: String, limit: Int = 6) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let differing = (0..<max(old.count, new.count)).filter { i in
        (i < old.count ? old[i] : nil) != (i < new.count ? new[i] : nil)
    }
    var out = differing.prefix(limit).map { i in
        (["@@ line \(i + 1) @@"] + (i < old.count ? ["-\(old[i])"] : []) + (i < new.count ? ["+\(new[i])"] : []))
            .joined(separator: "\n")
    }
    if differing.count > limit { out.append("(\(differing.count - limit) more differing lines)") }
    return out.joined(separator: "\n")
}

/// One way a view is snapshotted: a screen size, a glyph set and a colour mode.
struct SnapshotVariant {
    var width: Int
    var height: Int
    var glyphs: Glyphs
    var colors: Bool

    /// `80x24-unicode-color`: how the variant's snapshot names end.
    var suffix: String {
        "\(width)x\(height)-\(glyphs == .unicode ? "unicode" : "ascii")-\(colors ? "color" : "nocolor")"
    }

    /// 80×24, 40×12 and 200×60, each in Unicode and ASCII, each with colours and without.
    static let matrix: [SnapshotVariant] = [(80, 24), (40, 12), (200, 60)].flatMap { width, height in
        [Glyphs.unicode, .ascii].flatMap { glyphs in
            [true, false].map { SnapshotVariant(width: width, height: height, glyphs: glyphs, colors: $0) }
        }
    }
}

/// Asserts a snapshot `<name>-<variant>` of the grid `render` draws for each variant of
/// ``SnapshotVariant/matrix``: adding a view's twelve snapshots is one call.
func snapshotMatrix(name: String, file: StaticString = #filePath, line: UInt = #line,
                    render: (_ width: Int, _ height: Int, _ glyphs: Glyphs) -> CellGrid) {
    for variant in SnapshotVariant.matrix {
        assertSnapshot(render(variant.width, variant.height, variant.glyphs), named: "\(name)-\(variant.suffix)",
                       colors: variant.colors, file: file, line: line)
    }
}
