import Foundation

/// meshtop's optional config file, `config.yaml` in ``ThemeSearch/configDirectory``:
///
/// ```yaml
/// theme: light        # a theme name, or a path to a .yaml file (relative to this directory)
/// ```
struct UserConfig: Equatable {
    /// The theme to use when neither `--theme` nor `MESHTOP_THEME` names one.
    var theme: String?

    /// The keys a config file may have.
    static let keys = ["theme"]

    /// Reads the config file at `path`; nil when there is none.
    ///
    /// - Throws: ``ThemeError`` for a file that exists but is not a valid config.
    static func load(path: String) throws(ThemeError) -> UserConfig? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try parse(ThemeYAML.read(path), file: path)
    }

    /// Reads a config file's text; `file` names it in errors. An empty file sets nothing.
    static func parse(_ text: String, file: String) throws(ThemeError) -> UserConfig {
        let yaml = ThemeYAML(file: file)
        var config = UserConfig()
        guard let root = try yaml.compose(text) else { return config }
        for entry in try yaml.entries(of: root, at: nil, allowed: keys) {
            config.theme = try yaml.text(entry.value, at: entry.path, expected: "a theme name or path")
        }
        return config
    }
}
