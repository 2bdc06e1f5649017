/// A change of source the user chose in the dashboard (`:ctx`, `:ns`), for the driver to carry
/// out: it takes each with ``DashboardState/takeSourceRequest()``.
public enum SourceRequest: Hashable, Sendable {
    /// Read the cluster of this kubeconfig context.
    case context(String)
    /// Watch this namespace; nil: all namespaces.
    case namespace(String?)
}
