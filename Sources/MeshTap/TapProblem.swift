import Foundation

/// Why a tap could not start or went on no further, classified from the answer so that the
/// message says what to do (``description``): the tap API missing or down, RBAC, pods that
/// are not tap-enabled, nothing to tap.
public enum TapProblem: Error, Hashable, Sendable {
    /// The API server has no working tap API: 404 when the APIService `v1alpha1.tap.linkerd.io`
    /// is not registered (viz not installed), 503 when its tap pods do not answer.
    case tapAPIUnavailable(status: Int, detail: String)
    /// 401: the API server rejected the credentials.
    case unauthorized(detail: String)
    /// 403: RBAC does not let the user `watch` the target in API group `tap.linkerd.io`.
    /// `clusterRole` is viz's role that grants it.
    case forbidden(TapResource, clusterRole: String, detail: String)
    /// The target's meshed pods can't be tapped: `notEnabled` started before viz's tap injector
    /// (they need a restart), `disabled` have tap turned off by annotation.
    case podsNotTapEnabled(TapResource, notEnabled: [String], disabled: [String])
    /// No meshed pod matched the target (and the label selector, when one was given).
    case noPodsMatched(TapResource, labelSelector: String)
    /// The target does not exist.
    case targetNotFound(TapResource, detail: String)
    /// Anything else the server said; `status` is the HTTP status (200 for an error frame).
    case failed(status: Int, detail: String)

    /// The problem in an answer to a tap request, or `nil` when it is a tap stream (status 200
    /// without a `linkerd-error` header).
    ///
    /// - Parameters:
    ///   - status: the HTTP status.
    ///   - linkerdError: the `linkerd-error` header, when there was one: the body is then a
    ///     framed `linkerd2.viz.ApiError`.
    ///   - body: the body (the first few KiB are enough): an `ApiError` frame, a Kubernetes
    ///     `Status`, the tap server's `{"error": …}`, or text.
    ///   - request: the tap that was asked for, to name in the message.
    ///   - vizNamespace: where Linkerd viz is installed, to name its ClusterRole.
    public static func classify(status: Int, linkerdError: String?, body: [UInt8], request: TapRequest,
                                vizNamespace: String = "linkerd-viz") -> TapProblem? {
        guard status != 200 || linkerdError != nil else { return nil }
        let detail: String
        if let linkerdError {
            detail = apiErrorMessage(body) ?? "\(linkerdError), without its error message"
        } else {
            detail = statusMessage(body) ?? "HTTP \(status)"
        }
        return classify(status: status, detail: detail, request: request, vizNamespace: vizNamespace)
    }

    /// The problem in an error frame that ended a running stream (``TapStreamError/serverError(_:)``).
    public static func classify(serverError message: String, request: TapRequest,
                                vizNamespace: String = "linkerd-viz") -> TapProblem {
        classify(status: 200, detail: message, request: request, vizNamespace: vizNamespace)
    }

    private static func classify(status: Int, detail: String, request: TapRequest, vizNamespace: String) -> TapProblem {
        let target = request.target
        if detail.hasPrefix("no pods to tap") {
            let pods = untappablePods(detail)
            return pods.notEnabled.isEmpty && pods.disabled.isEmpty
                ? .noPodsMatched(target, labelSelector: request.labelSelector)
                : .podsNotTapEnabled(target, notEnabled: pods.notEnabled, disabled: pods.disabled)
        }
        switch status {
        case 401:
            return .unauthorized(detail: detail)
        case 403:
            return .forbidden(target, clusterRole: "linkerd-\(vizNamespace)-tap-admin", detail: detail)
        case 404, 503:
            return .tapAPIUnavailable(status: status, detail: detail)
        default:
            if detail.contains("tap authorization failed") {
                return .forbidden(target, clusterRole: "linkerd-\(vizNamespace)-tap-admin", detail: detail)
            }
            return detail.hasSuffix("not found") ? .targetNotFound(target, detail: detail)
                : .failed(status: status, detail: detail)
        }
    }

    /// The message of the `ApiError` frame at the start of `body`.
    private static func apiErrorMessage(_ body: [UInt8]) -> String? {
        var frames = TapFrameDecoder()
        frames.append(body)
        guard let frame = try? frames.nextMessage() else { return nil }
        return TapErrorFrame.message(in: frame)
    }

    /// The message of a Kubernetes `Status` or of the tap server's `{"error": …}`; else the
    /// body's text, trimmed.
    private static func statusMessage(_ body: [UInt8]) -> String? {
        struct Answer: Decodable {
            var message: String?
            var error: String?
        }
        if let answer = try? JSONDecoder().decode(Answer.self, from: Data(body)),
           let message = answer.message ?? answer.error {
            return message
        }
        let text = String(decoding: body.prefix(1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The pods the tap server lists under "tap not enabled" and "tap disabled".
    private static func untappablePods(_ message: String) -> (notEnabled: [String], disabled: [String]) {
        var notEnabled: [String] = []
        var disabled: [String] = []
        var inDisabledList: Bool?
        for line in message.split(separator: "\n") {
            let item = line.trimmingCharacters(in: .whitespaces)
            if line.contains("tap not enabled") {
                inDisabledList = false
            } else if line.contains("tap disabled") {
                inDisabledList = true
            } else if let inDisabledList, item.hasPrefix("* ") {
                let pod = String(item.dropFirst(2))
                if inDisabledList { disabled.append(pod) } else { notEnabled.append(pod) }
            }
        }
        return (notEnabled, disabled)
    }
}
