import Exposition
import Foundation
import MeshDemo
import MeshDemoKube
import MeshKube
import MeshModel
import XCTest

/// The demo API server over real HTTPS on 127.0.0.1, read with meshtop's libcurl client and
/// decoded with meshtop's own Kubernetes types.
final class DemoKubeAPITests: XCTestCase {
    func testPodListDecodesWithTheMeshsPodsLabelsAndAdminPorts() throws {
        let fixture = try DemoKubeFixture()
        let answer = fixture.get("/api/v1/namespaces/emojivoto/pods")
        XCTAssertEqual(answer.status, 200, answer.text)
        let list = try PodList.decode(Data(answer.body))
        let expected = fixture.mesh.proxies.filter { $0.workload.namespace == "emojivoto" }
        XCTAssertEqual(list.items.map(\.metadata.name), expected.map(\.pod).sorted())
        for pod in list.items {
            let proxy = try XCTUnwrap(expected.first { $0.pod == pod.metadata.name })
            XCTAssertEqual(pod.metadata.labels["linkerd.io/control-plane-ns"], "linkerd")
            XCTAssertEqual(pod.metadata.labels["linkerd.io/proxy-deployment"], proxy.workload.name)
            XCTAssertEqual(PodWorkload.workload(of: pod), proxy.workload)
            XCTAssertEqual(pod.metadata.ownerReferences.first?.kind, "ReplicaSet")
            XCTAssertEqual(PodMesh.adminPort(pod), 4191)
            XCTAssertTrue(PodMesh.isScrapeable(pod))
            XCTAssertEqual(pod.status.podIP, proxy.podIP)
        }
        XCTAssertGreaterThan(Int(list.resourceVersion) ?? 0, 100)
    }

