#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long a connection may take and how many there may be. A preview server has one reader,
/// but whatever can reach its port can open connections: these bounds keep a slow, stuck or
/// hostile client from holding descriptors until the server can no longer answer anyone.
public struct ServeLimits: Sendable, Equatable {
    /// A request head (request line and headers) must be complete this long after its first
    /// byte, or after the connection opened: slowloris clients are dropped (with a 408).
    public var headerTimeout: Duration
    /// A connection with no request in progress is closed after this long. An event stream is a
    /// request in progress (its heartbeat notices dead browsers), so it is never idle.
    public var idleTimeout: Duration
    /// After the response that ends a connection, how long the client has to close its side
    /// while what it still sends is read and dropped; then the socket is closed regardless.
    public var lingerTimeout: Duration
    /// Connections open at once; the next ones get a 503 and are closed.
    public var maxConnections: Int

    public init(headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                lingerTimeout: Duration = .seconds(2), maxConnections: Int = ServeLimits.defaultMaxConnections()) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.lingerTimeout = lingerTimeout
        self.maxConnections = maxConnections
    }

    /// Descriptors kept for everything but client sockets: the listening socket, the watcher,
    /// event loops, standard streams, files a rebuild opens.
    static let reservedDescriptors = 64

    /// 512, or fewer when the descriptor limit (`ulimit -n`) would run out first: accept must
    /// never fail for lack of descriptors, or the server could answer nobody.
    public static func defaultMaxConnections(descriptorLimit: Int? = currentDescriptorLimit()) -> Int {
        guard let descriptorLimit else { return 512 }
        return max(1, min(512, descriptorLimit - reservedDescriptors))
    }

    /// The soft RLIMIT_NOFILE, nil when unlimited or unknown.
    public static func currentDescriptorLimit() -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        #else
        guard getrlimit(RLIMIT_NOFILE, &limit) == 0 else { return nil }
        #endif
        // RLIM_INFINITY is all ones, which Swift cannot import as a literal.
        return limit.rlim_cur >= UInt64(Int.max) ? nil : Int(limit.rlim_cur)
    }
}
