import Foundation

/// Between the watcher and the engine: collects changed paths, waits until saving has gone
/// quiet for a moment (one save is several events: write, rename, attributes), then hands the
/// batch to one rebuild at a time. Paths that change during a rebuild wait, coalesced, for the
/// next one.
///
/// The quiet period is short (20 ms by default): editors finish a save in a few milliseconds,
/// and the aim is a page updated within 100 ms of the write. `maximumWait` bounds the delay
/// when something writes continuously.
final class ChangeQueue: @unchecked Sendable {
    let quietPeriod: Duration
    let maximumWait: Duration

    // Guarded by `lock`: the watcher adds from its own thread.
    private let lock = NSLock()
    private var pending: [String] = []
    private var pendingSet: Set<String> = []
    private var lastChange = ContinuousClock.now

    /// One element whenever paths arrive; at most one waits, as the consumer takes every
    /// pending path at once.
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init(quietPeriod: Duration = .milliseconds(20), maximumWait: Duration = .milliseconds(250)) {
        self.quietPeriod = quietPeriod
        self.maximumWait = maximumWait
        (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Called by the watcher, from any thread.
    func add(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        lock.withLock {
            for path in paths where pendingSet.insert(path).inserted { pending.append(path) }
            lastChange = .now
        }
        signal.yield()
    }

    /// Hands batches to `rebuild`, one at a time, until `finish()` or cancellation.
    func run(_ rebuild: @Sendable ([String]) async -> Void) async {
        for await _ in signals {
            let first = ContinuousClock.now
            // Wait until no change arrived for the quiet period (or the maximum wait is over).
            while !Task.isCancelled {
                let sinceLast = ContinuousClock.now - lock.withLock { lastChange }
                if sinceLast >= quietPeriod || ContinuousClock.now - first >= maximumWait { break }
                try? await Task.sleep(for: quietPeriod - sinceLast)
            }
            if Task.isCancelled { return }
            let batch: [String] = lock.withLock {
                defer { pending = []; pendingSet = [] }
                return pending
            }
            if !batch.isEmpty { await rebuild(batch) }
        }
    }

    func finish() {
        signal.finish()
    }
}
