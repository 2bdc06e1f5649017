/// The golden metrics of a workload, an edge or a pod over one window.
///
/// `nil` means "no data": no series, or no requests to take a ratio or quantile of.
/// It never stands in for 0 % or 100 %.
public struct GoldenMetrics: Equatable, Sendable {
    /// Requests per second (`sum(rate(response_total[w]))`).
    public var rps: Double?
    /// Fraction of responses classified as success, 0…1.
    public var success: Double?
    /// Latency quantiles in milliseconds (`histogram_quantile` over the window's bucket increases).
    public var latencyP50: Double?
    public var latencyP95: Double?
    public var latencyP99: Double?
    /// Open TCP connections at the end of the window.
    public var tcpOpenConnections: Double?
    /// TCP bytes read and written per second.
    public var tcpReadBytesRate: Double?
    public var tcpWriteBytesRate: Double?

    /// Metrics with no data at all.
    public init(rps: Double? = nil, success: Double? = nil, latencyP50: Double? = nil, latencyP95: Double? = nil,
                latencyP99: Double? = nil, tcpOpenConnections: Double? = nil, tcpReadBytesRate: Double? = nil,
                tcpWriteBytesRate: Double? = nil) {
        self.rps = rps
        self.success = success
        self.latencyP50 = latencyP50
        self.latencyP95 = latencyP95
        self.latencyP99 = latencyP99
        self.tcpOpenConnections = tcpOpenConnections
        self.tcpReadBytesRate = tcpReadBytesRate
        self.tcpWriteBytesRate = tcpWriteBytesRate
    }
}
