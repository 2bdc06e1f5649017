import Foundation
import SwiftProtobuf

extension TapEvent {
    /// Decodes one `linkerd2.tap.TapEvent` message (a frame's bytes, without the prefix).
    /// Fields meshtop does not know are skipped.
    public init(serializedBytes bytes: [UInt8]) throws(TapStreamError) {
        let message: Linkerd2_Tap_TapEvent
        do {
            message = try Linkerd2_Tap_TapEvent(serializedBytes: bytes, options: WireDecoding.options)
        } catch {
            throw .malformedMessage(type: "linkerd2.tap.TapEvent", reason: String(describing: error))
        }
        self.init(message)
    }

    /// The event as a `linkerd2.tap.TapEvent` message, for the demo's tap server and tests.
    public func serializedBytes() -> [UInt8] {
        // Encoding a message with no required fields cannot fail.
        try! message.serializedBytes()
    }

    init(_ message: Linkerd2_Tap_TapEvent) {
        let http: TapHTTPEvent?
        switch message.http.event {
        case let .requestInit(event)?: http = .requestInit(TapRequestInit(event))
        case let .responseInit(event)?: http = .responseInit(TapResponseInit(event))
        case let .responseEnd(event)?: http = .responseEnd(TapResponseEnd(event))
        case nil: http = nil
        }
        self.init(source: TapEndpoint(address: TapAddress(message.source), labels: message.sourceMeta.labels),
                  destination: TapEndpoint(address: TapAddress(message.destination),
                                           labels: message.destinationMeta.labels),
                  routeLabels: message.routeMeta.labels,
                  direction: TapDirection(message.proxyDirection), http: http)
    }

    var message: Linkerd2_Tap_TapEvent {
        var message = Linkerd2_Tap_TapEvent()
        message.source = source.address.message
        message.sourceMeta.labels = source.labels
        message.destination = destination.address.message
        message.destinationMeta.labels = destination.labels
        if !routeLabels.isEmpty { message.routeMeta.labels = routeLabels }
        message.proxyDirection = direction.message
        switch http {
        case let .requestInit(event)?: message.http.requestInit = event.message
        case let .responseInit(event)?: message.http.responseInit = event.message
        case let .responseEnd(event)?: message.http.responseEnd = event.message
        case nil: break
        }
        return message
    }
}

/// Decoding options shared by every tap message.
enum WireDecoding {
    static let options: BinaryDecodingOptions = {
        var options = BinaryDecodingOptions()
        options.discardUnknownFields = true
        return options
    }()
}

extension TapDirection {
    init(_ direction: Linkerd2_Tap_TapEvent.ProxyDirection) {
        switch direction {
        case .inbound: self = .inbound
        case .outbound: self = .outbound
        case .unknown, .UNRECOGNIZED: self = .unknown
        }
    }

    var message: Linkerd2_Tap_TapEvent.ProxyDirection {
        switch self {
        case .inbound: return .inbound
        case .outbound: return .outbound
        case .unknown: return .unknown
        }
    }
}

extension TapAddress {
    init(_ address: Linkerd2_Common_Net_TcpAddress) {
        switch address.ip.ip {
        case let .ipv6(ipv6)?: ip = .v6(first: ipv6.first, last: ipv6.last)
        case let .ipv4(ipv4)?: ip = .v4(ipv4)
        case nil: ip = .v4(0)
        }
        port = address.port
    }

    var message: Linkerd2_Common_Net_TcpAddress {
        var address = Linkerd2_Common_Net_TcpAddress()
        switch ip {
        case let .v4(ipv4): address.ip.ipv4 = ipv4
        case let .v6(first, last):
            address.ip.ipv6.first = first
            address.ip.ipv6.last = last
        }
        address.port = port
        return address
    }
}

extension TapStreamID {
    init(_ id: Linkerd2_Tap_TapEvent.Http.StreamId) {
        self.init(base: id.base, stream: id.stream)
    }

    var message: Linkerd2_Tap_TapEvent.Http.StreamId {
        var id = Linkerd2_Tap_TapEvent.Http.StreamId()
        id.base = base
        id.stream = stream
        return id
    }
}

extension TapRequestInit {
    init(_ event: Linkerd2_Tap_TapEvent.Http.RequestInit) {
        self.init(id: TapStreamID(event.id), method: TapMethod(event.method), scheme: TapScheme(event.scheme),
                  authority: event.authority, path: event.path, headers: [TapHeader](event.headers))
    }

    var message: Linkerd2_Tap_TapEvent.Http.RequestInit {
        var event = Linkerd2_Tap_TapEvent.Http.RequestInit()
        event.id = id.message
        if let method { event.method = method.message }
        if let scheme { event.scheme = scheme.message }
        event.authority = authority
        event.path = path
        if !headers.isEmpty { event.headers = headers.message }
        return event
    }
}

