import MeshTUI
import MeshTap
import XCTest

/// The Tap view: the feed, the filter language, the keys, and the rendered stream and detail.
final class TapViewTests: XCTestCase {
    private typealias S = TapSamples

    private func render(_ feed: TapFeed = TapSamples.feed(), state: TapViewState = TapViewState(),
                        glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        TapPageView.draw(feed, state: state, glyphs: glyphs, atMs: S.nowMs, lines: 0..<height, into: &grid)
        return grid
    }

    private func pressing(_ keys: [Key], feed: TapFeed = TapSamples.feed(), state: TapViewState = TapViewState())
        -> TapViewState {
        var state = state
        for key in keys {
            state.press(key, in: .stream, shown: feed.shown(filter: state.filter), topRows: 0, visible: 10)
        }
        return state
    }

    // MARK: the feed

    func testFeedKeepsTheLatestRequestsAndCountsTheRest() {
        var feed = TapFeed(capacity: 3)
        for request in S.requests.prefix(5) { feed.add(request, atMs: request.endedAtMs) }
        XCTAssertEqual(feed.total, 5)
        XCTAssertEqual(feed.shownCount, 3)
        XCTAssertEqual(feed.forgotten, 2)
        XCTAssertEqual(feed.shown(filter: TapViewFilter()), Array(S.requests[2..<5]), "oldest first, the newest kept")
        XCTAssertEqual(feed.topRows(span: .sinceStart, filter: TapViewFilter(), order: .count, descending: true,
                                    atMs: S.nowMs).rows.reduce(0) { $0 + $1.count }, 5, "Top counts every request")
    }

    func testRateIsOverTheLastWholeSeconds() {
        XCTAssertEqual(TapFeed().requestsPerSecond(atMs: S.nowMs), 0)
        // Seconds 1 to 5 after the start hold 1 + 2 + 2 + 2 + 2 requests.
        XCTAssertEqual(S.feed().requestsPerSecond(atMs: S.nowMs), 1.8, accuracy: 1e-9)
        // Long after, nothing recent.
        XCTAssertEqual(S.feed().requestsPerSecond(atMs: S.nowMs + 60_000), 0)
        var young = TapFeed()
        young.add(S.requests[0], atMs: S.startMs)
        young.add(S.requests[1], atMs: S.startMs + 500)
        XCTAssertEqual(young.requestsPerSecond(atMs: S.startMs + 900), 0, "no whole second yet")
        XCTAssertEqual(young.requestsPerSecond(atMs: S.startMs + 1_000), 2, "one second so far")
    }

    func testLostCountsUnpairedEventsAndTheSamplingIsStated() {
        var feed = S.feed()
        XCTAssertEqual(feed.lost, 0)
        feed.pairing = TapPairingCounts(completed: 12, unknownStream: 2, expired: 1, evicted: 3, replaced: 1)
        XCTAssertEqual(feed.lost, 7)
        let header = render(feed).trimmedRows[0]
        XCTAssertTrue(header.contains("✗ 7 lost"), header)
        XCTAssertTrue(header.contains("sampled: ≤100 rps per proxy"), header)
        feed.maxRps = nil
        XCTAssertTrue(render(feed, width: 120).trimmedRows[0].contains("tap samples requests"))
    }

    func testPauseFreezesWhatIsShownButKeepsCounting() {
        var feed = TapFeed()
        for request in S.requests.prefix(4) { feed.add(request, atMs: request.endedAtMs) }
        feed.setPaused(true, atMs: S.startMs + 1_500)
        for request in S.requests[4...] { feed.add(request, atMs: request.endedAtMs) }
        XCTAssertTrue(feed.isPaused)
        XCTAssertEqual(feed.shown(filter: TapViewFilter()).count, 4)
        XCTAssertEqual(feed.heldBack, 8)
        XCTAssertEqual(feed.total, 12)
        XCTAssertEqual(feed.requestsPerSecond(atMs: S.nowMs), 1.8, accuracy: 1e-9, "the rate stays live")
        let frozenTop = feed.topRows(span: .window, filter: TapViewFilter(), order: .count, descending: true, atMs: S.nowMs)
        XCTAssertEqual(frozenTop.rows.reduce(0) { $0 + $1.count }, 4, "Top is frozen too")
        var paused = TapViewState()
        paused.paused = true
        XCTAssertTrue(render(feed, state: paused).trimmedRows[0].hasPrefix("TAP · PAUSED (8 new) · 1.8 req/s"))
        feed.setPaused(false, atMs: S.nowMs)
        XCTAssertEqual(feed.shown(filter: TapViewFilter()).count, 12)
        XCTAssertEqual(feed.heldBack, 0)
    }

