import MeshModel

/// `text` from the cluster, safe to print: control characters and bidirectional overrides
/// written out as escapes (``StatTable/display(_:)``).
func show(_ text: String) -> String {
    StatTable.display(text)
}
