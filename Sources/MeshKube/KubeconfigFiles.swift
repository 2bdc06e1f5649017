import Foundation

/// How kubeconfig and service-account files are read: from the file system, or in tests from
/// wherever the test keeps them.
public struct KubeconfigFiles: Sendable {
    /// The bytes of the file at a path; `nil` when there is no such file.
    public var read: @Sendable (String) throws(KubeconfigError) -> Data?

    /// Reads files with `read`.
    public init(read: @escaping @Sendable (String) throws(KubeconfigError) -> Data?) {
        self.read = read
    }

    /// The file system. A path that is a directory or can't be read is an error naming it.
    public static let system = KubeconfigFiles { path throws(KubeconfigError) in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw KubeconfigError("\(path): is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeconfigError("\(path): cannot read (permission denied?)")
        }
        return data
    }

    /// The file at `path` as UTF-8 text; `nil` when there is no such file.
    func text(_ path: String) throws(KubeconfigError) -> String? {
        guard let data = try read(path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { throw KubeconfigError("\(path): not UTF-8 text") }
        return text
    }
}