    func testAllNamespacesHoldUnmeshedPodsAndAMissingNamespaceIsEmpty() throws {
        let fixture = try DemoKubeFixture()
        let all = try PodList.decode(Data(fixture.get("/api/v1/pods").body))
        XCTAssertEqual(all.items.filter(PodMesh.isMeshed).count, fixture.mesh.proxies.count)
        let unmeshed = all.items.filter { !PodMesh.isMeshed($0) }.map(\.metadata.namespace)
        XCTAssertEqual(Set(unmeshed), ["default", "ingress"])
        let meshedOnly = try PodList.decode(Data(fixture.get("/api/v1/pods?labelSelector=linkerd.io%2Fcontrol-plane-ns").body))
        XCTAssertEqual(meshedOnly.items.count, fixture.mesh.proxies.count)
        XCTAssertEqual(try PodList.decode(Data(fixture.get("/api/v1/namespaces/nope/pods").body)).items, [])

        let namespaces = fixture.get("/api/v1/namespaces")
        for name in ["default", "emojivoto", "ingress", "kube-system", "linkerd"] {
            XCTAssertTrue(namespaces.text.contains(#""name":"\#(name)""#), name)
        }
        let missing = fixture.get("/api/v1/namespaces/x")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"namespaces \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"namespaces"},"code":404}"#)
    }

    func testWatchFromTheListsVersionReplaysAStoppedAndRestartedPod() throws {
        let fixture = try DemoKubeFixture()
        let list = try PodList.decode(Data(fixture.get("/api/v1/namespaces/emojivoto/pods").body))
        let all = Set(fixture.mesh.proxies.map(\.index))
        let victim = fixture.mesh.proxies.first { $0.workload.name == "web" }!
        fixture.api.update(running: all.subtracting([victim.index]))
        fixture.api.update(running: all)
        let events = try watch(fixture, "/api/v1/namespaces/emojivoto/pods?watch=1&resourceVersion=\(list.resourceVersion)&timeoutSeconds=1")
        guard events.count == 2, case .deleted(let gone) = events[0], case .added(let back) = events[1] else {
            return XCTFail("expected DELETED then ADDED, got \(events)")
        }
        XCTAssertEqual(gone.metadata.name, victim.pod)
        XCTAssertEqual(back.metadata.name, victim.pod)
        XCTAssertGreaterThan(Int(back.metadata.resourceVersion ?? "") ?? 0, Int(gone.metadata.resourceVersion ?? "") ?? 0)
    }

    func testWatchStreamsChangesAsTheyHappenWithBookmarksAndStartsWithEveryPodWithoutAVersion() throws {
        let fixture = try DemoKubeFixture()
        let all = Set(fixture.mesh.proxies.map(\.index))
        let victim = fixture.mesh.proxies.first { $0.workload.name == "emoji" }!
        let api = fixture.api
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { api.update(running: all.subtracting([victim.index])) }
        let events = try watch(fixture, "/api/v1/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=6", seconds: 15)
        let added = events.compactMap { if case .added(let pod) = $0 { pod.metadata.name } else { nil } }
        XCTAssertEqual(added.count, fixture.mesh.proxies.count + 2, "every pod, unmeshed ones too")
        let deleted = events.compactMap { if case .deleted(let pod) = $0 { pod.metadata.name } else { nil } }
        XCTAssertEqual(deleted, [victim.pod])
        guard case .bookmark(let version)? = events.last else { return XCTFail("no bookmark: \(events)") }
        XCTAssertEqual(version, String(api.cluster.resourceVersion))
    }

    func testTooOldVersionGetsAn410ErrorEvent() throws {
        let fixture = try DemoKubeFixture()
        let events = try watch(fixture, "/api/v1/pods?watch=1&resourceVersion=1&timeoutSeconds=5")
        guard events.count == 1, case .error(let status) = events[0] else { return XCTFail("got \(events)") }
        XCTAssertTrue(status.isGone)
        XCTAssertEqual(status.code, 410)
        XCTAssertEqual(status.reason, "Expired")
        XCTAssertTrue(status.message?.hasPrefix("too old resource version: 1 (") ?? false, status.message ?? "")
    }

    func testTokenAndCertificateAuthenticateAndAnythingElseIs401() throws {
        let fixture = try DemoKubeFixture()
        let path = "/api/v1/namespaces/emojivoto/pods"
        XCTAssertEqual(fixture.get(path, .token(fixture.token("demo-token"))).status, 200)
        XCTAssertEqual(fixture.get(path, .certificate).status, 200)
        let none = fixture.get(path, .none)
        XCTAssertEqual(none.status, 401)
        XCTAssertEqual(none.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}"#)
        XCTAssertEqual(fixture.get(path, .token("not-a-token")).status, 401)
        XCTAssertEqual(fixture.get(path, .token(fixture.api.tokens.expired)).status, 401)
        XCTAssertEqual(fixture.get("/version", .none).status, 401)

        let stranger = try DemoKubeCertificates.generate()  // signed by another CA: the handshake fails
        var request = fixture.request(path, .none)
        request.tls?.clientCertificate = .pem(Array(stranger.clientCertificatePEM.utf8))
        request.tls?.clientKey = .pem(Array(stranger.clientKeyPEM.utf8))
        let refused = fixture.fetch([request])[0]
        XCTAssertEqual(refused.status, -1, refused.text)
    }

    func testForbiddenUsersGetRBACsStatus() throws {
        let fixture = try DemoKubeFixture()
        let forbidden = DemoKubeFixture.Credentials.token(fixture.token("demo-forbidden"))
        let inNamespace = fixture.get("/api/v1/namespaces/emojivoto/pods", forbidden)
        XCTAssertEqual(inNamespace.status, 403)
        XCTAssertEqual(inNamespace.text, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"demo-forbidden\" cannot list resource \"pods\" in API group \"\" in the namespace \"emojivoto\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}"#)
        let clusterWide = try XCTUnwrap(status(fixture.get("/api/v1/pods?watch=1", forbidden)))
        XCTAssertEqual(clusterWide.message, #"pods is forbidden: User "demo-forbidden" cannot watch resource "pods" in API group "" at the cluster scope"#)
        XCTAssertEqual(fixture.get("/api/v1/namespaces", forbidden).status, 200)

        let pod = fixture.mesh.proxies[0]
        let scrape = "/api/v1/namespaces/emojivoto/pods/\(pod.pod):4191/proxy/metrics"
        let noProxy = DemoKubeFixture.Credentials.token(fixture.token("demo-no-proxy"))
        XCTAssertEqual(fixture.get("/api/v1/namespaces/emojivoto/pods", noProxy).status, 200)
        let denied = try XCTUnwrap(status(fixture.get(scrape, noProxy)))
        XCTAssertEqual(denied.code, 403)
        XCTAssertEqual(denied.message, #"pods "\#(pod.pod)" is forbidden: User "demo-no-proxy" cannot get resource "pods/proxy" in API group "" in the namespace "emojivoto""#)
        XCTAssertEqual(status(fixture.get(scrape, forbidden))?.code, 403)
    }

    func testPodProxyAnswersAsTheProxyAndTellsUnknownFromStoppedPods() throws {
        let fixture = try DemoKubeFixture()
        let pod = fixture.mesh.proxies[1]
        let scrape = "/api/v1/namespaces/\(pod.workload.namespace)/pods/\(pod.pod):4191/proxy/metrics"
        let answer = fixture.get(scrape, accept: nil)
        XCTAssertEqual(answer.status, 200)
        var samples = 0, errors = 0, requestTotal = false
        answer.body.withUnsafeBufferPointer { buffer in
            var scanner = ExpositionScanner(buffer)
            while let event = scanner.next() {
                if case .sample(let sample) = event {
                    samples += 1
                    requestTotal = requestTotal || ExpositionText.string(sample.name, in: buffer) == "request_total"
                }
                if case .error = event { errors += 1 }
            }
        }
        XCTAssertGreaterThan(samples, 10)
        XCTAssertEqual(errors, 0)
        XCTAssertTrue(requestTotal)
        XCTAssertEqual(answer.body, fixture.mesh.metricsBody(pod.index, at: 30))

        let unknown = try XCTUnwrap(status(fixture.get("/api/v1/namespaces/emojivoto/pods/nope:4191/proxy/metrics")))
        XCTAssertEqual(unknown.code, 404)
        XCTAssertEqual(unknown.reason, "NotFound")
        XCTAssertEqual(unknown.message, #"pods "nope" not found"#)
        XCTAssertEqual(unknown.details?.kind, "pods")
        fixture.api.update(running: Set(fixture.mesh.proxies.map(\.index)).subtracting([pod.index]))
        let stopped = try XCTUnwrap(status(fixture.get(scrape)))
        XCTAssertEqual(stopped.code, 503)
        XCTAssertEqual(stopped.message, "error trying to reach service: dial tcp \(pod.podIP):4191: connect: connection refused")
    }

    /// The events of a watch that ends within `seconds`.
    private func watch(_ fixture: DemoKubeFixture, _ path: String, seconds: Int = 10) throws -> [PodWatchEvent] {
        let answer = fixture.get(path, totalSeconds: seconds)
        XCTAssertEqual(answer.status, 200, answer.text)
        var decoder = PodWatchDecoder()
        decoder.append(answer.body)
        var events: [PodWatchEvent] = []
        while let event = try decoder.next() { events.append(event) }
        return events
    }

    private func status(_ answer: DemoKubeFixture.Answer) -> PodAPIStatus? {
        try? JSONDecoder().decode(PodAPIStatus.self, from: Data(answer.body))
    }
}
