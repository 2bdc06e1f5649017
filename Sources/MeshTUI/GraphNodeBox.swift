import MeshModel

/// What a node's box says: its name with a mark for its role, and its health line.
///
/// Names come from the cluster and are escaped (``StatTable/display(_:)``) before they are
/// measured or drawn. Peers outside the mesh are marked `⇢` (`ext`), unmeshed clients `?`,
/// workloads of another namespace by a `namespace/` prefix.
enum GraphNodeBox {
    /// The box's height: borders, the name and the health line.
    static let height = 4
    /// Inner widths: room for `▼ 12.0rps 99.5%`, and at most this much of a name.
    static let minimumInner = 15
    static let maximumInner = 22

    /// The name line of `node`, untruncated.
    static func title(_ node: MeshGraph.Node, glyphs: Glyphs) -> String {
        let id = node.id
        switch node.role {
        case .workload: return StatTable.display(id.name)
        case .otherNamespace: return StatTable.display(id.namespace + "/" + id.name)
        case .external: return glyphs.externalPeer + " " + StatTable.display(id.name)
        case .unmeshedClients: return glyphs.unmeshedClients + " unmeshed"
        }
    }

    /// The box size of `node`: as wide as its name within the limits.
    static func size(_ node: MeshGraph.Node, glyphs: Glyphs) -> GraphSize {
        let inner = min(maximumInner, max(minimumInner, CharacterWidth.of(title(node, glyphs: glyphs))))
        return GraphSize(width: inner + 2, height: height)
    }

    /// `12.0rps 99.5%`, the rate alone when no success rate is known; for a node nothing calls
    /// (a client), what it sends: `out 4.0rps`; `-` when nothing is known.
    static func health(_ metrics: GoldenMetrics?, outbound: Double = 0) -> String {
        guard let metrics, let rps = metrics.rps, rps > 0 || outbound == 0 else {
            return outbound > 0 ? "out " + rate(outbound) : "-"
        }
        return [rate(rps), metrics.success.map { StatTable.fixed($0 * 100, 1) + "%" }].compactMap { $0 }.joined(separator: " ")
    }

    /// A request rate in few cells: `12.0rps`, `1234rps`.
    static func rate(_ rps: Double) -> String {
        StatTable.fixed(rps, rps < 1000 ? 1 : 0) + "rps"
    }

    /// Whether a success rate is below `threshold`: a failing node or edge.
    static func failing(_ metrics: GoldenMetrics?, below threshold: Double) -> Bool {
        metrics?.success.map { $0 < threshold } ?? false
    }
}
