import Foundation
import XCTest

/// The live view over a cluster, on the real binary in tmux: the header names the context,
/// `:ctx` switches to another (whose problem then shows under the header), `:ns` lists the
/// cluster's namespaces, and `q` leaves cleanly.
final class DashboardKubeTmuxTests: XCTestCase {
    override func setUpWithError() throws {
        if let missing = TmuxPane.missing { throw XCTSkip(missing) }
    }

    func testContextsAndNamespacesFromTheCluster() throws {
        let demo = try DemoEndToEndTests.DemoProcess(["--topology", "emojivoto", "--scenario", "steady"], kubeAPI: true)
        defer { _ = demo.stop() }
        let pane = try TmuxPane(["--kubeconfig", demo.kubeconfig.path, "--interval", "1s"], width: 120, height: 30)
        defer { pane.close() }
        pane.waitForScreen(containing: "ctx meshtop-demo")
        pane.waitForScreen(containing: "deployment/web")

        let steps: [(keys: [String], shows: String)] = [
            ([":", "c", "t", "x", "Enter"], "Contexts"),
            (["f", "o", "r", "b"], "demo-forbidden"),
            (["Enter"], "ctx demo-forbidden"),
            ([], "may not list pods"),
            ([":", "c", "t", "x", "Space", "d", "e", "m", "o", "-", "t", "o", "k", "e", "n", "Enter"], "ctx demo-token"),
            ([], "deployment/web"),
            ([":", "n", "s", "Enter"], "kube-system"),
            (["Escape"], "deployment/web"),
        ]
        for step in steps {
            pane.press(step.keys)
            pane.waitForScreen(containing: step.shows)
        }
        XCTAssertFalse(pane.screen().contains("may not list pods"), "the token user's context has no problem")
        pane.press("q")
        XCTAssertEqual(pane.waitForExit(), 0)
    }
}
