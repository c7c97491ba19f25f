import NIOConcurrencyHelpers

/// Counts the open connections against `ServeLimits.maxConnections`. Shared by every event
/// loop, so behind a lock (taken once when a connection opens and once when it closes).
final class ConnectionLimit: Sendable {
    let maximum: Int
    private let open = NIOLockedValueBox(0)

    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Counts a new connection in; false (and not counted) when the server is full.
    func tryOpen() -> Bool {
        open.withLockedValue { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    func close() {
        open.withLockedValue { $0 -= 1 }
    }

    var current: Int { open.withLockedValue { $0 } }

    /// What a connection over the limit gets before it is closed.
    static let refusal = PlainResponse.bytes(status: "503 Service Unavailable", text: "Too many connections to the preview server; try again shortly.\n", extraHeaders: ["Retry-After: 1"])
}
