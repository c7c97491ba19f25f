import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 connection with our guards around it: the connection limit, the
/// timeouts and lingering close (`ConnectionDeadlines`, next to the socket) and the Host and
/// keep-alive rules (`RequestGate`, just after NIO's decoder, before Hummingbird's codec).
struct GuardedHTTP1Channel: ServerChildChannel {
    enum Value: ServerChildChannelValue {
        case http(HTTP1Channel.Value)
        /// Over the limit: answered with a 503 and closed, nothing to handle.
        case refused(any Channel)

        var channel: any Channel {
            switch self {
            case .http(let value): value.channel
            case .refused(let channel): channel
            }
        }
    }

    let inner: HTTP1Channel
    let limits: ServeLimits
    let hostRule: HostRule
    let connections: ConnectionLimit

    /// How long a refused client has to read its 503: short, so refusals cannot pile up
    /// descriptors while the server is full.
    static let refusalLinger = Duration.milliseconds(250)

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard connections.tryOpen() else {
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ConnectionDeadlines(limits: limits, lingerTimeout: Self.refusalLinger))
                channel.write(channel.allocator.buffer(string: ConnectionLimit.refusal), promise: nil)
                channel.flush()
                channel.close(mode: .output, promise: nil)
                return .refused(channel)
            }
        }
        let connections = connections
        channel.closeFuture.whenComplete { _ in connections.close() }
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionDeadlines(limits: limits), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let hostRule = hostRule
        return inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(RequestGate(hostRule: hostRule), position: .after(decoder))
            return .http(value)
        }
    }

    func handle(value: Value, logger: Logger) async {
        guard case .http(let http) = value else { return }
        await inner.handle(value: http, logger: logger)
    }
}
