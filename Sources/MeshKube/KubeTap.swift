import Foundation
import MeshSources
import MeshTap

/// Linkerd's tap through the Kubernetes API server, with the kubeconfig's credentials: POSTs
/// the `TapByResourceRequest`, decodes the framed `TapEvent`s as they arrive, and keeps the
/// stream going. A stream that ends, breaks or says nothing for ``quietSeconds`` is opened
/// again after a notice; an answer that refuses the tap (no tap API, RBAC, no tap-enabled
/// pods) ends it with a ``TapProblem``.
public struct KubeTap: Sendable {
    /// What the stream hands over.
    public enum Update: Sendable {
        case event(TapEvent)
        /// Something the user should know that does not end the tap: a reconnect and why.
        case notice(String)
    }

    public let client: KubeClient
    public let request: TapRequest
    /// Reconnect when no byte arrives for this long (a quiet target looks the same).
    public var quietSeconds: Double = 30
    /// Where Linkerd viz is installed, for the RBAC hint.
    public var vizNamespace = "linkerd-viz"
    /// How long one stream may last before it is opened again.
    static let streamSeconds = 1_800

    /// A tap of `request` through the cluster `client` talks to.
    public init(client: KubeClient, request: TapRequest) {
        self.client = client
        self.request = request
    }

    /// Streams until `stopped` says so (asked at least once a second), handing each event and
    /// notice to `deliver`. Throws when the tap is refused, or when the first stream cannot be
    /// opened at all; later breaks are reconnected after a pause that doubles up to 30 s.
    public func run(fetcher: HTTPFetcher, stopped: () -> Bool, deliver: (Update) -> Void) throws {
        var worked = false
        var pause = 1.0
        while !stopped() {
            switch try stream(fetcher, stopped: stopped, deliver: deliver) {
            case .stopped:
                return
            case .ended(let why, let streamed):
                if !worked && !streamed { throw TapProblem.failed(status: 0, detail: why) }
                worked = worked || streamed
                pause = streamed ? 1 : min(pause * 2, 30)
                deliver(.notice("\(why); reconnecting in \(Int(pause)) s"))
                for _ in 0..<Int(pause * 10) where !stopped() { Thread.sleep(forTimeInterval: 0.1) }
            }
        }
    }

    private enum Outcome {
        case stopped
        /// The stream is over for `why`; `streamed`: it carried data first.
        case ended(String, streamed: Bool)
    }

    /// One stream, from the request to its end.
    private func stream(_ fetcher: HTTPFetcher, stopped: () -> Bool, deliver: (Update) -> Void) throws -> Outcome {
        let endpoint = try client.endpoint()
        var fetch = endpoint.request(request.apiPath, accept: nil)
        fetch.body = request.body()
        fetch.headers.append("Content-Type: application/octet-stream")
        fetch.keptHeaders = ["linkerd-error"]
        fetch.timeoutMs = Self.streamSeconds * 1000
        var decoder = TapEventDecoder()
        var head: [UInt8] = []  // the first bytes, in case the answer turns out to be an error frame
        var lastByte = ContinuousClock.now
        var quiet = false
        var broken: TapStreamError?
        var result: FetchResult?
        fetcher.streamEach([fetch], receive: { _, piece in
            lastByte = .now
            if head.count < 64 << 10 { head.append(contentsOf: piece.prefix(64 << 10 - head.count)) }
            guard broken == nil else { return }
            do throws(TapStreamError) {
                for event in try decoder.events(from: piece) { deliver(.event(event)) }
            } catch {
                broken = error
            }
        }, stopped: {
            quiet = ContinuousClock.now - lastByte > .seconds(quietSeconds)
            return stopped() || quiet || broken != nil
        }) { result = $1 }
        if stopped() { return .stopped }
        guard let result else { return .ended("the tap stream could not start", streamed: false) }
        let status = result.error.flatMap { if case .httpStatus(let code) = $0 { code } else { nil } } ?? (result.error == nil ? 200 : 0)
        if status != 0, let problem = TapProblem.classify(status: status, linkerdError: result.headers["linkerd-error"],
                                                          body: result.errorBody.isEmpty ? head : result.errorBody,
                                                          request: request, vizNamespace: vizNamespace) {
            throw problem
        }
        if case .serverError(let message)? = broken {
            throw TapProblem.classify(serverError: message, request: request, vizNamespace: vizNamespace)
        }
        let streamed = result.bytes > 0
        if let broken { return .ended("the tap stream broke: \(broken)", streamed: streamed) }
        if quiet { return .ended("no tap data for \(Int(quietSeconds)) s", streamed: true) }
        if let error = result.error {
            let transport = client.problem(result, client.describe(.watch, .pods, namespace: request.target.namespace))
            return .ended(transport.map { "\($0)" } ?? "the tap stream failed: \(error)", streamed: streamed)
        }
        do { try decoder.finish() } catch { return .ended("the tap stream ended mid-event: \(error)", streamed: streamed) }
        return .ended("the tap stream ended", streamed: streamed)
    }
}