extension TapResponseInit {
    init(_ event: Linkerd2_Tap_TapEvent.Http.ResponseInit) {
        self.init(id: TapStreamID(event.id),
                  sinceRequestInit: event.hasSinceRequestInit ? Duration(event.sinceRequestInit) : nil,
                  httpStatus: event.httpStatus, headers: [TapHeader](event.headers))
    }

    var message: Linkerd2_Tap_TapEvent.Http.ResponseInit {
        var event = Linkerd2_Tap_TapEvent.Http.ResponseInit()
        event.id = id.message
        if let sinceRequestInit { event.sinceRequestInit = sinceRequestInit.message }
        event.httpStatus = httpStatus
        if !headers.isEmpty { event.headers = headers.message }
        return event
    }
}

extension TapResponseEnd {
    init(_ event: Linkerd2_Tap_TapEvent.Http.ResponseEnd) {
        let end: TapStreamEnd?
        switch event.eos.end {
        case let .grpcStatusCode(code)?: end = .grpcStatus(code)
        case let .resetErrorCode(code)?: end = .reset(errorCode: code)
        case nil: end = nil
        }
        self.init(id: TapStreamID(event.id),
                  sinceRequestInit: event.hasSinceRequestInit ? Duration(event.sinceRequestInit) : nil,
                  sinceResponseInit: event.hasSinceResponseInit ? Duration(event.sinceResponseInit) : nil,
                  responseBytes: event.responseBytes, end: end, trailers: [TapHeader](event.trailers))
    }

    var message: Linkerd2_Tap_TapEvent.Http.ResponseEnd {
        var event = Linkerd2_Tap_TapEvent.Http.ResponseEnd()
        event.id = id.message
        if let sinceRequestInit { event.sinceRequestInit = sinceRequestInit.message }
        if let sinceResponseInit { event.sinceResponseInit = sinceResponseInit.message }
        event.responseBytes = responseBytes
        switch end {
        case let .grpcStatus(code)?: event.eos.grpcStatusCode = code
        case let .reset(code)?: event.eos.resetErrorCode = code
        case nil: break
        }
        if !trailers.isEmpty { event.trailers = trailers.message }
        return event
    }
}

extension TapMethod {
    /// `nil` when the message names no method (or is absent: its default names none).
    init?(_ method: Linkerd2_Viz_HttpMethod) {
        switch method.type {
        case let .registered(registered)?:
            self = Self.registered.indices.contains(registered.rawValue) ? Self.registered[registered.rawValue]
                : .other(String(registered.rawValue))
        case let .unregistered(name)?: self = .other(name)
        case nil: return nil
        }
    }

    var message: Linkerd2_Viz_HttpMethod {
        var method = Linkerd2_Viz_HttpMethod()
        if let index = Self.registered.firstIndex(of: self) {
            method.registered = Linkerd2_Viz_HttpMethod.Registered(rawValue: index) ?? .get
        } else {
            method.unregistered = description
        }
        return method
    }
}

extension TapScheme {
    /// `nil` when the message names no scheme.
    init?(_ scheme: Linkerd2_Viz_Scheme) {
        switch scheme.type {
        case .registered(.http)?: self = .http
        case .registered(.https)?: self = .https
        case let .registered(.UNRECOGNIZED(value))?: self = .other(String(value))
        case let .unregistered(name)?: self = .other(name)
        case nil: return nil
        }
    }

    var message: Linkerd2_Viz_Scheme {
        var scheme = Linkerd2_Viz_Scheme()
        switch self {
        case .http: scheme.registered = .http
        case .https: scheme.registered = .https
        case let .other(name): scheme.unregistered = name
        }
        return scheme
    }
}

extension [TapHeader] {
    init(_ headers: Linkerd2_Viz_Headers) {
        self = headers.headers.map { header in
            switch header.value {
            case let .valueBin(bytes)?: TapHeader(name: header.name, value: .binary([UInt8](bytes)))
            case let .valueStr(text)?: TapHeader(name: header.name, value: .text(text))
            case nil: TapHeader(name: header.name, value: .text(""))
            }
        }
    }

    var message: Linkerd2_Viz_Headers {
        var headers = Linkerd2_Viz_Headers()
        headers.headers = map { header in
            var entry = Linkerd2_Viz_Headers.Header()
            entry.name = header.name
            switch header.value {
            case let .text(text): entry.valueStr = text
            case let .binary(bytes): entry.valueBin = Data(bytes)
            }
            return entry
        }
        return headers
    }
}

extension Duration {
    init(_ duration: Google_Protobuf_Duration) {
        self = .seconds(duration.seconds) + .nanoseconds(Int64(duration.nanos))
    }

    var message: Google_Protobuf_Duration {
        let (seconds, attoseconds) = components
        return Google_Protobuf_Duration(seconds: seconds, nanos: Int32(attoseconds / 1_000_000_000))
    }
}
