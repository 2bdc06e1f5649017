import Exposition

/// One proxy's traffic summed over a window: its inbound side and each outbound peer.
struct ProxyWindow: Sendable {
    var inbound = TrafficSums()
    var outbound: [OutboundPeer: TrafficSums] = [:]
    /// Whether any scrape of this proxy fell in the window.
    var hasScrapes = false
}

extension ProxyHistory {
    /// Applies Prometheus's `increase()` to every series over `[endMs - rangeMs, endMs]`
    /// and sums the results by inbound side and outbound peer. Gauges take the newest value.
    func window(endMs: Int64, rangeMs: Int64) -> ProxyWindow {
        var result = ProxyWindow()
        let inRange = scrapes.indices.filter { scrapes[$0].timestampMs >= endMs - rangeMs && scrapes[$0].timestampMs <= endMs }
        guard !inRange.isEmpty else { return result }
        result.hasScrapes = true
        var perPeer = [TrafficSums](repeating: TrafficSums(), count: peers.count)
        var points: [CounterPoint] = []
        points.reserveCapacity(inRange.count)
        for (slot, role) in roles.enumerated() {
            points.removeAll(keepingCapacity: true)
            for i in inRange {
                let values = scrapes[i].values
                if slot < values.count, !values[slot].isNaN {
                    points.append(CounterPoint(timestampMs: scrapes[i].timestampMs, value: values[slot]))
                }
            }
            guard !points.isEmpty else { continue }
            let increase = CounterWindow.increase(points[...], rangeEndMs: endMs, rangeMs: rangeMs)
            let last = scrapes[inRange.last!].values
            let current = slot < last.count && !last[slot].isNaN ? last[slot] : nil
            if let peer = role.peer {
                perPeer[Int(peer)].add(role.measure, increase: increase, last: current)
            } else {
                result.inbound.add(role.measure, increase: increase, last: current)
            }
        }
        for (i, sums) in perPeer.enumerated() where sums != TrafficSums() {
            result.outbound[peers[i], default: TrafficSums()].add(sums)
        }
        return result
    }
}
