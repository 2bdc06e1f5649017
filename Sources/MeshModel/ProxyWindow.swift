import Exposition

/// One proxy's traffic summed over a window: its inbound side and each outbound peer.
struct ProxyWindow: Sendable {
    var inbound = TrafficSums()
    var outbound: [OutboundPeer: TrafficSums] = [:]
}

extension ProxyHistory {
    /// Applies Prometheus's `increase()` to every series over `[endMs - rangeMs, endMs]`
    /// and sums the results by inbound side and outbound peer. Gauges take the newest value.
    func window(endMs: Int64, rangeMs: Int64) -> ProxyWindow {
        var result = ProxyWindow()
        let inRange = scrapes.filter { $0.timestampMs >= endMs - rangeMs && $0.timestampMs <= endMs }
        guard let last = inRange.last?.values else { return result }
        var perPeer = [TrafficSums](repeating: TrafficSums(), count: peers.count)
        var points: [CounterPoint] = []
        points.reserveCapacity(inRange.count)
        for (slot, role) in roles.enumerated() {
            points.removeAll(keepingCapacity: true)
            for scrape in inRange where !scrape.values[slot].isNaN {
                points.append(CounterPoint(timestampMs: scrape.timestampMs, value: scrape.values[slot]))
            }
            guard !points.isEmpty else { continue }
            let increase = CounterWindow.increase(points[...], rangeEndMs: endMs, rangeMs: rangeMs)
            let current = last[slot].isNaN ? nil : last[slot]
            let measure = role.measure(bounds: bounds)
            if let peer = role.peer {
                perPeer[Int(peer)].add(measure, increase: increase, last: current)
            } else {
                result.inbound.add(measure, increase: increase, last: current)
            }
        }
        for (i, sums) in perPeer.enumerated() where sums != TrafficSums() {
            result.outbound[peers[i], default: TrafficSums()].add(sums)
        }
        return result
    }
}
