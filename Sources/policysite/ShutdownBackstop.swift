import Dispatch
import Foundation

/// Ends `serve` a few seconds after SIGTERM or SIGINT if the graceful shutdown (which stops the
/// server, then cancels what is left) has not ended it by then: a stuck connection or task must
/// never keep the process alive, and ServiceLifecycle's own escalation is a crash.
enum ShutdownBackstop {
    private static let queue = DispatchQueue(label: "policysite.shutdown-backstop")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(after delay: DispatchTimeInterval = .seconds(3)) {
        queue.sync {
            for signal in [SIGTERM, SIGINT] {
                let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
                source.setEventHandler {
                    queue.asyncAfter(deadline: .now() + delay) {
                        FileHandle.standardError.write(Data("policysite: the server did not stop in time; exiting\n".utf8))
                        _exit(0)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
