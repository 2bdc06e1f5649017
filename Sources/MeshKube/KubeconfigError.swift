import Foundation

/// A kubeconfig, context or in-cluster service account meshtop can't use, with a message that
/// names the file and the field: `/home/me/.kube/config: users[2].user.client-certificate-data:
/// not valid base64`.
public struct KubeconfigError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The whole message.
    public var message: String

    /// Creates an error with this message.
    public init(_ message: String) { self.message = message }

    /// The whole message.
    public var description: String { message }
    /// Same as ``description``, for `localizedDescription`.
    public var errorDescription: String? { message }
}
