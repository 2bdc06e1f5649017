import Foundation
import MeshDemo
import MeshDemoKube
import MeshSources
import XCTest

/// A demo API server on an ephemeral port of 127.0.0.1 over emojivoto's steady mesh with every
/// proxy running, and a libcurl client for it (meshtop's own `HTTPFetcher`).
final class DemoKubeFixture {
    /// How a request proves who it is.
    enum Credentials {
        case certificate
        case token(String)
        case none
    }

    /// What came back: the status (200 for success) and the body, kept for errors too.
    struct Answer {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let mesh: DemoMesh
    let api: DemoKubeAPI

    init(topology: String = "emojivoto") throws {
        let mesh = DemoMesh(topology: try DemoTopology.named(topology, seed: 3), scenario: .steady, seed: 3)
        self.mesh = mesh
        api = try DemoKubeAPI(mesh: mesh, proxy: { proxy, request in
            DemoAdminRoutes.answer(request, metrics: { mesh.metricsBody(proxy, at: 30) }, environment: { mesh.environment(proxy) })
        }, threads: 2)
        api.update(running: Set(mesh.proxies.map(\.index)))
    }

    /// The token of a kubeconfig user.
    func token(_ user: String) -> String { api.tokens.byUser[user]! }

    /// The request for `path` with `credentials`, trusting the run's CA.
    func request(_ path: String, _ credentials: Credentials = .certificate, accept: String? = "application/json") -> FetchRequest {
        var tls = TLSOptions(certificateAuthority: .pem(Array(api.certificates.caPEM.utf8)))
        var headers: [String] = []
        switch credentials {
        case .certificate:
            tls.clientCertificate = .pem(Array(api.certificates.clientCertificatePEM.utf8))
            tls.clientKey = .pem(Array(api.certificates.clientKeyPEM.utf8))
        case .token(let token):
            headers = ["Authorization: Bearer \(token)"]
        case .none:
            break
        }
        return FetchRequest(url: api.url + path, accept: accept, headers: headers, tls: tls)
    }

    /// GETs `path`; a watch must carry a `timeoutSeconds` short enough for `totalSeconds`.
    func get(_ path: String, _ credentials: Credentials = .certificate, accept: String? = "application/json",
             totalSeconds: Int = 10) -> Answer {
        fetch([request(path, credentials, accept: accept)], totalSeconds: totalSeconds)[0]
    }

    /// Fetches `requests` concurrently with meshtop's fetcher, keeping every body (an error
    /// answer's comes whole, in `errorBody`).
    func fetch(_ requests: [FetchRequest], totalSeconds: Int = 10, concurrency: Int = 64) -> [Answer] {
        let fetcher = HTTPFetcher(limits: FetchLimits(maxConcurrent: concurrency, totalTimeoutMs: totalSeconds * 1000))
        var answers = [Answer](repeating: Answer(status: 0, body: []), count: requests.count)
        fetcher.streamEach(requests, receive: { answers[$0].body.append(contentsOf: $1) }) { index, result in
            switch result.error {
            case nil: answers[index].status = 200
            case .httpStatus(let code): (answers[index].status, answers[index].body) = (code, result.errorBody)
            case let error?: answers[index].status = -1; answers[index].body = Array("\(error)".utf8)
            }
        }
        return answers
    }

    deinit { api.shutdown() }
}
