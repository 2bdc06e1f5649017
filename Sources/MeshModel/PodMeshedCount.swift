/// A workload's MESHED column: how many of its running pods are meshed, out of how many run.
///
/// As in `linkerd viz stat` (`meshed/running`), only `Running` pods count, on both sides: a
/// `Pending` pod serves nothing yet, and a `Succeeded` or `Failed` one (a finished Job's) serves
/// nothing any more. A workload whose pods all stand in those phases still reads `0/0`.
public struct PodMeshedCount: Hashable, Sendable, CustomStringConvertible {
    /// Running pods that carry a proxy.
    public var meshed: Int
    /// Running pods, meshed or not.
    public var total: Int

    /// Creates a count.
    public init(meshed: Int, total: Int) {
        self.meshed = meshed
        self.total = total
    }

    /// `meshed/total`, as the column shows it: `2/3`.
    public var description: String {
        "\(meshed)/\(total)"
    }
}