    func testNoticesKeepTheLatestAndShowForAMinute() {
        var feed = S.feed()
        for i in 1...7 { feed.notice("notice \(i)", atMs: S.startMs + Int64(i)) }
        XCTAssertEqual(feed.notices.map(\.text), (3...7).map { "notice \($0)" })
        feed.notice("stream stalled: reconnecting\u{1B}[2J", atMs: S.startMs + 5_000)
        XCTAssertEqual(render(feed).trimmedRows[2], "▸ 22:13:25.000 stream stalled: reconnecting\\x1b[2J")
        var later = CellGrid(width: 80, height: 24)
        TapPageView.draw(feed, state: TapViewState(), glyphs: .unicode, atMs: S.startMs + 65_000, lines: 0..<24,
                         into: &later)
        XCTAssertFalse(later.screen.contains("reconnecting"), "an old notice goes away")
    }

    // MARK: the filter language

    func testFilterLinesThatParse() throws {
        let cases: [(String, TapViewFilter)] = [
            ("", TapViewFilter()),
            ("   ", TapViewFilter()),
            ("method=post path=/api status=5xx latency>100ms ns=emojivoto web",
             TapViewFilter(workload: "web", namespace: "emojivoto", method: "POST", pathPrefix: "/api",
                           status: .serverError5xx, minLatencyMs: 100)),
            ("latency>=1s", TapViewFilter(minLatencyMs: 1_000)),
            ("LATENCY>1m30s", TapViewFilter(minLatencyMs: 90_000)),
            ("namespace=linkerd-viz", TapViewFilter(namespace: "linkerd-viz")),
            ("workload=deploy/web", TapViewFilter(workload: "deploy/web")),
            ("status=GRPC-ERROR", TapViewFilter(status: .grpcError)),
            ("status=reset", TapViewFilter(status: .reset)),
            ("path=/a=b", TapViewFilter(pathPrefix: "/a=b")),
        ]
        for (line, expected) in cases {
            let filter = try TapViewFilter(parsing: line)
            XCTAssertEqual(filter, expected, line)
            XCTAssertEqual(try TapViewFilter(parsing: filter.line), filter, "\(filter.line) reads back")
        }
    }

    func testFilterLinesThatDoNotParseSayWhy() {
        let hint = "use method=, path=, status=, latency>, ns= or a workload name"
        let cases: [(String, String)] = [
            ("foo=bar", "unknown condition foo: \(hint)"),
            ("=x", "unknown condition =x: \(hint)"),
            ("status=6xx", "status=6xx: status is one of 2xx, 3xx, 4xx, 5xx, grpc-error, reset"),
            ("latency>fast", "latency>fast: fast is not a duration (100ms, 1s, 1m)"),
            ("latency=100ms", "latency=100ms: latency takes > or >=, as in latency>100ms"),
            ("latency<5ms", "latency<5ms: latency takes > or >=, as in latency>100ms"),
            ("method=", "method= needs a value, as in method=POST"),
            ("ns>x", "ns>x: ns takes =, as in ns=emojivoto"),
            ("path=api", "path=api: a path starts with /, as in path=/api"),
            ("method=GET method=POST", "method is given twice: a filter has one method (method=POST)"),
            ("ns=a namespace=b", "ns is given twice: a filter has one ns (namespace=b)"),
            ("web voting", "workload is given twice: a filter has one workload (voting)"),
            ("\u{1B}[2J=1", "unknown condition \\x1b[2j: \(hint)"),
        ]
        for (line, message) in cases {
            XCTAssertThrowsError(try TapViewFilter(parsing: line), line) { error in
                XCTAssertEqual((error as? TapFilterError)?.description, message, line)
            }
        }
    }

