extension Theme {
    /// The dark default theme, compiled in so that a binary copied alone somewhere still has
    /// it; it is also what theme files fall back to for the keys they leave out.
    public static let builtInDefault: Theme = {
        do {
            return try ThemeFile.parse(builtInDefaultYAML, file: "default.yaml (built in)",
                                       base: Theme(name: "default"))
        } catch {
            fatalError("the built-in default theme is broken: \(error)")
        }
    }()

    /// A copy of `themes/default.yaml`, kept the same by a test.
    static let builtInDefaultYAML = """
    # meshtop's default theme, for dark terminal backgrounds.
    # The roles use the terminal's own ANSI colours, so they look the same on 8, 16 and 256
    # colours and follow the terminal's palette; the graph uses the 256-colour palette and
    # degrades to the nearest ANSI colours. meshtop has this file compiled in, for a binary
    # that finds no themes directory (Sources/MeshTUI/Theme+Default.swift; a test keeps the two
    # the same).
    name: default
    colors:
      normal: default
      header: cyan
      ok: green
      warn: yellow
      error: red
      muted: {dim: true}
      selection: {reverse: true}
      border: blue
      graph: ["#0087af", "#00afaf", "#00af87", "#00af00", "#87af00", "#d7af00", "#d78700", "#d75f00"]

    """
}
