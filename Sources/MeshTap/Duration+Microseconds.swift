extension Duration {
    /// Whole microseconds, rounded down; 0 for a negative duration (a clock step on the proxy).
    var microseconds: Int64 {
        max(0, components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000)
    }
}
