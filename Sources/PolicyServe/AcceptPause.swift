import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// On the listening socket: stops accepting for a moment when the process is out of
/// descriptors, instead of spinning.
///
/// NIO's own AcceptBackoffHandler (which every ServerBootstrap adds) only delays the *next*
/// `read()`; the read already pending keeps the listening socket registered with epoll, which is
/// level-triggered, so accept4 fails with EMFILE as fast as the loop turns (seen: 16,000 times a
/// second, 70% of a core, serving nobody). Turning `autoRead` off unregisters the socket;
/// turning it back on after `pause` registers it again and accepting resumes, or fails once more
/// and pauses again.
final class AcceptPause: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let pause: TimeAmount
    private var paused = false

    init(pause: TimeAmount = .milliseconds(100)) {
        self.pause = pause
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? IOError, [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(error.errnoCode), !paused,
           let options = context.channel.syncOptions {
            paused = true
            try? options.setOption(ChannelOptions.autoRead, value: false)
            context.eventLoop.assumeIsolated().scheduleTask(in: pause) {
                self.paused = false
                try? context.channel.syncOptions?.setOption(ChannelOptions.autoRead, value: true)
            }
        }
        context.fireErrorCaught(error)
    }
}
