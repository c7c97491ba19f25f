import NIOCore
import NIOHTTP1

/// Between NIO's HTTP/1 decoder and Hummingbird, where each request head is still as it
/// arrived. Tells `ConnectionDeadlines` where requests and responses begin and end.
final class RequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            context.triggerUserOutboundEvent(ConnectionBoundary.requestHeadReceived, promise: nil)
        case .body:
            break
        case .end:
            context.triggerUserOutboundEvent(ConnectionBoundary.requestEnded, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
        guard case .end = unwrapOutboundIn(data) else { return }
        context.triggerUserOutboundEvent(ConnectionBoundary.responseEnded, promise: nil)
    }
}
