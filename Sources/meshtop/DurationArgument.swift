import ArgumentParser
import MeshTUI

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
        DashboardContext.parseDuration(text)
    }

    var description: String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }

    var seconds: Double { Double(milliseconds) / 1000 }

    static var defaultCompletionKind: CompletionKind { .default }
}
