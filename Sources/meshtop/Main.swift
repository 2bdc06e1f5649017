import ArgumentParser
import CMalloc
import Foundation

/// Runs the command line and maps every way out to meshtop's documented exit codes:
/// 0 all targets scraped, 1 some failed, 2 usage or configuration error, 3 nothing scraped.
@main
enum Main {
    /// Subcommands, dispatched by their first word. Everything else is the main command,
    /// whose positional arguments (targets) would otherwise shadow these names.
    static let subcommands: [String: any ParsableCommand.Type] = [
        "inspect": Inspect.self, "bench": Bench.self, "demo": Demo.self, "tap": TapCommand.self, "top": TopCommand.self,
    ]

    static func main() {
        // One malloc arena for both threads. The scrape thread frees each body right after
        // parsing it; in an arena of its own (glibc's default) those freed pages stay mapped
        // beside its long-lived series, about 5 MB at 2,000 proxies.
        _ = mallopt(M_ARENA_MAX, 1)
        var arguments = Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand.Type = Meshtop.self
        if let first = arguments.first, let sub = subcommands[first] {
            command = sub
            arguments.removeFirst()
        }
        run(command, arguments)
    }

    static func run(_ type: any ParsableCommand.Type, _ arguments: [String]) -> Never {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            if type.exitCode(for: error) == .success {
                print(type.fullMessage(for: error))
                exit(0)
            }
            // Our own errors already say what to do; the parser's get a pointer to the help.
            let name = type.configuration.commandName ?? "meshtop"
            let message = type.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            Console.error(error is UsageError ? message : "\(message) (see '\(name) --help')")
            exit(MeshtopExit.usage.rawValue)
        }
    }
}

/// meshtop's exit codes, as documented in the README.
enum MeshtopExit: Int32 {
    case allScraped = 0, someFailed = 1, usage = 2, nothingScraped = 3

    var code: ExitCode { ExitCode(rawValue) }
}

/// Writing to the terminal's streams.
enum Console {
    /// One message on stderr, prefixed `meshtop: `.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("meshtop: " + message + "\n").utf8))
    }

    /// Text on stdout, flushed.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A usage or configuration problem: one line that says what is wrong and what to do. Exit 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
