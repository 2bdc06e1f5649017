import MeshKube
import XCTest

final class PodWatchDecoderTests: XCTestCase {
    /// Every event `decoder` has complete.
    private func drain(_ decoder: inout PodWatchDecoder) throws -> [PodWatchEvent] {
        var events: [PodWatchEvent] = []
        while let event = try decoder.next() {
            events.append(event)
        }
        return events
    }

    func testWholeStreamInOnePiece() throws {
        var decoder = PodWatchDecoder()
        decoder.append(try PodFixture.emojivotoWatch())
        let events = try drain(&decoder)
        XCTAssertEqual(events.count, 5)
        guard case let .added(pod) = events[0] else { return XCTFail("\(events[0])") }
        XCTAssertEqual(pod.metadata.name, "web-7d9c8b5f4-n6w9d")
        XCTAssertEqual(events[3], .bookmark(resourceVersion: "48301"))
        guard case let .error(status) = events[4] else { return XCTFail("\(events[4])") }
        XCTAssertTrue(status.isGone)
    }

    func testPiecesCutAnywhereGiveTheSameEvents() throws {
        let stream = try PodFixture.emojivotoWatch()
        var whole = PodWatchDecoder()
        whole.append(stream)
        let expected = try drain(&whole)
        for size in [1, 2, 7, 64, 1000] {
            var decoder = PodWatchDecoder()
            var events: [PodWatchEvent] = []
            var offset = 0
            while offset < stream.count {
                decoder.append(stream[offset..<min(offset + size, stream.count)])
                offset += size
                events += try drain(&decoder)
            }
            XCTAssertEqual(events, expected, "pieces of \(size) bytes")
        }
    }

    func testAnUnfinishedLineWaitsForItsNewline() throws {
        let line = Array(#"{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"5"}}}"#.utf8)
        var decoder = PodWatchDecoder()
        decoder.append(line)
        XCTAssertNil(try decoder.next())
        decoder.append(Array("\r\n\n  \n".utf8))
        XCTAssertEqual(try decoder.next(), .bookmark(resourceVersion: "5"))
        XCTAssertNil(try decoder.next())
    }

    func testABadLineIsConsumedAndTheNextStillDecodes() throws {
        var decoder = PodWatchDecoder()
        decoder.append(Array("not json\n{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"6\"}}}\n".utf8))
        XCTAssertThrowsError(try decoder.next())
        XCTAssertEqual(try decoder.next(), .bookmark(resourceVersion: "6"))
    }

    func testALineThatNeverEndsIsRefused() throws {
        var decoder = PodWatchDecoder(lineLimit: 100)
        decoder.append([UInt8](repeating: UInt8(ascii: "x"), count: 60))
        XCTAssertNil(try decoder.next())
        decoder.append([UInt8](repeating: UInt8(ascii: "x"), count: 60))
        XCTAssertThrowsError(try decoder.next()) { error in
            XCTAssertEqual(error as? PodDecodingError, .lineTooLong(limit: 100))
        }
        decoder.append(Array("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"8\"}}}\n".utf8))
        XCTAssertEqual(try decoder.next(), .bookmark(resourceVersion: "8"))
    }
}
