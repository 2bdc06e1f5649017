import ArgumentParser

/// A duration written as Prometheus writes them: `500ms`, `10s`, `1m`, `1m30s`, `2h`; a bare
/// number is seconds.
struct DurationArgument: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var milliseconds: Int64

    init(milliseconds: Int64) { self.milliseconds = milliseconds }

    init?(argument: String) {
        guard let ms = Self.parse(argument), ms > 0 else { return nil }
        milliseconds = ms
    }

    static func parse(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return Int64((seconds * 1000).rounded()) }
        let units: [(String, Int64)] = [("ms", 1), ("h", 3_600_000), ("m", 60_000), ("s", 1000)]
        var rest = Substring(text)
        var total: Int64 = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return total
    }

    var description: String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    var seconds: Double { Double(milliseconds) / 1000 }

    static var defaultCompletionKind: CompletionKind { .default }
}
