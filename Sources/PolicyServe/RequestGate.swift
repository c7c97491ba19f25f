import NIOCore
import NIOHTTP1

/// Between NIO's HTTP/1 decoder and Hummingbird, where each request head is still as it
/// arrived: its HTTP version and every `Host` header (Hummingbird's request keeps neither).
///
/// - The Host rule (`HostRule`): a request that fails it is answered here (421 or 400) and the
///   connection closed; Hummingbird never sees it, so the rule covers pages and the event
///   stream alike.
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

    private let hostRule: HostRule
    /// Requests passed on whose response has not ended yet.
    private var unanswered = 0
    /// A refusal waiting for the responses to earlier (pipelined) requests to finish.
    private var pendingRefusal: (head: HTTPResponseHead, body: String, isHead: Bool)?
    /// After a refusal nothing more from the client is passed on.
    private var refused = false

    init(hostRule: HostRule) {
        self.hostRule = hostRule
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            let isHTTP11 = head.version.major > 1 || (head.version.major == 1 && head.version.minor >= 1)
            let verdict = hostRule.verdict(hostValues: head.headers["Host"], isHTTP11: isHTTP11,
                                           localPort: context.channel.localAddress?.port, target: head.uri)
            guard verdict == .accepted else {
                refuse(verdict, isHead: head.method == .HEAD, context: context)
                return
            }
            if !head.isKeepAlive { head.headers.replaceOrAdd(name: "Connection", value: "close") }
            unanswered += 1
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
        unanswered = max(0, unanswered - 1)
        context.triggerUserOutboundEvent(ConnectionBoundary.responseEnded, promise: nil)
        if unanswered == 0, pendingRefusal != nil { sendRefusal(context) }
    }

    private func refuse(_ verdict: HostRule.Verdict, isHead: Bool, context: ChannelHandlerContext) {
        refused = true
        let status: HTTPResponseStatus
        let text: String
        switch verdict {
        case .badRequest(let reason):
            status = .badRequest
            text = "Bad request: \(reason).\n"
        case .misdirected, .accepted:
            status = .misdirectedRequest
            text = "Misdirected request: this preview server answers only to the address it listens on; open the address that policysite serve printed.\n"
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(text.utf8.count))
        headers.add(name: "Connection", value: "close")
        headers.add(name: "Cache-Control", value: "no-store")
        pendingRefusal = (HTTPResponseHead(version: .http1_1, status: status, headers: headers), text, isHead)
        if unanswered == 0 { sendRefusal(context) }
    }

    /// Writes the refusal, then closes the output: `ConnectionDeadlines` lingers for the client's
    /// close and then closes the socket.
    private func sendRefusal(_ context: ChannelHandlerContext) {
        guard let refusal = pendingRefusal else { return }
        pendingRefusal = nil
        context.write(wrapOutboundOut(.head(refusal.head)), promise: nil)
        if !refusal.isHead {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: refusal.body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
    }
}
