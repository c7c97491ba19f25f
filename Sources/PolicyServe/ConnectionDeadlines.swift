import NIOCore

/// What `RequestGate` tells `ConnectionDeadlines` about request and response boundaries: it
/// sees the decoded messages, this handler sees the bytes (NIO outbound user events, which
/// travel from the gate towards the socket).
enum ConnectionBoundary: Sendable {
    case requestHeadReceived
    case requestEnded
    case responseEnded
}

/// The first handler of every connection, next to the socket: the header and idle timeouts,
/// and a bounded lingering close. NIO and Hummingbird have neither (Hummingbird's idleTimeout
/// does not tell a half-sent request from an idle keep-alive connection).
///
/// - Reading a request: its head must be complete within `headerTimeout` of its first byte (or
///   of the connection opening); then a 408 is sent and the socket closed.
/// - Idle (no request in progress, nothing of the next one yet): closed after `idleTimeout`.
/// - Responding: no deadline, so an event stream lives as long as its heartbeat gets through;
///   but once the client has closed its side, the response has `lingerTimeout` to end.
/// - Lingering: once the output is closed (the response that ends the connection, a 400 for an
///   unparsable request, a refusal), what the client still sends is read and dropped until it
///   closes its side, for at most `lingerTimeout`; then the socket is closed. Without this a
///   client that sent a 1 MB header kept its socket on the server forever: Hummingbird waits
///   for the channel to close but nothing reads any more, so the client's close is never seen.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Phase {
        case idle
        case readingRequest
        case responding
        case lingering
    }

    private let headerTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private let lingerTimeout: TimeAmount
    private var phase = Phase.idle
    /// When the current phase's time is up; nil while responding.
    private var deadline: NIODeadline?
    /// The timer, set no later than `deadline` and no more than `headerTimeout` ahead: it is
    /// rescheduled when it fires early, not every time a request starts or ends (that cost
    /// almost a tenth of the server's time under load).
    private var wakeUp: (at: NIODeadline, task: Scheduled<Void>)?
    private var started = false
    /// Requests whose head arrived and whose response has not ended (more than one only when a
    /// client pipelines).
    private var openRequests = 0
    /// The last request's body has not fully arrived.
    private var bodyPending = false
    private var inputClosed = false

    static let requestTimeoutResponse = PlainResponse.bytes(status: "408 Request Timeout", text: "The request took too long to arrive; closing the connection.\n")

    init(limits: ServeLimits, lingerTimeout: Duration? = nil) {
        headerTimeout = TimeAmount(limits.headerTimeout)
        idleTimeout = TimeAmount(limits.idleTimeout)
        self.lingerTimeout = TimeAmount(lingerTimeout ?? limits.lingerTimeout)
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimer()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimer()
    }

    /// A new connection must send its first request head within the header timeout: a socket
    /// opened and left silent is a slowloris too.
    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        setDeadline(.now() + headerTimeout, context)
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch phase {
        case .lingering:
            // The output is closed: nothing the client sends can be answered. Drop it.
            return
        case .idle:
            phase = .readingRequest
            let headerDeadline = NIODeadline.now() + headerTimeout
            setDeadline(deadline.map { min($0, headerDeadline) } ?? headerDeadline, context)
        case .readingRequest, .responding:
            break
        }
        // The decoder may complete a head here, which arrives as `.requestHeadReceived` before
        // this call returns.
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if phase == .lingering {
            // Keep reading, whether or not anything after us still asks to: the client's close
            // is seen only by reading up to it.
            context.read()
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputClosed = true
            if phase == .lingering {
                context.close(mode: .all, promise: nil)
                return
            }
            if phase == .responding {
                // A client that closed its side may still read a response that is on its way,
                // but one that never ends (an event stream) would wait for the next heartbeat
                // to fail: give it the lingering time, then close.
                setDeadline(.now() + lingerTimeout, context)
            }
        }
        if event is ChannelShouldQuiesceEvent, phase == .lingering {
            // Shutting down: a socket that only waits for the client's close must not delay it.
            context.close(mode: .all, promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Outbound

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let boundary = event as? ConnectionBoundary else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed(())
        switch boundary {
        case .requestHeadReceived:
            openRequests += 1
            bodyPending = true
            if phase != .lingering {
                phase = .responding
                clearDeadline()
            }
        case .requestEnded:
            bodyPending = false
        case .responseEnded:
            openRequests = max(0, openRequests - 1)
            guard openRequests == 0, phase == .responding else { return }
            if bodyPending {
                // The response went out before the request's body was all in: reading the rest
                // is still reading a request.
                phase = .readingRequest
                setDeadline(.now() + headerTimeout, context)
            } else {
                phase = .idle
                setDeadline(.now() + idleTimeout, context)
            }
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .output, phase != .lingering else {
            if mode == .all { stopTimer() }
            context.close(mode: mode, promise: promise)
            return
        }
        phase = .lingering
        context.close(mode: .output, promise: promise)
        if inputClosed {
            context.close(mode: .all, promise: nil)
            return
        }
        setDeadline(.now() + lingerTimeout, context)
        context.read()
    }

    // MARK: Timer

    private func setDeadline(_ newDeadline: NIODeadline, _ context: ChannelHandlerContext) {
        deadline = newDeadline
        if let wakeUp, wakeUp.at <= newDeadline { return }
        wakeUp?.task.cancel()
        scheduleWakeUp(context)
    }

    private func scheduleWakeUp(_ context: ChannelHandlerContext) {
        guard let deadline else { return }
        let at = min(deadline, .now() + headerTimeout)
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: at) {
            self.wakeUp = nil
            guard let deadline = self.deadline else { return }
            if NIODeadline.now() < deadline {
                self.scheduleWakeUp(context)
            } else {
                self.deadlinePassed(context)
            }
        }
        wakeUp = (at, task)
    }

    /// No deadline until the next `setDeadline`; the timer, if set, finds none and stops.
    private func clearDeadline() {
        deadline = nil
    }

    private func stopTimer() {
        deadline = nil
        wakeUp?.task.cancel()
        wakeUp = nil
    }

    private func deadlinePassed(_ context: ChannelHandlerContext) {
        deadline = nil
        switch phase {
        case .readingRequest:
            // No response is under way (none is, while a request is being read): a 408 tells
            // a real client why, then the socket goes (at the latest when lingering ends).
            phase = .lingering
            setDeadline(.now() + lingerTimeout, context)
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: Self.requestTimeoutResponse)), promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(mode: .all, promise: nil) }
        case .idle, .lingering:
            context.close(mode: .all, promise: nil)
        case .responding:
            if inputClosed { context.close(mode: .all, promise: nil) }
        }
    }
}
