import Foundation

/// Chooses the theme and whether to use colours, from the command line, the environment and
/// the config file.
///
/// The theme is the first of: `--theme NAME|PATH`, `MESHTOP_THEME`, `theme:` in the config
/// file, `default`. A value with a `/` or ending in `.yaml` is a path (relative to the current
/// directory, or to the config file's directory for the config's `theme:`); anything else is a
/// name looked up as ``ThemeSearch`` says. `default` is built in, so it is always found.
public enum ThemeSelection {
    /// The theme to draw with.
    ///
    /// - Parameters:
    ///   - option: the `--theme` value, if given.
    ///   - environment: for `MESHTOP_THEME` (an empty one counts as unset) and for `search`.
    ///   - search: where to look; by default worked out from `environment` and this process.
    /// - Throws: ``ThemeError`` for an unknown name (listing the themes found and where), a
    ///   missing file, or a broken theme or config file.
    public static func theme(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                             search: ThemeSearch? = nil) throws(ThemeError) -> Theme {
        let search = search ?? ThemeSearch(environment: environment)
        if let option {
            return try theme(option, from: (nil, "--theme"), relativeTo: search.currentDirectory, search: search)
        }
        if let value = environment["MESHTOP_THEME"], !value.isEmpty {
            return try theme(value, from: (nil, "MESHTOP_THEME"), relativeTo: search.currentDirectory, search: search)
        }
        if let file = search.configFile, let directory = search.configDirectory,
           let value = try UserConfig.load(path: file)?.theme {
            return try theme(value, from: (file, "theme"), relativeTo: directory, search: search)
        }
        return try theme("default", from: (nil, "default"), relativeTo: search.currentDirectory, search: search)
    }

    /// Whether to draw in colour: not under `--no-color`, nor when `NO_COLOR` is set to
    /// anything but the empty string (no-color.org).
    public static func colorsAllowed(noColorFlag: Bool,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The theme `value` names; `source` says where the value came from, for errors.
    private static func theme(_ value: String, from source: (file: String?, key: String), relativeTo directory: String,
                              search: ThemeSearch) throws(ThemeError) -> Theme {
        if ThemeSearch.isPath(value) { return try ThemeFile.load(path: ThemeSearch.join(directory, value)) }
        // The shipped default is compiled in (a test keeps it equal to themes/default.yaml), so
        // a start with no theme chosen parses no YAML; a user's own default.yaml still wins.
        if value == "default", search.userPath(forName: value) == nil { return .builtInDefault }
        if let path = search.path(forName: value) { return try ThemeFile.load(path: path) }
        throw ThemeError(file: source.file, key: source.key,
                         "no theme named \"\(value)\" (found: \(search.names().joined(separator: ", ")); "
                         + "looked in: \(search.directories.joined(separator: ", ")))")
    }
}
