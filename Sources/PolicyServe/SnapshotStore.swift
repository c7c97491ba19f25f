import Foundation
import PolicyCore
import PolicyModel

/// What the server shows at one moment: the last good site, the overlay while there are errors,
/// and which generation of the site this is. A value, so a request works on one consistent
/// snapshot however many rebuilds happen while it is answered.
struct SiteSnapshot: Sendable {
    var files: [String: OutputFile]
    /// The error overlay's HTML, nil while the content and templates pass their checks.
    var overlayHTML: String?
    /// Counts the changes to what is served (files or overlay); starts at 0.
    var generation: Int
    /// Differs for every server process, so a page can tell that the server restarted.
    var instance: String
}

/// A message on the live reload event stream.
enum ReloadEvent: Sendable, Equatable {
    /// Sent first on every connection: the server's instance and generation now.
    case hello(instance: String, generation: Int)
    /// A rebuild changed what is served: these site paths, or everything.
    case reload(generation: Int, all: Bool, pages: [String])
    /// Keeps the connection alive and lets the server notice a client that went away.
    case heartbeat

    /// The Server-Sent Events wire form.
    var wireText: String {
        switch self {
        case let .hello(instance, generation):
            return "event: hello\ndata: {\"instance\":\(JSONString.literal(instance)),\"generation\":\(generation)}\n\n"
        case let .reload(generation, all, pages):
            let list = pages.map(JSONString.literal).joined(separator: ",")
            return "event: reload\ndata: {\"generation\":\(generation),\"all\":\(all),\"pages\":[\(list)]}\n\n"
        case .heartbeat:
            return ": heartbeat\n\n"
        }
    }
}

/// Holds what the server serves and who is listening for changes. The rebuild service publishes
/// each update here; requests read a snapshot; event streams subscribe.
public actor SnapshotStore {
    private var snapshot: SiteSnapshot
    private var subscribers: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]

    public init() {
        snapshot = SiteSnapshot(files: [:], overlayHTML: nil, generation: 0, instance: UUID().uuidString)
    }

    func current() -> SiteSnapshot { snapshot }

    /// The number of connected event streams (tests wait for a browser to be listening).
    public var subscriberCount: Int { subscribers.count }

    /// Publishes a rebuild: the site as it now is, the overlay (nil when there are no errors),
    /// and the files that changed or went away. Every listener is told which pages to reload:
    /// all of them when the overlay appeared, changed or went, or when an asset changed (every
    /// page uses the stylesheet).
    func publish(files: [String: OutputFile], overlayHTML: String?, changed: [String], removed: [String]) {
        let overlayChanged = overlayHTML != snapshot.overlayHTML
        let touched = changed + removed
        guard overlayChanged || !touched.isEmpty else { return }
        let all = overlayChanged || touched.contains { !$0.hasSuffix(".html") && $0.hasPrefix("assets/") }
        snapshot.files = files
        snapshot.overlayHTML = overlayHTML
        snapshot.generation += 1
        let event = ReloadEvent.reload(generation: snapshot.generation, all: all, pages: touched.filter { $0.hasSuffix(".html") }.sorted())
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// A stream of events for one client, starting with `hello`. Ends when the client is
    /// unsubscribed or the store closes.
    func subscribe() -> (id: UUID, events: AsyncStream<ReloadEvent>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield(.hello(instance: snapshot.instance, generation: snapshot.generation))
        subscribers[id] = continuation
        return (id, stream)
    }

    func heartbeat(_ id: UUID) {
        subscribers[id]?.yield(.heartbeat)
    }

    func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// Ends every event stream: the server is shutting down.
    func closeAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }
}
