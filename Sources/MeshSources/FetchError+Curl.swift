import CCurl
import Foundation

extension FetchError {
    /// Maps a finished transfer's libcurl result to a ``FetchError``.
    ///
    /// - Parameters:
    ///   - code: the transfer's `CURLcode`, not `CURLE_OK`.
    ///   - detail: libcurl's `CURLOPT_ERRORBUFFER` text, possibly empty.
    ///   - url: the requested URL, to name the host or file.
    ///   - bodyLimit: the body size limit in force.
    ///   - bodyLimitHit: whether our write callback aborted because of that limit.
    static func fromCurl(code: CURLcode, detail: String, url: String, bodyLimit: Int,
                         bodyLimitHit: Bool) -> FetchError {
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_COULDNT_CONNECT:
            return .refused
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns(hostName(of: url) ?? url)
        case CURLE_COULDNT_RESOLVE_PROXY:
            return .other("cannot resolve the HTTP proxy's host (check the http_proxy/https_proxy variables): \(text)")
        case CURLE_WRITE_ERROR where bodyLimitHit, CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(bodyLimit)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_USE_SSL_FAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls(text)
        case CURLE_BAD_CONTENT_ENCODING:
            return .other("invalid gzip (or other Content-Encoding) in the response body: \(text)")
        case CURLE_FILE_COULDNT_READ_FILE:
            return .other(fileProblem(url: url))
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .other("unsupported URL scheme in \(url): use http://, https:// or file://")
        case CURLE_URL_MALFORMAT:
            return .other("malformed URL \(url): \(text)")
        case CURLE_GOT_NOTHING:
            return .other("the server closed the connection without answering (is this an HTTP port?)")
        default:
            return .other(text)
        }
    }

    /// The host part of an URL, without brackets around IPv6 literals.
    static func hostName(of url: String) -> String? {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return nil }
        return host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Why a `file://` URL could not be read, naming the path.
    static func fileProblem(url: String) -> String {
        let path = URL(string: url)?.path ?? url
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "cannot read \(path): no such file"
        }
        if isDirectory.boolValue {
            return "cannot read \(path): it is a directory"
        }
        return "cannot read \(path): permission denied or not a regular file"
    }
}
