import MeshTUI
import XCTest

/// Theme lookup in a temporary tree: a user config directory, an installation and a checkout.
final class ThemeSelectionTests: XCTestCase {
    private var root = ""
    private var xdg: String { root + "/xdg" }
    private var prefix: String { root + "/prefix" }
    private var checkout: String { root + "/checkout" }
    private var work: String { root + "/work" }

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "meshtop-themes-\(getpid())-\(name.filter(\.isLetter))"
        for directory in [xdg + "/meshtop/themes", prefix + "/bin", prefix + "/share/meshtop/themes",
                          checkout + "/themes", checkout + "/.build/release", work] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try write(xdg + "/meshtop/themes/mine.yaml", "colors: {ok: blue}")
        try write(xdg + "/meshtop/themes/light.yaml", "name: my-light")
        try write(prefix + "/share/meshtop/themes/installed.yaml", "{}")
        try write(prefix + "/share/meshtop/themes/light.yaml", "name: installed-light")
        try write(prefix + "/share/meshtop/themes/high-contrast.yaml", "name: installed-high-contrast")
        try write(checkout + "/Package.swift", "// swift-tools-version:6.0")
        try write(checkout + "/themes/high-contrast.yaml", "name: checkout-high-contrast")
        try write(checkout + "/themes/checkout.yaml", "{}")
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    func testThePlacesFollowTheEnvironmentAndTheExecutable() throws {
        let search = ThemeSearch(environment: ["XDG_CONFIG_HOME": xdg, "HOME": "/home/me"],
                                 executablePath: checkout + "/.build/release/meshtop", currentDirectory: work)
        XCTAssertEqual(search.configDirectory, xdg + "/meshtop")
        XCTAssertEqual(search.configFile, xdg + "/meshtop/config.yaml")
        XCTAssertEqual(search.directories,
                       [xdg + "/meshtop/themes", checkout + "/.build/share/meshtop/themes", checkout + "/themes"])

        let home = ThemeSearch(environment: ["XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/me"],
                               executablePath: prefix + "/bin/meshtop", currentDirectory: checkout + "/themes")
        XCTAssertEqual(home.configDirectory, "/home/me/.config/meshtop", "a relative XDG_CONFIG_HOME is ignored")
        XCTAssertEqual(home.directories, ["/home/me/.config/meshtop/themes", prefix + "/share/meshtop/themes",
                                          checkout + "/themes"], "the checkout is found above the current directory")

        try write(work + "/other/Package.swift", "")
        try write(work + "/other/themes/other.yaml", "{}")
        let two = ThemeSearch(environment: [:], executablePath: checkout + "/.build/release/meshtop",
                              currentDirectory: work + "/other/themes")
        XCTAssertEqual(two.directories, [checkout + "/.build/share/meshtop/themes", checkout + "/themes",
                                         work + "/other/themes"], "the executable's checkout comes first")

        let bare = ThemeSearch(environment: [:], executablePath: "/opt/meshtop", currentDirectory: work)
        XCTAssertNil(bare.configDirectory)
        XCTAssertNil(bare.configFile)
        XCTAssertEqual(bare.directories, ["/share/meshtop/themes"])
    }

    func testNamesAreLookedUpInTheUserThenTheInstalledThenTheCheckoutThemes() throws {
        let search = self.search(executable: prefix + "/bin/meshtop", currentDirectory: checkout)
        XCTAssertEqual(try theme("light", search).name, "my-light")
        XCTAssertEqual(try theme("high-contrast", search).name, "installed-high-contrast")
        XCTAssertEqual(try theme("checkout", search).name, "checkout")
        XCTAssertEqual(try theme("mine", search)[.good], ThemeLook(.indexed(4)))
        XCTAssertEqual(search.names(), ["checkout", "default", "high-contrast", "installed", "light", "mine"])
    }

    func testAnUnknownNameListsTheThemesFoundAndWhereItLooked() {
        let search = self.search(executable: prefix + "/bin/meshtop", currentDirectory: work)
        XCTAssertThrowsError(try theme("solarized", search)) {
            XCTAssertEqual("\($0)", "--theme: no theme named \"solarized\" (found: default, high-contrast, installed, "
                           + "light, mine; looked in: \(xdg)/meshtop/themes, \(prefix)/share/meshtop/themes)")
        }
        let environment = ["XDG_CONFIG_HOME": xdg, "MESHTOP_THEME": "nope"]
        XCTAssertThrowsError(try ThemeSelection.theme(option: nil, environment: environment, search: search)) {
            XCTAssertEqual("\($0)".prefix(40), "MESHTOP_THEME: no theme named \"nope\" (fo")
        }
    }

    func testTheDefaultIsBuiltInWhenNoFileHasIt() throws {
        let alone = ThemeSearch(environment: [:], executablePath: work + "/meshtop", currentDirectory: work)
        XCTAssertEqual(try ThemeSelection.theme(option: nil, environment: [:], search: alone), .builtInDefault)
        XCTAssertEqual(try theme("default", alone), .builtInDefault)
        try write(xdg + "/meshtop/themes/default.yaml", "name: my-default")
        XCTAssertEqual(try ThemeSelection.theme(option: nil, environment: [:], search: search()).name, "my-default")
    }

