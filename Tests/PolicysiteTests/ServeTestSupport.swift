import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PolicyModel
import PolicyPipeline
import PolicyServe
import ServiceLifecycle

/// A copy of the sample site in a temporary directory, served in-process on a free port.
final class ServedSample: @unchecked Sendable {
    let root: URL
    let server: PreviewServer
    let group: ServiceGroup
    let port: Int
    private let running: Task<Void, any Error>
    let statusLines: LockedLines

    var content: URL { root.appendingPathComponent("Content") }

    /// Runs `body` with a started server and always stops it (and deletes the copy) after.
    static func with(asOf: String = "2026-11-21", limits: ServeLimits = ServeLimits(), prepare: (URL) throws -> Void = { _ in }, _ body: (ServedSample) async throws -> Void) async throws {
        let site = try await start(asOf: asOf, limits: limits, prepare: prepare)
        do {
            try await body(site)
        } catch {
            _ = try? await site.stop()
            throw error
        }
        try await site.stop()
    }

    /// `prepare` edits the copy before the server starts.
    static func start(asOf: String = "2026-11-21", limits: ServeLimits = ServeLimits(), prepare: (URL) throws -> Void = { _ in }) async throws -> ServedSample {
        let root = try TestSupport.temporaryDirectory()
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        // The sample's versions are locked; these tests edit them as an author edits a draft.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/published.lock"))
        try prepare(root)
        let lines = LockedLines()
        let console = ServeConsole(status: { lines.append($0) }, diagnostics: { lines.append(contentsOf: $0.map(\.message)) })
        let options = PreviewServer.Options(
            engine: SiteOptions(contentDirectory: root.appendingPathComponent("Content").path, templatesDirectory: root.appendingPathComponent("Templates").path, asOf: CalendarDate(iso: asOf)!),
            host: "127.0.0.1", port: 0, limits: limits
        )
        let server = PreviewServer(options, console: console)
        _ = await server.prepare()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let group = server.serviceGroup(handleSignals: false) { port in portContinuation.yield(port) }
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServeTestError("the server did not start") }
        return ServedSample(root: root, server: server, group: group, port: port, running: running, lines: lines)
    }

    private init(root: URL, server: PreviewServer, group: ServiceGroup, port: Int, running: Task<Void, any Error>, lines: LockedLines) {
        self.root = root
        self.server = server
        self.group = group
        self.port = port
        self.running = running
        self.statusLines = lines
    }

    /// Shuts the server down gracefully, deletes the copy, and says how long the shutdown took.
    @discardableResult
    func stop() async throws -> Duration {
        let start = ContinuousClock.now
        await group.triggerGracefulShutdown()
        try await running.value
        let elapsed = ContinuousClock.now - start
        try? FileManager.default.removeItem(at: root)
        return elapsed
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: content.appendingPathComponent(relative))
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
    }

    func get(_ rawPath: String, method: String = "GET") async throws -> HTTPReply {
        let port = port
        return try await offThePool { try RawHTTP.request(port: port, method: method, rawPath: rawPath) }
    }

    /// Sends `text` as it is on a new connection and reads until the server closes it.
    func exchange(_ text: String) async throws -> HTTPReply {
        let port = port
        return try await offThePool { try RawHTTP.exchange(port: port, text) }
    }

    /// Polls until the server has no client connection open (each closes a moment after its
    /// client does); false on timeout.
    func waitForNoConnections(timeout: Duration = .seconds(5)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while server.openConnections > 0 {
            if ContinuousClock.now > deadline { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Polls until `condition` holds for the page (an edit takes a few milliseconds to show).
    func waitForPage(_ rawPath: String, timeout: Duration = .seconds(10), until condition: (HTTPReply) -> Bool) async throws -> HTTPReply {
        let deadline = ContinuousClock.now + timeout
        while true {
            let reply = try await get(rawPath)
            if condition(reply) || ContinuousClock.now > deadline { return reply }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    func append(contentsOf more: [String]) { lock.withLock { lines += more } }
    var all: [String] { lock.withLock { lines } }
}

/// Blocking socket work runs on its own thread, never on the concurrency pool the in-process
/// server needs to answer.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

struct HTTPReply: Sendable {
    var status: Int
    /// Lower-cased names.
    var headers: [String: String]
    var body: [UInt8]
    /// The server closed the connection after it (rather than the read timing out).
    var closed = false
    /// From sending the request to the end of the reply, timed on the client's own thread: an
    /// `await` around it can add seconds when a full test run keeps the concurrency pool busy.
    var elapsed = Duration.zero
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A tiny HTTP/1.1 client on a raw socket: it sends the request target exactly as given (no
/// URL normalisation, unlike URLSession), which the traversal tests need.
enum RawHTTP {
    static func connect(port: Int, timeout: Int = 10) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServeTestError("socket: \(errno)") }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw ServeTestError("connect: \(errno)") }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw ServeTestError("send: \(errno)") }
            sent += count
        }
    }

    static func request(port: Int, method: String, rawPath: String) throws -> HTTPReply {
        try exchange(port: port, "\(method) \(rawPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    }

    /// Sends `text` and reads until the server closes the connection (or 10 s pass, when
    /// `closed` is false).
    static func exchange(port: Int, _ text: String) throws -> HTTPReply {
        let socket = try connect(port: port)
        defer { close(socket) }
        let start = ContinuousClock.now
        try send(socket, text)
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var closed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { closed = count == 0 || errno == ECONNRESET; break }
            data += buffer[0..<count]
        }
        var reply = try parse(data)
        reply.closed = closed
        reply.elapsed = ContinuousClock.now - start
        return reply
    }

    static func parse(_ data: [UInt8]) throws -> HTTPReply {
        guard let split = data.firstRange(of: Array("\r\n\r\n".utf8)) else { throw ServeTestError("no response head: \(String(decoding: data, as: UTF8.self))") }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = ChunkedReader.decodeAll(body) }
        return HTTPReply(status: status, headers: headers, body: body)
    }
}

enum ChunkedReader {
    static func decodeAll(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)), let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            result += rest[start..<rest.index(start, offsetBy: size)]
            rest = rest[rest.index(start, offsetBy: size)...].dropFirst(2)
        }
        return result
    }
}

