/// Which way the layered layout runs: callers left of their callees, or above them.
/// (Added by the lead engineer so the Graph page compiles before the top-down layout lands;
/// the layout work owns this file and may extend it.)
public enum GraphOrientation: Hashable, Sendable {
    case leftToRight, topDown
}