    func testFilterConditionsMatchRequests() throws {
        func count(_ line: String) throws -> Int {
            try S.feed().shown(filter: TapViewFilter(parsing: line)).count
        }
        XCTAssertEqual(try count(""), 12)
        XCTAssertEqual(try count("voting"), 5, "source or destination")
        XCTAssertEqual(try count("voting-7c9b"), 5, "by pod name too")
        XCTAssertEqual(try count("ns=legacy"), 1)
        XCTAssertEqual(try count("method=post"), 4)
        XCTAssertEqual(try count("path=/api/"), 6)
        XCTAssertEqual(try count("status=2xx"), 9, "gRPC answers are HTTP 200s")
        XCTAssertEqual(try count("status=4xx"), 1)
        XCTAssertEqual(try count("status=5xx"), 1)
        XCTAssertEqual(try count("status=grpc-error"), 1)
        XCTAssertEqual(try count("status=reset"), 1)
        XCTAssertEqual(try count("latency>100ms"), 2)
        XCTAssertEqual(try count("voting method=POST latency>20ms"), 2)
    }

    // MARK: keys

    func testMovingBackStopsFollowingAndGFollowsAgain() {
        let shown = S.feed().shown(filter: TapViewFilter())
        XCTAssertTrue(TapViewState().isFollowing)
        XCTAssertEqual(pressing([.character("k")]).selected, shown[10])
        XCTAssertEqual(pressing([.up, .up, .down]).selected, shown[10])
        XCTAssertTrue(pressing([.character("k"), .character("j")]).isFollowing, "down onto the newest follows")
        XCTAssertEqual(pressing([.character("g")]).selected, shown[0])
        XCTAssertEqual(pressing([.character("g"), .pageDown]).selected, shown[9])
        XCTAssertEqual(pressing([.pageUp, .pageUp]).selected, shown[0], "clamped at the oldest")
        XCTAssertTrue(pressing([.character("g"), .character("G")]).isFollowing)
        XCTAssertTrue(pressing([.character("g"), .escape]).isFollowing, "Esc without a filter follows")
    }

    func testSelectionStaysOnItsRequestAsNewOnesArrive() {
        var feed = TapFeed()
        for request in S.requests.prefix(6) { feed.add(request, atMs: request.endedAtMs) }
        let state = pressing([.character("k"), .character("k")], feed: feed)
        XCTAssertEqual(state.selected, S.requests[3])
        for request in S.requests[6...] { feed.add(request, atMs: request.endedAtMs) }
        XCTAssertEqual(state.selectedIndex(in: feed.shown(filter: TapViewFilter())), 3)
    }

    func testEnterOpensTheRequestAndEscClosesIt() {
        let shown = S.feed().shown(filter: TapViewFilter())
        XCTAssertEqual(pressing([.enter]).detail, shown[11], "the newest while following")
        XCTAssertEqual(pressing([.character("g"), .enter]).detail, shown[0])
        XCTAssertNil(pressing([.enter, .escape]).detail)
        var state = pressing([.enter])
        XCTAssertFalse(state.press(.character("k"), in: .stream, shown: shown, topRows: 0, visible: 10),
                       "the detail ignores moves")
        XCTAssertFalse(state.uses(.character("q"), in: .stream), "q still quits")
    }

