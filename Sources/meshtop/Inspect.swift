import ArgumentParser
import Exposition
import Foundation
import MeshModel
import MeshSources

/// `meshtop inspect TARGET`: every sample meshtop parsed from one proxy, and every line it
/// could not read — what an operator runs to ask "why is my service missing?".
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meshtop inspect",
        abstract: "Show what meshtop parsed from one proxy's /metrics.",
        discussion: """
        Prints each sample as an exposition line (or, with --json, one JSON object per line: \
        {"name", "labels", "value", "timestamp_ms"}). Unreadable lines go to stderr as \
        'line N: reason'. Exit 1 when there was any, 3 when the target could not be fetched.
        """)

    @Argument(help: ArgumentHelp("URL, host:port or a saved /metrics file.", valueName: "target"))
    var target: String

    @Flag(help: "One JSON object per sample, one per line.")
    var json = false

    @Option(help: "Give up on the scrape after this long.")
    var timeout = DurationArgument(milliseconds: 5_000)

    func run() throws {
        let spec: TargetSpec
        do { spec = try TargetArgument.spec(for: target) } catch { throw UsageError("\(error)") }
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: 1, totalTimeoutMs: Int(timeout.milliseconds)))
        guard let result = fetcher.fetchAll([FetchRequest(url: spec.url)]).first else { throw MeshtopExit.nothingScraped.code }
        guard let body = result.body else {
            Console.error("\(StatTable.display(spec.url)): \(StatTable.display(result.error?.description ?? "no body"))")
            throw MeshtopExit.nothingScraped.code
        }
        let errors = body.withUnsafeBufferPointer { buf in print(buf) }
        for error in errors {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
        throw (errors.isEmpty ? MeshtopExit.allScraped : MeshtopExit.someFailed).code
    }

    /// Writes every sample of `body` to stdout and returns the parse errors.
    private func print(_ body: UnsafeBufferPointer<UInt8>) -> [ParseError] {
        var errors: [ParseError] = []
        var scanner = ExpositionScanner(body)
        var out = ""
        out.reserveCapacity(body.count + body.count / 4)
        while let event = scanner.next() {
            switch event {
            case .sample(let sample):
                out += json ? SampleFormat.json(sample, scanner.labels, body) : SampleFormat.text(sample, scanner.labels, body)
                out += "\n"
                if out.utf8.count > 1 << 16 {
                    Console.out(out)
                    out.removeAll(keepingCapacity: true)
                }
            case .error(let error):
                errors.append(error)
            case .metadata:
                continue
            }
        }
        Console.out(out)
        return errors
    }
}

/// How `inspect` writes one sample.
enum SampleFormat {
    /// `{"name":…,"labels":{…},"value":…,"timestamp_ms":…}`; non-finite values as `"NaN"`, `"+Inf"`, `"-Inf"`.
    static func json(_ s: RawSample, _ labels: [LabelSpan], _ body: UnsafeBufferPointer<UInt8>) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("name", ExpositionText.string(s.name, in: body))
        w.key("labels")
        w.beginObject()
        for l in labels { w.field(ExpositionText.string(l.name, in: body), ExpositionText.labelValue(l, in: body)) }
        w.endObject()
        w.key("value")
        if s.value.isNaN { w.string("NaN") } else if s.value.isInfinite { w.string(s.value > 0 ? "+Inf" : "-Inf") } else {
            w.number(s.value)
        }
        w.key("timestamp_ms")
        if let ts = s.timestampMs { w.number(Double(ts)) } else { w.number(nil) }
        w.endObject()
        return w.text
    }

    /// The sample as a canonical exposition line, label values re-escaped and control
    /// characters shown as `\xNN`, so nothing scraped can drive the terminal.
    static func text(_ s: RawSample, _ labels: [LabelSpan], _ body: UnsafeBufferPointer<UInt8>) -> String {
        var line = ExpositionText.string(s.name, in: body)
        if !labels.isEmpty {
            line += "{"
            line += labels.map { l in
                ExpositionText.string(l.name, in: body) + "=\"" + escape(ExpositionText.labelValue(l, in: body)) + "\""
            }.joined(separator: ",")
            line += "}"
        }
        line += " " + (s.value.isNaN ? "NaN" : s.value.isInfinite ? (s.value > 0 ? "+Inf" : "-Inf") : number(s.value))
        if let ts = s.timestampMs { line += " \(ts)" }
        return line
    }

    private static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    private static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
