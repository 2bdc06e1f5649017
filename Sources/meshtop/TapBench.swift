import CMalloc
import MeshModel
import MeshTap

/// `meshtop bench --only tap`: tap events per second through the pipeline on one thread —
/// frames cut, events decoded, requests paired (what the Tap view's feed gets), and with each
/// request's `meshtop tap` line made too — and the memory of a full ring buffer of requests.
struct TapBench {
    /// Requests in the generated stream (three events each).
    var requests = 30_000
    /// Timed runs after a warm-up.
    var runs: Int
    /// The ring buffer the memory figure fills.
    var ringCapacity = 10_000

    func run() throws {
        let stream = TapBenchmark.sampleStream(requests: requests)
        let events = requests * 3
        Console.out("\ntap stream (\(requests) requests, \(events) events, \(stream.count) bytes)   median events/s      min      max\n")
        let pipeline = try measure { _ = try TapBenchmark.decodeAndPair(stream) }
        report("decode + pair", pipeline, events)
        let printed = try measure { try decodePairAndPrint(stream) }
        report("decode + pair + text line per request", printed, events)
        Console.out("ring buffer of \(ringCapacity) requests, full: \(try ringBytes(stream) / 1024) KiB (malloc in use)\n")
    }

    /// Decodes and pairs `stream`, making each request's text line.
    private func decodePairAndPrint(_ stream: [UInt8]) throws {
        var decoder = TapEventDecoder(), pairing = TapPairing(), length = 0
        var offset = 0
        while offset < stream.count {
            let end = min(offset + 16 << 10, stream.count)
            for event in try decoder.events(from: stream[offset..<end]) {
                if let request = pairing.add(event, atMs: 0) { length += TapText.line(request).utf8.count }
            }
            offset = end
        }
        precondition(length > 0, "no request was printed")
    }

    /// Bytes malloc holds for a ring buffer filled (and overfilled) with the stream's requests.
    private func ringBytes(_ stream: [UInt8]) throws -> Int {
        var decoder = TapEventDecoder(), pairing = TapPairing()
        let before = mallinfo2().uordblks
        var ring = TapRingBuffer<TappedRequest>(capacity: ringCapacity)
        for event in try decoder.events(from: stream) {
            if let request = pairing.add(event, atMs: 0) { ring.append(request) }
        }
        precondition(ring.count == min(ringCapacity, requests), "the ring buffer did not fill")
        return Int(mallinfo2().uordblks) - Int(before)
    }

    private func measure(_ work: () throws -> Void) throws -> [Double] {
        try work()
        let clock = ContinuousClock()
        return try (0..<runs).map { _ in try clock.measure(work).seconds }.sorted()
    }

    private func report(_ name: String, _ seconds: [Double], _ events: Int) {
        func rate(_ s: Double) -> String { StatTable.fixed(Double(events) / s, 0) }
        Console.out("  " + name.padding(toLength: 58, withPad: " ", startingAt: 0) + rate(seconds[seconds.count / 2]).leftPadded(10)
            + rate(seconds.last!).leftPadded(9) + rate(seconds.first!).leftPadded(9) + "\n")
    }
}