    func testPauseAndTheFilterLine() {
        XCTAssertTrue(pressing([.character("p")]).paused)
        XCTAssertFalse(pressing([.character("p"), .character("p")]).paused)
        let typing = pressing([.character("/")] + "status=5xx".map { .character($0) })
        XCTAssertEqual(typing.input, "status=5xx")
        XCTAssertTrue(typing.uses(.character("q"), in: .stream), "a line being typed takes every key")
        let applied = pressing([.enter], state: typing)
        XCTAssertEqual(applied.filter, TapViewFilter(status: .serverError5xx))
        XCTAssertNil(applied.input)
        XCTAssertEqual(pressing([.character("/")], state: applied).input, "status=5xx", "/ edits the applied line")
        XCTAssertEqual(pressing([.escape], state: applied).filter, TapViewFilter(), "Esc clears the filter")
        let refused = pressing([.character("/")] + "status=9xx".map { .character($0) } + [.enter])
        XCTAssertEqual(refused.input, "status=9xx", "kept open to fix")
        XCTAssertEqual(refused.filter, TapViewFilter())
        XCTAssertEqual(refused.message, "status=9xx: status is one of 2xx, 3xx, 4xx, 5xx, grpc-error, reset")
        let fixed = pressing([.backspace, .backspace, .backspace, .character("4"), .character("x"), .character("x"),
                              .enter], state: refused)
        XCTAssertEqual(fixed.filter, TapViewFilter(status: .clientError4xx))
        XCTAssertNil(fixed.message)
        XCTAssertNil(pressing([.escape], state: refused).input, "Esc drops the line")
        XCTAssertNil(pressing([.character("/"), .backspace]).input, "Backspace on an empty line closes it")
    }

    func testPressSaysWhetherAnythingChanged() {
        var state = TapViewState()
        let shown = S.feed().shown(filter: TapViewFilter())
        XCTAssertFalse(state.press(.character("j"), in: .stream, shown: shown, topRows: 0, visible: 10),
                       "already following")
        XCTAssertTrue(state.press(.character("k"), in: .stream, shown: shown, topRows: 0, visible: 10))
        XCTAssertFalse(state.press(.character("x"), in: .stream, shown: shown, topRows: 0, visible: 10))
        XCTAssertFalse(state.uses(.character("s"), in: .stream), "sorting is Top's")
        XCTAssertFalse(state.uses(.tab, in: .stream))
    }

    // MARK: the screen

    func testStreamAt80x24() {
        let rows = render().trimmedRows
        XCTAssertEqual(rows[0], "TAP · 1.8 req/s · 0 lost · sampled: ≤100 rps per proxy · following · 12 kept")
        XCTAssertEqual(rows[1], "no filter: / method=POST path=/api status=5xx latency>100ms ns=NS name")
        XCTAssertEqual(rows[2], "TIME UTC     DIR FROM → TO         METHOD  PATH         STATUS       LATENCY TLS")
        XCTAssertEqual(rows[14], "22:13:25.900 out web → emoji       GET     /api/list    200              6ms ✓")
        XCTAssertEqual(rows[8], "22:13:22.500 in  cron-28301 → web  GET     /healthz     200              1ms ✗",
                       "plaintext marked by a glyph")
        XCTAssertEqual(rows[7], "22:13:22.000 out web → voting      GET     …=:doughnut: ✗ 503          230ms ✓",
                       "a failure marked by a glyph, the path's end kept")
        let screen = render(width: 120).screen
        for part in ["✗ Unavailable", "✗ 503", "✗ reset", "404", "1.5s", "bot\\x1b[2J"] {
            XCTAssertTrue(screen.contains(part), "\(part) missing:\n\(screen)")
        }
    }

    func testSelectedRequestIsInReverseVideo() {
        let grid = render(state: pressing([.character("g")]))
        XCTAssertTrue(grid[0, 3].style.reverse, "the first request, selected")
        XCTAssertFalse(grid[0, 4].style.reverse)
        XCTAssertTrue(grid.trimmedRows[0].contains("scrolled (G follows)"))
        XCTAssertFalse(render().cells.contains { $0.style.reverse && $0.character != " " && $0.style.role == .selected },
                       "no selection while following")
    }

    func testLongPathsKeepTheirEnd() {
        let long = S.request(S.web, S.voting, path: "/api/v1/namespaces/emojivoto/very/long/path/leaf-name",
                             latencyMs: 3, atMs: S.startMs)
        var feed = TapFeed()
        feed.add(long, atMs: S.startMs)
        let row = render(feed).trimmedRows[3]
        XCTAssertTrue(row.contains("…"), row)
        XCTAssertTrue(row.contains("/leaf-name 200"), row)
    }

