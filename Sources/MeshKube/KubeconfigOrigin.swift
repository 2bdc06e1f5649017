/// Where a cluster, user or context of a merged kubeconfig was defined: the file and the entry's
/// place in it (`users[2]`, numbered from 0), so that errors found later can name both.
public struct KubeconfigOrigin: Hashable, Sendable {
    /// The file, as it was given.
    public var file: String
    /// The entry's path in the file, e.g. `users[2]`.
    public var entry: String

    /// Creates an origin.
    public init(file: String, entry: String) {
        self.file = file
        self.entry = entry
    }

    /// An error about `field` of this entry: `file: users[2].user.field: problem`.
    func error(_ field: String, _ problem: String) -> KubeconfigError {
        KubeconfigError("\(file): \(entry).\(field): \(problem)")
    }
}
