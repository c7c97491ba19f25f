import NIOCore
import NIOHTTP1

/// Between NIO's HTTP/1 decoder and Hummingbird, where each request head is still as it
/// arrived, with its HTTP version (Hummingbird's request no longer has it).
///
/// - Keep-alive: a request that does not ask to keep the connection (HTTP/1.0 without
///   `Connection: keep-alive`, or `Connection: close` in any case) reaches Hummingbird with
///   exactly `Connection: close`, the one spelling it closes after. HTTP/1.0 clients that read
///   to the end used to wait forever.
/// - Tells `ConnectionDeadlines` where requests and responses begin and end.
final class RequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(var head):
            if !head.isKeepAlive { head.headers.replaceOrAdd(name: "Connection", value: "close") }
            context.triggerUserOutboundEvent(ConnectionBoundary.requestHeadReceived, promise: nil)
            context.fireChannelRead(wrapInboundOut(.head(head)))
        case .body:
            context.fireChannelRead(data)
        case .end:
            context.triggerUserOutboundEvent(ConnectionBoundary.requestEnded, promise: nil)
            context.fireChannelRead(data)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data) else { return }
        context.triggerUserOutboundEvent(ConnectionBoundary.responseEnded, promise: nil)
    }
}
