/// Why a response from the Kubernetes API could not be read as pods.
public enum PodDecodingError: Error, Equatable, CustomStringConvertible {
    /// The body isn't the JSON expected (`what` names it, `detail` is the decoder's complaint).
    case malformed(what: String, detail: String)
    /// The API server answered with a `Status` instead of pods: a refusal or a failure.
    case status(PodAPIStatus)
    /// The body is an object of another kind than asked for.
    case unexpectedKind(String)
    /// A watch stream line grew past the limit without ending: not a stream of pods.
    case lineTooLong(limit: Int)

    public var description: String {
        switch self {
        case let .malformed(what, detail):
            "the Kubernetes API sent a \(what) that could not be read: \(detail)"
        case let .status(status):
            "the Kubernetes API refused: \(status.code.map(String.init) ?? "no code") "
                + "\(status.reason ?? "") \(status.message ?? "")"
        case let .unexpectedKind(kind):
            "the Kubernetes API sent a \(kind.isEmpty ? "object without a kind" : kind) instead of a PodList"
        case let .lineTooLong(limit):
            "a line of the pod watch went past \(limit) bytes without ending"
        }
    }
}
