import Exposition

/// A sample decoded into plain values, for comparing in tests.
struct DecodedSample: Equatable, CustomStringConvertible {
    var name: String
    var labels: [String]  // "key=value", in order
    var value: Double
    var timestampMs: Int64?

    var description: String { "\(name){\(labels.joined(separator: ","))} \(value) \(timestampMs.map(String.init) ?? "-")" }

    static func == (a: DecodedSample, b: DecodedSample) -> Bool {
        a.name == b.name && a.labels == b.labels && a.timestampMs == b.timestampMs
            && (a.value == b.value || (a.value.isNaN && b.value.isNaN))
    }
}

/// Everything a scan of `text` produced.
struct ScanResult {
    var samples: [DecodedSample] = []
    var errors: [String] = []
    var metadata: [String] = []
}

func scan(_ text: String) -> ScanResult {
    scan(Array(text.utf8))
}

func scan(_ bytes: [UInt8]) -> ScanResult {
    bytes.withUnsafeBufferPointer { body in
        var scanner = ExpositionScanner(body)
        return drain(&scanner, body)
    }
}

/// Every event `scanner` has left in `body`, decoded.
func drain(_ scanner: inout ExpositionScanner, _ body: UnsafeBufferPointer<UInt8>) -> ScanResult {
    var result = ScanResult()
    while let event = scanner.next() {
        switch event {
        case .sample(let s):
            let labels = scanner.labels.map {
                ExpositionText.string($0.name, in: body) + "=" + ExpositionText.labelValue($0, in: body)
            }
            result.samples.append(DecodedSample(
                name: ExpositionText.string(s.name, in: body), labels: labels,
                value: s.value, timestampMs: s.timestampMs))
        case .metadata(let m):
            result.metadata.append("\(m.kind.rawValue) \(ExpositionText.string(m.family, in: body)) \(ExpositionText.string(m.text, in: body))")
        case .error(let e):
            result.errors.append(e.description)
        }
    }
    return result
}
