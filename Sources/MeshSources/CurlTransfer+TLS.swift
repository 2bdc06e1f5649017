import CCurl
import Foundation

extension CurlTransfer {
    /// Sets `tls` on the handle for a request to `url`; returns the codes of the options set
    /// and the URL to ask libcurl for (with `serverName` as its host, connected to the real one).
    func apply(_ tls: TLSOptions, to url: String) -> (codes: [CURLcode], url: String) {
        var codes: [CURLcode] = []
        func set(_ source: TLSOptions.Source?, file: CURLoption, blob: CURLoption) {
            switch source {
            case .file(let path): codes.append(meshtop_setopt_str(easy, file, path))
            case .pem(let bytes): codes.append(bytes.withUnsafeBytes { meshtop_setopt_blob(easy, blob, $0.baseAddress, $0.count) })
            case nil: break
            }
        }
        set(tls.certificateAuthority, file: CURLOPT_CAINFO, blob: CURLOPT_CAINFO_BLOB)
        set(tls.clientCertificate, file: CURLOPT_SSLCERT, blob: CURLOPT_SSLCERT_BLOB)
        set(tls.clientKey, file: CURLOPT_SSLKEY, blob: CURLOPT_SSLKEY_BLOB)
        if tls.insecureSkipVerify {
            codes += [meshtop_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 0), meshtop_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 0)]
        }
        guard let name = tls.serverName, var parts = URLComponents(string: url), let host = parts.host, host != name else {
            return (codes, url)
        }
        // libcurl verifies the host of the URL: ask for the server name, and connect it to the real host.
        let port = parts.port ?? (parts.scheme == "http" ? 80 : 443)
        let target = host.contains(":") ? "[\(host)]" : host
        parts.host = name
        guard let rewritten = parts.string, let list = curl_slist_append(nil, "\(name):\(port):\(target):\(port)") else {
            return (codes + [CURLE_URL_MALFORMAT], url)
        }
        connectTo = list
        codes.append(meshtop_setopt_slist(easy, CURLOPT_CONNECT_TO, list))
        return (codes, rewritten)
    }
}