    func testFilterAndEmptyMessages() throws {
        var state = TapViewState()
        state.filter = try TapViewFilter(parsing: "status=5xx voting")
        let rows = render(state: state, width: 120).trimmedRows
        XCTAssertEqual(rows[1], "filter: status=5xx voting  (Esc clears)")
        XCTAssertTrue(rows[0].contains("1 of 12 kept match"), rows[0])
        XCTAssertEqual(rows[4], "", "one request")
        state.filter = TapViewFilter(method: "DELETE")
        XCTAssertEqual(render(state: state).trimmedRows[3], "No request matches the filter: Esc clears it.")
        XCTAssertEqual(render(TapFeed()).trimmedRows[3], "No requests yet: tap shows them as the proxies report them.")
    }

    func testTypedLineAndItsErrorTakeTheBottom() {
        let refused = pressing([.character("/")] + "status=9xx".map { .character($0) } + [.enter])
        let rows = render(state: refused).trimmedRows
        XCTAssertEqual(rows[23], "/status=9xx_ status=9xx: status is one of 2xx, 3xx, 4xx, 5xx, grpc-error, reset")
    }

    func testHostileStringsAreShownEscaped() {
        for glyphs in [Glyphs.unicode, .ascii] {
            for state in [TapViewState(), pressing([.character("k"), .enter])] {
                let grid = render(state: state, glyphs: glyphs, width: 200, height: 60)
                XCTAssertFalse(grid.cells.contains { cell in
                    cell.character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
                        || (0x202A...0x202E).contains($0.value) }
                }, "a control character reached the grid")
                XCTAssertTrue(grid.screen.contains("\\x1b"), grid.screen)
            }
        }
    }

    func testDetailShowsEveryFieldEscaped() {
        let screen = render(state: pressing([.character("k"), .enter]), width: 120, height: 40).screen
        for part in [
            "PRO\\x1b[31mPFIND web\\x1b[H/x\\x1b]52;c;cm0gLXJm\\x07/\\x9b1m/end",
            "started      22:13:25.291 UTC", "ended        22:13:25.300 UTC",
            "direction    outbound: seen by the client's proxy",
            "source       deploy/bot\\x1b[2J\\x1b]52;c;aGk=\\x07 · pod bot-\\u{202e}gnp.exe · ns default · 10.1.0.66:8080",
            "destination  deploy/web · pod web-5d4f-xk2p9 · ns emojivoto · 10.1.0.5:41322",
            "tls          ✓ mtls", "id           7:11", "status       200", "outcome      200",
            "latency      total 9ms · first byte 8ms · body 1ms", "bytes        512 (response body)",
            "request      x-evil\\x1b[2J: a\\u{202e}b\\x85c", "request      x-bytes: A\\xff\\xfe\\x1b\\x5cB",
            "Esc back",
        ] {
            XCTAssertTrue(screen.contains(part), "\(part) missing:\n\(screen)")
        }
    }

    func testDetailOfAResetAndAGRPCFailure() {
        let shown = S.feed().shown(filter: TapViewFilter())
        var state = TapViewState()
        state.detail = shown[8]
        let reset = render(state: state, width: 100).screen
        XCTAssertTrue(reset.contains("status       none: the stream ended before a response head"), reset)
        XCTAssertTrue(reset.contains("outcome      ✗ reset"), reset)
        state.detail = shown[2]
        let grpc = render(state: state, width: 100).screen
        XCTAssertTrue(grpc.contains("status       200 · grpc-status Unavailable (14)"), grpc)
    }

    func testSnapshots() {
        snapshotMatrix(name: "tap") { width, height, glyphs in
            var feed = S.feed()
            feed.notice("stream stalled for 10s: reconnecting", atMs: S.startMs + 5_500)
            feed.pairing = TapPairingCounts(completed: 12, unknownStream: 3)
            return render(feed, state: pressing([.up, .up, .up]), glyphs: glyphs, width: width, height: height)
        }
        snapshotMatrix(name: "tap-detail") { width, height, glyphs in
            render(state: pressing([.character("k"), .enter]), glyphs: glyphs, width: width, height: height)
        }
    }
}
