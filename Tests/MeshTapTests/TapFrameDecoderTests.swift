import XCTest
@testable import MeshTap

/// Framing: 4-byte little-endian lengths, in whatever chunks the bytes come.
final class TapFrameDecoderTests: XCTestCase {
    let messages: [[UInt8]] = [[0x0A, 0x00], [], Array(repeating: 0x5A, count: 300), [0x01]]

    var stream: [UInt8] { messages.flatMap(Wire.frame) }

    func drain(_ decoder: inout TapFrameDecoder) throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        while let message = try decoder.nextMessage() { out.append(message) }
        return out
    }

    func testPrefixIsLittleEndian() {
        XCTAssertEqual(TapFrame.encode(Array(repeating: 7, count: 258)).prefix(4), [0x02, 0x01, 0x00, 0x00])
        XCTAssertEqual(TapFrame.encode([]), [0, 0, 0, 0])
        XCTAssertEqual(TapFrame.encode([9, 8]), Wire.frame([9, 8]))
    }

    func testSeveralFramesInOneChunk() throws {
        var decoder = TapFrameDecoder()
        decoder.append(stream)
        XCTAssertEqual(try drain(&decoder), messages)
        XCTAssertEqual(decoder.bufferedBytes, 0)
        XCTAssertNoThrow(try decoder.finish())
    }

    func testEverySplitPointGivesTheSameFrames() throws {
        for split in 0...stream.count {
            var decoder = TapFrameDecoder()
            decoder.append(stream[..<split])
            var out = try drain(&decoder)
            decoder.append(stream[split...])
            out += try drain(&decoder)
            XCTAssertEqual(out, messages, "split at \(split)")
            XCTAssertNoThrow(try decoder.finish())
        }
    }

    func testOneByteAtATime() throws {
        var decoder = TapFrameDecoder()
        var out: [[UInt8]] = []
        for byte in stream {
            decoder.append(CollectionOfOne(byte))
            out += try drain(&decoder)
            XCTAssertLessThan(decoder.bufferedBytes, 305)
        }
        XCTAssertEqual(out, messages)
    }

    func testTruncatedStream() throws {
        let cases: [(bytes: [UInt8], error: TapStreamError)] = [
            ([0x05, 0x00], .truncatedFrame(received: 2, expected: nil)),
            ([0x05, 0x00, 0x00, 0x00, 0xAA, 0xBB], .truncatedFrame(received: 6, expected: 9)),
            (Wire.frame([1, 2]) + [0x03], .truncatedFrame(received: 1, expected: nil)),
        ]
        for c in cases {
            var decoder = TapFrameDecoder()
            decoder.append(c.bytes)
            _ = try drain(&decoder)
            XCTAssertThrowsError(try decoder.finish(), "\(c.bytes)") { error in
                XCTAssertEqual(error as? TapStreamError, c.error)
            }
        }
        XCTAssertEqual(TapStreamError.truncatedFrame(received: 6, expected: 9).description,
                       "tap stream ended inside a frame: 6 of 9 bytes")
    }

    func testOversizedLengthIsAnErrorNotAnAllocation() throws {
        var decoder = TapFrameDecoder(maxMessageBytes: 1024)
        decoder.append([0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        XCTAssertThrowsError(try decoder.nextMessage()) { error in
            XCTAssertEqual(error as? TapStreamError, .frameTooLarge(length: 4_294_967_295, limit: 1024))
        }
        XCTAssertEqual(decoder.bufferedBytes, 0)
        decoder.append(Wire.frame([1]))
        XCTAssertThrowsError(try decoder.nextMessage(), "a broken stream stays broken")
        XCTAssertThrowsError(try decoder.finish())
        XCTAssertEqual(decoder.bufferedBytes, 0)
    }

    func testTheDefaultLimitIsFourMebibytes() throws {
        XCTAssertEqual(TapFrame.defaultMaxMessageBytes, 4 * 1024 * 1024)
        var atLimit = TapFrameDecoder(maxMessageBytes: 3)
        atLimit.append(Wire.frame([1, 2, 3]))
        XCTAssertEqual(try atLimit.nextMessage(), [1, 2, 3])
        var overLimit = TapFrameDecoder()
        overLimit.append([0x01, 0x00, 0x40, 0x00])  // 4 MiB + 1
        XCTAssertThrowsError(try overLimit.nextMessage()) { error in
            XCTAssertEqual(error as? TapStreamError, .frameTooLarge(length: 4_194_305, limit: 4_194_304))
        }
    }
}
