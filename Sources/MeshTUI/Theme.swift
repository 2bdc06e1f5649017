/// A colour theme: how each ``Style/Role`` looks, in colours that the terminal degrades to
/// what it has (see ``ColorDepth``).
///
/// Themes are usually read from YAML files (``ThemeFile``, documented in `themes/README.md`)
/// and chosen with ``ThemeSelection``; ``builtInDefault`` is the dark default compiled in.
public struct Theme: Hashable, Sendable {
    /// The theme's name, as given in its file or taken from the file's name.
    public var name: String
    /// One look for each role, in the order of `Style.Role.allCases`.
    private var looks: [ThemeLook]

    /// A theme named `name` in which every role has the terminal's own colours, plain.
    public init(name: String) {
        self.name = name
        looks = Array(repeating: ThemeLook(), count: Style.Role.allCases.count)
    }

    /// The look of `role`; graph levels above the highest are the highest.
    public subscript(role: Style.Role) -> ThemeLook {
        get { looks[role.index] }
        set { looks[role.index] = newValue }
    }
}
