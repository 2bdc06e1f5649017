import CCurl
import Foundation

/// Fetches many URLs concurrently over one libcurl multi handle.
///
/// - At most ``FetchLimits/maxConcurrent`` transfers run at once (and as many connections).
/// - Easy handles and the multi handle's connection cache live as long as the fetcher, so
///   keep-alive connections are reused from one ``fetchAll(_:)`` to the next.
/// - gzip responses are decompressed; TLS certificates are verified; redirects are not followed.
///
/// Not `Sendable`: it holds C handles and mutable state without locks. Use it from one thread
/// (or one task, or one actor) at a time; it may be handed over between them.
public final class HTTPFetcher {
    /// The limits every transfer runs under.
    public let limits: FetchLimits
    /// The `CURLM *` handle; `nil` if libcurl couldn't be initialised.
    private let multi: UnsafeMutableRawPointer?
    /// Idle connections kept between rounds: enough for thousands of targets, and at most half
    /// of the process's file descriptors.
    static let connectionCacheSize: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        return Int(max(64, min(8192, Int64(limit.rlim_cur) / 2)))
    }()

    /// Every easy handle created so far, all idle between calls.
    private var pool: [CurlTransfer] = []

    /// Creates a fetcher; libcurl is initialised on first use.
    public init(limits: FetchLimits = FetchLimits()) {
        self.limits = limits
        multi = curlGlobalReady ? curl_multi_init() : nil
        if let multi {
            // Concurrency is bounded by how many handles are added at once (below), not here:
            // the connection cache keeps one idle connection per target between rounds, so a
            // round over thousands of proxies reuses them instead of reconnecting to each.
            _ = meshtop_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.connectionCacheSize)
        }
    }

    deinit {
        pool.removeAll()  // no handle is in the multi handle between calls
        if let multi { curl_multi_cleanup(multi) }
    }

    /// Fetches every request and returns one result per request, in the same order.
    /// Blocks until all have finished or failed; each is bounded by ``limits``.
    public func fetchAll(_ requests: [FetchRequest]) -> [FetchResult] {
        var results = [FetchResult?](repeating: nil, count: requests.count)
        fetchEach(requests) { results[$0] = $1 }
        return results.enumerated().map { index, result in
            result ?? FetchResult(request: requests[index], result: .failure(.other("not fetched")),
                                  durationMs: 0, startedAt: Date())
        }
    }

    /// Fetches every request and hands each result to `deliver` (with the request's index) as
    /// soon as it completes, so a caller can use a body and let it go: a round over thousands
    /// of targets then holds only the bodies in flight, not all of them at once.
    public func fetchEach(_ requests: [FetchRequest], _ deliver: (Int, FetchResult) -> Void) {
        run(requests, stream: nil, deliver)
    }

    /// Fetches every request as ``fetchEach(_:_:)`` does, but hands each body to `receive`
    /// piece by piece as it arrives (pieces of at most 16 KB, cut anywhere) instead of
    /// collecting it; `deliver` then gets an empty body and the size in ``FetchResult/bytes``.
    /// A round over thousands of targets holds no bodies at all. An HTTP error answer's body is
    /// not streamed but kept, in ``FetchResult/errorBody``.
    ///
    /// `stopped` is asked at least once a second while transfers run (a watch may stream for
    /// minutes): once it says so, every request not yet done fails with "stopped".
    public func streamEach(_ requests: [FetchRequest], receive: (Int, UnsafeBufferPointer<UInt8>) -> Void,
                           stopped: () -> Bool = { false }, _ deliver: (Int, FetchResult) -> Void) {
        withoutActuallyEscaping(receive) { receive in
            withoutActuallyEscaping(stopped) { run(requests, stream: receive, stopped: $0, deliver) }
        }
    }

    private func run(_ requests: [FetchRequest], stream: ((Int, UnsafeBufferPointer<UInt8>) -> Void)?,
                     stopped: () -> Bool = { false }, _ deliver: (Int, FetchResult) -> Void) {
        guard let multi else {
            let error = FetchError.other("libcurl could not be initialised")
            for (i, request) in requests.enumerated() {
                deliver(i, FetchResult(request: request, result: .failure(error), durationMs: 0, startedAt: Date()))
            }
            return
        }
        defer { for transfer in pool { transfer.stream = nil } }  // `stream` must not outlive the call
        var next = 0
        var active = 0
        var idle = pool
        let wanted = min(limits.maxConcurrent, requests.count)
        while idle.count < wanted, let transfer = CurlTransfer() {
            pool.append(transfer)
            idle.append(transfer)
        }

        /// Records a finished (or never started) transfer and frees its handle.
        func complete(_ transfer: CurlTransfer, _ result: Result<[UInt8], FetchError>) {
            transfer.finish()
            transfer.inMulti = false
            transfer.stream = nil
            let request = requests[transfer.index]
            deliver(transfer.index, FetchResult(request: request, result: result, bytes: transfer.received,
                                                errorBody: transfer.takeBody(), headers: transfer.headers(request.keptHeaders),
                                                durationMs: transfer.elapsedMs, startedAt: transfer.startedAt))
            idle.append(transfer)
        }

        /// Starts pending requests while there are idle handles.
        func startPending() {
            while next < requests.count, let transfer = idle.popLast() {
                let index = next
                next += 1
                let setup = transfer.prepare(requests[index], index: index, limits: limits, prunesHostCache: index == 0)
                transfer.stream = stream
                if setup != CURLE_OK {
                    complete(transfer, transfer.outcome(code: setup, url: requests[index].url))
                    continue
                }
                let added = curl_multi_add_handle(multi, transfer.easy)
                if added != CURLM_OK {
                    complete(transfer, .failure(.other("libcurl: \(String(cString: curl_multi_strerror(added)))")))
                    continue
                }
                transfer.inMulti = true
                active += 1
            }
        }

        startPending()
        if pool.isEmpty {  // not even one easy handle could be created
            while next < requests.count {
                deliver(next, FetchResult(request: requests[next], result: .failure(.other("libcurl: out of memory")),
                                          durationMs: 0, startedAt: Date()))
                next += 1
            }
        }

        while active > 0 {
            if stopped() {
                abortActive(multi, reason: "stopped", complete: complete)
                for index in next..<requests.count {
                    deliver(index, FetchResult(request: requests[index], result: .failure(.other("stopped")),
                                               durationMs: 0, startedAt: Date()))
                }
                return
            }
            var running: Int32 = 0
            let performed = curl_multi_perform(multi, &running)
            if performed != CURLM_OK {
                abortActive(multi, reason: "libcurl: " + String(cString: curl_multi_strerror(performed)), complete: complete)
                active = 0
                startPending()  // gives each remaining request its own chance, and its own error
                continue
            }
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let transfer = Self.transfer(of: easy) else { continue }
                let code = message.pointee.data.result
                _ = curl_multi_remove_handle(multi, easy)
                active -= 1
                complete(transfer, transfer.outcome(code: code, url: requests[transfer.index].url))
            }
            startPending()
            if active > 0 {
                _ = curl_multi_poll(multi, nil, 0, 1000, nil)
            }
        }
    }

    /// Removes every handle still in the multi handle and fails its transfer with `reason`.
    private func abortActive(_ multi: UnsafeMutableRawPointer, reason: String,
                             complete: (CurlTransfer, Result<[UInt8], FetchError>) -> Void) {
        for transfer in pool where transfer.inMulti {
            if curl_multi_remove_handle(multi, transfer.easy) == CURLM_OK {
                complete(transfer, .failure(.other(reason)))
            }
        }
    }

    /// The ``CurlTransfer`` an easy handle belongs to, via `CURLOPT_PRIVATE`.
    private static func transfer(of easy: UnsafeMutableRawPointer) -> CurlTransfer? {
        var context: UnsafeMutableRawPointer?
        guard meshtop_getinfo_ptr(easy, CURLINFO_PRIVATE, &context) == CURLE_OK, let context else { return nil }
        return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    }
}
