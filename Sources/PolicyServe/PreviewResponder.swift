import Foundation
import Hummingbird
import ServiceLifecycle

/// Answers every request from the store's current snapshot: site files (HTML with the live
/// reload script and, while there are errors, the overlay), folder redirects, the styled 404,
/// refusals of hostile paths, and the live reload event stream. Nothing is read from disk.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SnapshotStore
    /// How often an idle event stream gets a comment: a browser that went away is noticed only
    /// when a write fails.
    var heartbeatInterval: Duration = .seconds(5)

    private static let noStore = "no-store"

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are supported.\n", extra: [.allow: "GET, HEAD"], head: false)
        }
        let head = request.method == .head
        let snapshot = await store.current()
        let hasFile = { (path: String) in snapshot.files[path] != nil }
        switch SiteRoute.resolve(request.uri.path, hasFile: hasFile) {
        case .file(let path):
            var bytes = snapshot.files[path]?.bytes ?? []
            let type = MediaTypes.contentType(forPath: path)
            if type == MediaTypes.html {
                bytes = PageInjection.inject(into: bytes, sitePath: path, instance: snapshot.instance, generation: snapshot.generation, overlayHTML: snapshot.overlayHTML)
            }
            return Self.bytes(.ok, bytes, type: type, head: head)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Self.text(.movedPermanently, "Moved to \(location)\n", extra: [.location: location + query], head: head)
        case .events:
            return head ? Self.bytes(.ok, [], type: "text/event-stream; charset=utf-8", head: true) : eventStream()
        case .notFound:
            let page = NotFoundPage.html(requestedPath: request.uri.path, hasFile: hasFile)
            let bytes = PageInjection.inject(into: Array(page.utf8), sitePath: "", instance: snapshot.instance, generation: snapshot.generation, overlayHTML: snapshot.overlayHTML)
            return Self.bytes(.notFound, bytes, type: MediaTypes.html, head: head)
        case .badRequest(let reason):
            return Self.text(.badRequest, "Bad request: \(reason).\n", head: head)
        }
    }

    /// Server-Sent Events: `hello`, then a `reload` per rebuild, and heartbeats. Ends when the
    /// client goes away or the server shuts down gracefully (so an open browser tab never
    /// keeps the process alive after Ctrl-C).
    private func eventStream() -> Response {
        let store = store
        let interval = heartbeatInterval
        let body = ResponseBody { writer in
            let (id, events) = await store.subscribe()
            let heartbeat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    await store.heartbeat(id)
                }
            }
            do {
                // Reconnect quickly after a restart (the browser's default is a few seconds).
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await event in events.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.wireText))
                }
            } catch {
                // The client went away: nothing more to write.
            }
            heartbeat.cancel()
            await store.unsubscribe(id)
            try? await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: Self.noStore], body: body)
    }

    private static func bytes(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String, extra: HTTPFields = [:], head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: noStore, .contentLength: String(bytes.count)]
        headers[HTTPFields.Element.Name("X-Content-Type-Options")!] = "nosniff"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:], head: Bool) -> Response {
        bytes(status, Array(text.utf8), type: "text/plain; charset=utf-8", extra: extra, head: head)
    }
}
