import ArgumentParser
import Foundation
import MeshTUI

/// How the live view looks: theme, colours, glyphs and mouse.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour theme: default, light, high-contrast, mono, colorblind, a theme in "
                               + "$XDG_CONFIG_HOME/meshtop/themes, or a .yaml path (also MESHTOP_THEME).", valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "No colours, only bold, dim and reverse (as NO_COLOR=1 does).")
    var noColor = false

    @Flag(help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Let the mouse select rows and scroll (off by default, so the terminal's own selection works).")
    var mouse = false

    /// The theme asked for, found and read; a usage error naming the file and key when broken.
    func resolvedTheme() throws -> Theme {
        do { return try ThemeSelection.theme(option: theme) } catch { throw UsageError("\(error)") }
    }

    /// Whether colours may be used.
    var colorsAllowed: Bool { ThemeSelection.colorsAllowed(noColorFlag: noColor) }
}
