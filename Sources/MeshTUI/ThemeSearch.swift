import Foundation

/// Where meshtop looks for theme files and its config file, worked out once from the
/// environment, the executable's path and the current directory (all injectable for tests).
///
/// A theme `NAME` is the file `NAME.yaml` in the first of ``directories`` that has it:
/// 1. the user's `$XDG_CONFIG_HOME/meshtop/themes` (or `~/.config/meshtop/themes`);
/// 2. an installation's `<executable's directory>/../share/meshtop/themes`;
/// 3. a checkout's `themes/`: the nearest directory holding `Package.swift` and `themes/`,
///    walking up from the executable's directory (`swift run`, `.build/release/meshtop`) and
///    then from the current directory.
public struct ThemeSearch: Hashable, Sendable {
    /// `$XDG_CONFIG_HOME/meshtop`, else `$HOME/.config/meshtop`; nil when neither is set.
    public var configDirectory: String?
    /// The directories searched for `NAME.yaml`, in order; only found checkouts are listed.
    public var directories: [String]
    /// What relative theme paths are relative to.
    public var currentDirectory: String

    /// The places for a process with this environment, executable and current directory.
    /// `XDG_CONFIG_HOME` counts only when it is an absolute path, as the XDG spec says.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String = ThemeSearch.runningExecutablePath(),
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.currentDirectory = currentDirectory
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            configDirectory = Self.join(xdg, "meshtop")
        } else if let home = environment["HOME"], !home.isEmpty {
            configDirectory = Self.join(home, ".config/meshtop")
        }
        let executableDirectory = Self.parent(executablePath)
        directories = (configDirectory.map { [Self.join($0, "themes")] } ?? [])
            + [Self.join(Self.parent(executableDirectory), "share/meshtop/themes")]
        for start in [executableDirectory, currentDirectory] {
            if let checkout = Self.checkout(above: start), !directories.contains(checkout) {
                directories.append(checkout)
            }
        }
    }

    /// `config.yaml` in the config directory, whether or not it exists.
    public var configFile: String? { configDirectory.map { Self.join($0, "config.yaml") } }

    /// The file of the theme called `name`, if any directory has one.
    public func path(forName name: String) -> String? {
        directories.lazy.map { Self.join($0, name + ".yaml") }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The file of the theme called `name` in the user's own themes directory, if there is one.
    public func userPath(forName name: String) -> String? {
        configDirectory.map { Self.join(Self.join($0, "themes"), name + ".yaml") }
            .flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// The names of the themes in all directories, and `default` (which is built in), sorted.
    public func names() -> [String] {
        let files = directories.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
        return Set(files.filter { $0.hasSuffix(".yaml") }.map(Self.themeName(ofFile:)) + ["default"]).sorted()
    }

    /// The running executable's path with symbolic links resolved, so an installed binary
    /// reached through a link in `bin/` finds its own `share/`.
    public static func runningExecutablePath() -> String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath().path
    }

    /// Whether a `--theme` value is a path rather than a name: it has a `/` or ends in `.yaml`.
    static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".yaml")
    }

    /// A theme file's default name: its file name without the directory and `.yaml`.
    static func themeName(ofFile file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }

    /// `path` if absolute, else `path` under `directory`.
    static func join(_ directory: String, _ path: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }

    /// The directory that holds `path`; `/` for `/` itself.
    private static func parent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return "/" + parts.dropLast().joined(separator: "/")
    }

    /// The `themes` directory of the nearest checkout at or above `directory`.
    private static func checkout(above directory: String) -> String? {
        var directory = directory
        while true {
            var isDirectory: ObjCBool = false
            let themes = join(directory, "themes")
            if FileManager.default.fileExists(atPath: join(directory, "Package.swift")),
               FileManager.default.fileExists(atPath: themes, isDirectory: &isDirectory), isDirectory.boolValue {
                return themes
            }
            if directory == "/" { return nil }
            directory = parent(directory)
        }
    }
}
