import Foundation

/// Targets given on the command line.
public enum TargetArgument {
    /// The spec for one command-line argument:
    /// - `http://…` or `https://…` is kept, with `/metrics` as its path if it has none (or just `/`);
    /// - `file://…` is kept as is;
    /// - the path of an existing file becomes its absolute `file://` URL;
    /// - `host:port` (or `[v6addr]:port`) becomes `http://host:port/metrics`.
    ///
    /// - Throws: ``TargetError`` for anything else.
    public static func spec(for argument: String) throws -> TargetSpec {
        let text = argument.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw TargetError("empty target") }

        if let separator = text.range(of: "://") {
            let scheme = text[..<separator.lowerBound].lowercased()
            switch scheme {
            case "file":
                return TargetSpec(url: text)
            case "http", "https":
                let rest = text[separator.upperBound...]
                guard let slash = rest.firstIndex(where: { "/?#".contains($0) }) else {
                    return TargetSpec(url: text + "/metrics")
                }
                if rest[slash...] == "/" { return TargetSpec(url: String(text.dropLast()) + "/metrics") }
                return TargetSpec(url: text)
            default:
                throw TargetError("\(argument): unsupported scheme \"\(scheme)\" (use http, https or file)")
            }
        }

        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw TargetError("\(argument): is a directory, not a metrics file") }
            return TargetSpec(url: URL(fileURLWithPath: text).standardizedFileURL.absoluteString)
        }
        if isHostPort(text) { return TargetSpec(url: "http://\(text)/metrics") }
        throw TargetError("\(argument): no such file, and not a URL or host:port (for example "
            + "10.42.0.7:4191 or http://localhost:4191/metrics)")
    }

    /// `host:port` with a port from 1 to 65535 and a host without spaces or slashes; IPv6 hosts in brackets.
    static func isHostPort(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        let host = text[..<colon]
        let port = text[text.index(after: colon)...]
        guard !host.isEmpty, !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(port), (1...65535).contains(number) else { return false }
        if host.hasPrefix("[") {
            return host.hasSuffix("]") && host.count > 2
        }
        return !host.contains { $0.isWhitespace || "/?#@[]:".contains($0) }
    }
}
