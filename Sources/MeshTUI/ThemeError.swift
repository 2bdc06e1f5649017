/// Why a theme couldn't be used, naming the file, the key and what is allowed there:
/// `themes/x.yaml: colors.ok.fg: "gren" is not a colour (allowed: default, black, …)`.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The theme or config file, if the problem is in one.
    public var file: String?
    /// Where in the file (`colors.ok.fg`), or which setting (`--theme`), if any.
    public var key: String?
    /// What is wrong, and what is allowed.
    public var problem: String

    /// An error about `key` in `file`.
    public init(file: String?, key: String? = nil, _ problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    /// `file: key: problem`, leaving out what is nil.
    public var description: String {
        [file, key, problem].compactMap { $0 }.joined(separator: ": ")
    }
}
