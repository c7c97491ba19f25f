import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PolicyPipeline
import ServiceLifecycle
import UnixSignals

/// `serve`: the site built in memory by the incremental engine, served over HTTP, rebuilt when
/// files change, with live reload and the error overlay. The user's `Output/` is never read or
/// written.
///
/// Use: `prepare()` (starts watching, builds once), then run `serviceGroup(...)`; it ends on
/// SIGINT/SIGTERM (when asked to handle them) or `triggerGracefulShutdown()`, within a second
/// even with browsers connected.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var engine: SiteOptions
        public var host: String
        /// 0 picks a free port; the bound one is passed to `onListening`.
        public var port: Int
        /// How long saving must have gone quiet before a rebuild starts.
        public var quietPeriod: Duration
        /// Timeouts and the connection limit.
        public var limits: ServeLimits

        public init(engine: SiteOptions, host: String = "127.0.0.1", port: Int = 8000, quietPeriod: Duration = .milliseconds(20), limits: ServeLimits = ServeLimits()) {
            self.engine = engine
            self.host = host
            self.port = port
            self.quietPeriod = quietPeriod
            self.limits = limits
        }
    }

    public let options: Options
    public let store: SnapshotStore
    private let rebuilds: RebuildService
    private let connections: ConnectionLimit

    /// Client connections open now (tests check that none is left behind).
    public var openConnections: Int { connections.current }

    public init(_ options: Options, console: ServeConsole) {
        var engine = options.engine
        // serve always shows drafts, with their badge.
        engine.includeDrafts = true
        var options = options
        options.engine = engine
        self.options = options
        store = SnapshotStore()
        rebuilds = RebuildService(options: engine, store: store, console: console, quietPeriod: options.quietPeriod)
        connections = ConnectionLimit(maximum: options.limits.maxConnections)
    }

    /// Starts watching the content and templates, then builds the whole site once.
    public func prepare() async -> SiteUpdate {
        rebuilds.startWatching()
        return await rebuilds.initialBuild()
    }

    /// The HTTP server and the rebuild loop, as one group. `onListening` gets the bound port.
    public func serviceGroup(handleSignals: Bool, onListening: @escaping @Sendable (Int) async -> Void) -> ServiceGroup {
        var logger = Logger(label: "policysite.serve")
        logger.logLevel = .critical
        let port = options.port
        let limits = options.limits
        let hostRule = HostRule(listenHost: options.host)
        let connections = connections
        let application = Application(
            responder: PreviewResponder(store: store),
            server: HTTPServerBuilder { responder in
                GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder), limits: limits, hostRule: hostRule, connections: connections)
            },
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                // The listening channel exists only now; its first handler sees accept errors first.
                try? await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(AcceptPause(), position: .first)
                }.get()
                await onListening(channel.localAddress?.port ?? port)
            },
            logger: logger
        )
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: application), .init(service: rebuilds)],
            gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
        // A client that ignores the shutdown must not keep the process alive: cancel after this.
        configuration.maximumGracefulShutdownDuration = .milliseconds(700)
        // No deadline on cancellation itself: ServiceLifecycle escalates a late one to a
        // fatalError, which crashed a loaded test machine. The binary has its own backstop
        // (`ShutdownBackstop` in the CLI) so a stuck task still cannot keep it alive.
        configuration.maximumCancellationDuration = nil
        return ServiceGroup(configuration: configuration)
    }

    /// The URL to print for a host and port (`http://[::1]:8000/` for IPv6).
    public static func url(host: String, port: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/"
    }

    /// True for names and addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// True when starting failed because something else listens on the port.
    public static func isAddressInUse(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }
}
