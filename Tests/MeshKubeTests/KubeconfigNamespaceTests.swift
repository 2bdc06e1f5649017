import MeshKube
import XCTest

final class KubeconfigNamespaceTests: XCTestCase {
    func testNamespaceRule() {
        let cases: [(explicit: String?, all: Bool, context: String?, expected: NamespaceSelection)] = [
            ("web", false, "ctx", .one("web")),
            ("web", true, "ctx", .one("web")),
            (nil, true, "ctx", .all),
            ("", true, nil, .all),
            (nil, false, "ctx", .one("ctx")),
            ("", false, "ctx", .one("ctx")),
            (nil, false, nil, .one("default")),
            (nil, false, "", .one("default")),
        ]
        for (explicit, all, context, expected) in cases {
            XCTAssertEqual(NamespaceSelection.choose(explicit: explicit, allNamespaces: all, contextNamespace: context),
                           expected, "--ns \(explicit ?? "nil") -A \(all) context \(context ?? "nil")")
        }
    }
}