/// A live reload client: the event stream read message by message.
final class EventStreamClient: @unchecked Sendable {
    struct Message: Sendable {
        var event: String
        var data: String
    }

    private let socket: Int32
    /// Decoded body bytes not yet returned as messages.
    private var pending: [UInt8] = []
    /// Raw bytes (chunked framing) not yet decoded.
    private var raw: [UInt8] = []
    private var headDone = false

    init(port: Int) throws {
        socket = try RawHTTP.connect(port: port, timeout: 1)
        try RawHTTP.send(socket, "GET /__policysite/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(socket) }

    /// The next `event:` message (comments and `retry:` skipped), or nil when the stream ended
    /// or nothing came before the deadline.
    func next(timeout: Duration = .seconds(10)) -> Message? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let message = takeMessage() { return message }
            if ContinuousClock.now > deadline { return nil }
            var buffer = [UInt8](repeating: 0, count: 16384)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return nil }
            if count < 0 { continue }
            raw += buffer[0..<count]
            decode()
        }
    }

    /// Waits for the end of the stream (the server closed it); false on timeout.
    func waitForEnd(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 16384)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 && errno != EAGAIN && errno != EWOULDBLOCK { return true }
        }
        return false
    }

    private func decode() {
        if !headDone {
            guard let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
            raw.removeSubrange(..<split.upperBound)
            headDone = true
        }
        while let lineEnd = raw.firstRange(of: Array("\r\n".utf8)), let size = Int(String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) {
            let start = lineEnd.upperBound
            guard raw.count >= start + size + 2 else { return }
            pending += raw[start..<(start + size)]
            raw.removeSubrange(..<(start + size + 2))
        }
    }

    private func takeMessage() -> Message? {
        while let end = pending.firstRange(of: Array("\n\n".utf8)) {
            let block = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
            pending.removeSubrange(..<end.upperBound)
            var event = "message"
            var data = ""
            var isComment = true
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)); isComment = false }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)); isComment = false }
            }
            if !isComment && !block.hasPrefix("retry:") { return Message(event: event, data: data) }
        }
        return nil
    }
}
