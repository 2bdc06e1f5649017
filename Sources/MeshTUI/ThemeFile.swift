import Yams

/// Theme files: YAML with a `name` and `colors` keyed by meaning (format in `themes/README.md`):
///
/// ```yaml
/// name: default
/// colors:
///   ok: green                      # a colour alone is the foreground
///   error: {fg: red, bold: true}
///   graph: [blue, cyan, green, yellow]
/// ```
///
/// Every key is optional: a role the file leaves out looks as in the `base` theme (the dark
/// default), and the name defaults to the file's name without `.yaml`.
public enum ThemeFile {
    /// The keys under `colors` and the roles they set; `graph` sets the graph levels.
    private static let roleKeys: [(key: String, role: Style.Role)] = [
        ("normal", .normal), ("header", .header), ("ok", .good), ("warn", .warn), ("error", .bad),
        ("muted", .dim), ("selection", .selected), ("border", .border),
    ]
    /// The keys of a look besides `fg` and `bg`, and the attributes they set.
    private static let attributeKeys: [(key: String, attribute: TextAttributes)] =
        [("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline)]
    private static let lookKeys = ["fg", "bg"] + attributeKeys.map(\.key)
    private static let lookAllowed = "a colour, or a mapping of " + lookKeys.joined(separator: ", ")

    /// Reads the theme in `text`; `file` names it in errors and gives the default name.
    ///
    /// - Throws: ``ThemeError`` naming the file, the key and what is allowed there.
    public static func parse(_ text: String, file: String,
                             base: Theme = .builtInDefault) throws(ThemeError) -> Theme {
        let yaml = ThemeYAML(file: file)
        guard let root = try yaml.compose(text) else {
            throw ThemeError(file: file, "the file is empty (allowed: a mapping of name, colors)")
        }
        var theme = base
        theme.name = ThemeSearch.themeName(ofFile: file)
        for entry in try yaml.entries(of: root, at: nil, allowed: ["name", "colors"]) {
            if entry.key == "name" {
                theme.name = try yaml.text(entry.value, at: entry.path, expected: "a name")
                continue
            }
            let keys = roleKeys.map(\.key) + ["graph"]
            for color in try yaml.entries(of: entry.value, at: entry.path, allowed: keys) {
                if let role = roleKeys.first(where: { $0.key == color.key })?.role {
                    theme[role] = try look(color.value, at: color.path, in: yaml)
                } else {
                    try readGraph(color.value, at: color.path, in: yaml, into: &theme)
                }
            }
        }
        return theme
    }

    /// Reads and parses the theme file at `path`; errors name `path` as given.
    ///
    /// - Throws: ``ThemeError``.
    public static func load(path: String, base: Theme = .builtInDefault) throws(ThemeError) -> Theme {
        try parse(ThemeYAML.read(path), file: path, base: base)
    }

    /// `graph: [c0, c1, …]`: 1 to 8 looks from low to high, spread evenly over the levels.
    private static func readGraph(_ node: Node, at path: String, in yaml: ThemeYAML,
                                  into theme: inout Theme) throws(ThemeError) {
        let levels = Style.Role.graphLevels
        let allowed = "allowed: a list of 1 to \(levels) looks, each \(lookAllowed)"
        guard let list = node.sequence else {
            throw ThemeError(file: yaml.file, key: path, "\(ThemeYAML.describe(node)) is not a list (\(allowed))")
        }
        guard (1...levels).contains(list.count) else {
            throw ThemeError(file: yaml.file, key: path, "a list of \(list.count) is not allowed (\(allowed))")
        }
        var looks: [ThemeLook] = []
        for (i, item) in list.enumerated() { looks.append(try look(item, at: "\(path)[\(i)]", in: yaml)) }
        for level in 0..<levels { theme[.graph(UInt8(level))] = looks[level * looks.count / levels] }
    }

    /// A look: a colour alone (the foreground), or a mapping of `fg`, `bg` and attributes.
    private static func look(_ node: Node, at path: String, in yaml: ThemeYAML) throws(ThemeError) -> ThemeLook {
        if node.scalar != nil, node.null == nil { return ThemeLook(try color(node, at: path, in: yaml)) }
        guard node.mapping != nil else {
            throw ThemeError(file: yaml.file, key: path,
                             "\(ThemeYAML.describe(node)) is not a look (allowed: \(lookAllowed))")
        }
        var look = ThemeLook()
        for entry in try yaml.entries(of: node, at: path, allowed: lookKeys) {
            if entry.key == "fg" {
                look.foreground = try color(entry.value, at: entry.path, in: yaml)
            } else if entry.key == "bg" {
                look.background = try color(entry.value, at: entry.path, in: yaml)
            } else if let attribute = attributeKeys.first(where: { $0.key == entry.key })?.attribute,
                      try yaml.bool(entry.value, at: entry.path) {
                look.attributes.insert(attribute)
            }
        }
        return look
    }

    /// A colour in the syntax of ``ThemeColor``.
    private static func color(_ node: Node, at path: String, in yaml: ThemeYAML) throws(ThemeError) -> ThemeColor {
        let allowed = "(allowed: \(ThemeColor.allowedValues))"
        if node.null != nil {
            throw ThemeError(file: yaml.file, key: path, "an empty value is not a colour \(allowed); "
                             + "write \"#rrggbb\" in quotes, as # starts a comment")
        }
        let text = try yaml.text(node, at: path, expected: "a colour \(allowed)")
        guard let color = ThemeColor(text) else {
            throw ThemeError(file: yaml.file, key: path, "\"\(text)\" is not a colour \(allowed)")
        }
        return color
    }
}
