import CCurl
import Foundation

/// `curl_global_init`, run once, lazily and thread-safely (Swift initialises globals with `swift_once`).
let curlGlobalReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

/// The `CURLOPT_WRITEFUNCTION` of every transfer: hands the piece to the stream of the
/// ``CurlTransfer`` passed as `CURLOPT_WRITEDATA`, or appends it to its body, and aborts the
/// transfer (libcurl then reports `CURLE_WRITE_ERROR`) once the body would exceed its limit.
private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                           _ context: UnsafeMutableRawPointer?) -> Int {
    let n = size * count
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if transfer.received + n > transfer.bodyLimit {
        transfer.bodyLimitHit = true
        return 0
    }
    transfer.received += n
    guard n > 0, let data else { return n }
    let piece = UnsafeRawBufferPointer(start: data, count: n)
    if let stream = transfer.stream, transfer.streamsBody {
        stream(transfer.index, piece.assumingMemoryBound(to: UInt8.self))
    } else {
        transfer.body.append(contentsOf: piece)
    }
    return n
}

/// One reusable libcurl easy handle and the state of the transfer it is running.
///
/// ``HTTPFetcher`` owns these; each is touched only by the thread running `fetchAll`, including
/// from ``curlWriteBody``, which libcurl calls inside `curl_multi_perform` on that same thread.
final class CurlTransfer {
    /// The `CURL *` handle. Reusing it keeps libcurl's per-handle caches warm.
    let easy: UnsafeMutableRawPointer
    /// Index of the request being fetched in the current `fetchAll` call.
    var index = -1
    /// Whether the handle is currently added to the fetcher's multi handle.
    var inMulti = false
    /// The body received so far, unless it is streamed.
    var body: [UInt8] = []
    /// Where the body goes piece by piece instead, with the request's index; set only for
    /// the length of one `HTTPFetcher.streamEach` call.
    var stream: ((Int, UnsafeBufferPointer<UInt8>) -> Void)?
    /// Whether the body goes to ``stream``: not when the answer is an HTTP error, whose body
    /// says why (a Kubernetes `Status`) and is kept instead. Decided at the first piece.
    var streamsBody: Bool {
        if let decided = streamDecision { return decided }
        var status = 0
        _ = meshtop_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        streamDecision = status < 300
        return status < 300
    }
    private var streamDecision: Bool?
    /// Bytes of (decoded) body received so far.
    var received = 0
    /// The most bytes ``body`` may hold.
    var bodyLimit = 0
    /// Set by the write callback when it aborted the transfer because of ``bodyLimit``.
    var bodyLimitHit = false
    /// When the transfer was handed to libcurl.
    var startedAt = Date()
    /// Same moment, on a monotonic clock, for the duration.
    var startInstant = ContinuousClock.now
    /// The request's header list, owned until the transfer ends.
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The `CURLOPT_CONNECT_TO` entry of a request with a TLS server name, owned likewise.
    var connectTo: UnsafeMutablePointer<curl_slist>?
    /// `CURLOPT_ERRORBUFFER`: libcurl writes a detailed message here on failure.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle, or `nil` if libcurl can't.
    init?() {
        guard let easy = curl_easy_init() else { return nil }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_slist_free_all(headerList)
        curl_slist_free_all(connectTo)
        curl_easy_cleanup(easy)
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failure, or `""`.
    var errorDetail: String {
        String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resets the handle and configures it to fetch `request` within `limits`; with
    /// `prunesHostCache`, its end drops host-cache entries older than a minute.
    /// Returns the first `CURLcode` that isn't `CURLE_OK`, if any.
    ///
    /// libcurl prunes its host cache at the end of every transfer by walking all of it, and
    /// the cache holds an entry per host *and port*: with a port per target, that is a walk
    /// over every target per transfer. So only the transfer asked to prunes (one per round);
    /// for the others the entries never expire.
    func prepare(_ request: FetchRequest, index: Int, limits: FetchLimits, prunesHostCache: Bool) -> CURLcode {
        curl_easy_reset(easy)
        finish()
        self.index = index
        body = []
        streamDecision = nil
        received = 0
        bodyLimit = limits.maxBodyBytes
        bodyLimitHit = false
        errorBuffer[0] = 0

        var lines = request.headers
        if let accept = request.accept { lines.append("Accept: \(accept)") }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else { return CURLE_OUT_OF_MEMORY }
            headerList = appended
        }

        let context = Unmanaged.passUnretained(self).toOpaque()
        let tls = request.tls.map { apply($0, to: request.url) } ?? (codes: [], url: request.url)
        // Without a proxy of its own, a request goes as the environment says (http_proxy, no_proxy…).
        let proxy = request.proxy.map { [meshtop_setopt_str(easy, CURLOPT_PROXY, $0)] } ?? []
        let post = request.body.map { body in
            [meshtop_setopt_long(easy, CURLOPT_POSTFIELDSIZE, body.count),
             body.withUnsafeBytes { meshtop_setopt_ptr(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }]
        } ?? []
        let codes: [CURLcode] = tls.codes + proxy + post + [
            meshtop_setopt_str(easy, CURLOPT_URL, tls.url),
            // Only these; and no CURLOPT_FOLLOWLOCATION, so redirects aren't followed anywhere.
            meshtop_setopt_str(easy, CURLOPT_PROTOCOLS_STR, "http,https,file"),
            meshtop_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            meshtop_setopt_long(easy, CURLOPT_DNS_CACHE_TIMEOUT, prunesHostCache ? 60 : -1),
            meshtop_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, limits.connectTimeoutMs),
            meshtop_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.timeoutMs ?? limits.totalTimeoutMs),
            meshtop_setopt_str(easy, CURLOPT_ACCEPT_ENCODING, ""),  // all that libcurl can decode
            meshtop_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes)),
            meshtop_setopt_str(easy, CURLOPT_USERAGENT, "meshtop"),
            meshtop_setopt_write(easy, curlWriteBody),
            meshtop_setopt_ptr(easy, CURLOPT_WRITEDATA, context),
            meshtop_setopt_ptr(easy, CURLOPT_PRIVATE, context),
            meshtop_setopt_ptr(easy, CURLOPT_ERRORBUFFER, errorBuffer),
            meshtop_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList),
        ]
        startedAt = Date()
        startInstant = ContinuousClock.now
        return codes.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// Frees what the finished transfer no longer needs.
    func finish() {
        curl_slist_free_all(headerList)
        headerList = nil
        curl_slist_free_all(connectTo)
        connectTo = nil
    }

    /// Milliseconds since ``prepare``.
    var elapsedMs: Double {
        let elapsed = ContinuousClock.now - startInstant
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// The outcome of the transfer libcurl reported done with `code`; takes the body (empty
    /// when it was streamed). The body of an HTTP error answer is left in ``body`` for
    /// ``takeBody()``.
    func outcome(code: CURLcode, url: String) -> Result<[UInt8], FetchError> {
        if code != CURLE_OK {
            return .failure(.fromCurl(code: code, detail: errorDetail, url: url, bodyLimit: bodyLimit,
                                      bodyLimitHit: bodyLimitHit))
        }
        var status = 0
        _ = meshtop_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        if status >= 400 { return .failure(.httpStatus(status)) }
        if (300..<400).contains(status) {
            var location: UnsafeMutablePointer<CChar>?
            _ = meshtop_getinfo_str(easy, CURLINFO_REDIRECT_URL, &location)
            let target = location.map { String(cString: $0) } ?? "elsewhere"
            return .failure(.other("HTTP \(status): redirected to \(target), which meshtop does not follow; "
                + "use that URL directly"))
        }
        return .success(takeBody())
    }

    /// The values of the response headers `names` that the answer had (the last of each).
    func headers(_ names: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in names {
            var header: UnsafeMutablePointer<curl_header>?
            if curl_easy_header(easy, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK, let value = header?.pointee.value {
                found[name] = String(cString: value)
            }
        }
        return found
    }

    /// What is left of the body: an HTTP error answer's, after ``outcome(code:url:)``.
    func takeBody() -> [UInt8] {
        let bytes = body
        body = []
        return bytes
    }
}