    func testTheOptionBeatsTheEnvironmentWhichBeatsTheConfig() throws {
        try write(xdg + "/meshtop/config.yaml", "# mine\ntheme: mine\n")
        let search = self.search()
        func chosen(_ option: String?, _ environment: [String: String]) throws -> String {
            try ThemeSelection.theme(option: option, environment: environment, search: search).name
        }
        XCTAssertEqual(try chosen("light", ["MESHTOP_THEME": "installed"]), "my-light")
        XCTAssertEqual(try chosen(nil, ["MESHTOP_THEME": "installed"]), "installed")
        XCTAssertEqual(try chosen(nil, ["MESHTOP_THEME": ""]), "mine", "an empty MESHTOP_THEME counts as unset")
        XCTAssertEqual(try chosen(nil, [:]), "mine")
        try write(xdg + "/meshtop/config.yaml", "")
        XCTAssertEqual(try chosen(nil, [:]), "default", "an empty config sets nothing")
    }

    func testPathsAreRelativeToTheCurrentDirectoryOrTheConfigFile() throws {
        try write(work + "/ours.yaml", "name: ours")
        try write(xdg + "/meshtop/extra/theirs.yaml", "name: theirs")
        let search = self.search()
        XCTAssertEqual(try theme("ours.yaml", search).name, "ours")
        XCTAssertEqual(try theme("./ours.yaml", search).name, "ours")
        XCTAssertEqual(try theme(work + "/ours.yaml", search).name, "ours")
        XCTAssertEqual(try ThemeSelection.theme(option: nil, environment: ["MESHTOP_THEME": "ours.yaml"],
                                                search: search).name, "ours")
        try write(xdg + "/meshtop/config.yaml", "theme: extra/theirs.yaml")
        XCTAssertEqual(try ThemeSelection.theme(option: nil, environment: [:], search: search).name, "theirs")
        XCTAssertThrowsError(try theme("gone.yaml", search)) {
            XCTAssertEqual("\($0)", "\(work)/gone.yaml: no such file")
        }
    }

    func testABrokenConfigFileIsAnError() throws {
        let config = xdg + "/meshtop/config.yaml"
        try write(config, "theme: mine\ncolour: never\n")
        XCTAssertThrowsError(try ThemeSelection.theme(option: nil, environment: [:], search: search())) {
            XCTAssertEqual("\($0)", "\(config): colour: unknown key (allowed: theme)")
        }
        try write(config, "theme: [mine]\n")
        XCTAssertThrowsError(try ThemeSelection.theme(option: nil, environment: [:], search: search())) {
            XCTAssertEqual("\($0)", "\(config): theme: a list is not a theme name or path")
        }
        try write(config, "theme: nope\n")
        XCTAssertThrowsError(try ThemeSelection.theme(option: nil, environment: [:], search: search())) {
            XCTAssertTrue("\($0)".hasPrefix("\(config): theme: no theme named \"nope\" (found: "), "\($0)")
        }
    }

    func testAnInstalledBinaryFindsTheShippedThemes() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: shippedThemes) where file.hasSuffix(".yaml") {
            try? FileManager.default.removeItem(atPath: prefix + "/share/meshtop/themes/" + file)
            try FileManager.default.copyItem(atPath: shippedThemes + "/" + file,
                                             toPath: prefix + "/share/meshtop/themes/" + file)
        }
        let search = ThemeSearch(environment: [:], executablePath: prefix + "/bin/meshtop", currentDirectory: work)
        XCTAssertEqual(try theme("mono", search).name, "mono")
        XCTAssertEqual(search.path(forName: "colorblind"), prefix + "/share/meshtop/themes/colorblind.yaml")
    }

    func testSwiftRunInACheckoutFindsTheShippedThemes() throws {
        let repository = URL(fileURLWithPath: shippedThemes).deletingLastPathComponent().path
        let executable = repository + "/.build/x86_64-unknown-linux-gnu/debug/meshtop"
        let search = ThemeSearch(environment: [:], executablePath: executable, currentDirectory: "/")
        XCTAssertEqual(search.directories.last, shippedThemes)
        XCTAssertEqual(search.path(forName: "light"), shippedThemes + "/light.yaml")
        XCTAssertTrue(Set(search.names()).isSuperset(of: ["colorblind", "default", "high-contrast", "light", "mono"]))
        XCTAssertTrue(ThemeSearch.runningExecutablePath().hasPrefix("/"))
    }

    func testColoursAreAllowedUnlessTurnedOff() {
        let table: [(Bool, [String: String], Bool)] = [
            (false, [:], true), (false, ["NO_COLOR": ""], true), (false, ["NO_COLOR": "1"], false),
            (false, ["NO_COLOR": "0"], false), (true, [:], false), (true, ["NO_COLOR": ""], false),
        ]
        for (flag, environment, allowed) in table {
            XCTAssertEqual(ThemeSelection.colorsAllowed(noColorFlag: flag, environment: environment), allowed,
                           "--no-color \(flag), \(environment)")
        }
    }

    private func search(executable: String? = nil, currentDirectory: String? = nil) -> ThemeSearch {
        ThemeSearch(environment: ["XDG_CONFIG_HOME": xdg, "HOME": "/home/me"],
                    executablePath: executable ?? prefix + "/bin/meshtop", currentDirectory: currentDirectory ?? work)
    }

    private func theme(_ option: String, _ search: ThemeSearch) throws -> Theme {
        try ThemeSelection.theme(option: option, environment: [:], search: search)
    }

    private func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
