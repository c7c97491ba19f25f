import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import PolicyServe
import Testing

/// What keeps slow, stuck or hostile clients from using up the preview server: the header
/// timeout, lingering close after a rejected request, and the connection limit. Short limits,
/// so each test takes about a second. (scripts/serve-abuse-test does the same at scale.)
@Suite(.serialized) struct ServeConnectionLimitsTests {
    static let short = ServeLimits(headerTimeout: .milliseconds(500), idleTimeout: .seconds(60), lingerTimeout: .milliseconds(500), maxConnections: 512)

    @Test func aHalfSentRequestGets408AtTheHeaderTimeoutWhileOthersAreServed() async throws {
        try await ServedSample.with(limits: Self.short) { site in
            let slow = Task { try await site.exchange("GET /en/privacy/ HTTP/1.1\r\nHost: 127.0.0.1") }
            #expect(try await site.get("/en/privacy/").status == 200)
            let reply = try await slow.value
            #expect(reply.status == 408 && reply.closed)
            #expect(reply.elapsed >= .milliseconds(450) && reply.elapsed < .seconds(5), "dropped after \(reply.elapsed)")
            #expect(try await site.waitForNoConnections())
        }
    }

    @Test func anIdleKeepAliveConnectionIsKeptAndAnEventStreamOutlivesTheHeaderTimeout() async throws {
        try await ServedSample.with(limits: Self.short) { site in
            let port = site.port
            let events = try await offThePool { try EventStreamClient(port: port) }
            #expect(try await offThePool { events.next() }?.event == "hello")
            try await Task.sleep(for: .seconds(1))
            // Still connected after twice the header timeout: a heartbeat arrives within 5 s.
            #expect(site.server.openConnections == 1)
            #expect(try await offThePool { events.waitForEnd(timeout: .milliseconds(200)) } == false)
        }
    }

    @Test func anOversizedHeaderGets400AndLeavesNoConnectionBehind() async throws {
        try await ServedSample.with(limits: Self.short) { site in
            let port = site.port
            let big = "X-Big: " + String(repeating: "a", count: 1 << 20) + "\r\n"
            for _ in 0..<3 {
                let reply = try await site.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(big)\r\n")
                #expect(reply.status == 400 && reply.closed)
            }
            // Hummingbird waits for the channel to close; the lingering close makes sure it does.
            #expect(try await site.waitForNoConnections(), "\(site.server.openConnections) left open")
        }
    }

    @Test func connectionsOverTheLimitGet503() async throws {
        var limits = Self.short
        limits.maxConnections = 2
        // The two held connections stay silent: they must outlive the test.
        limits.headerTimeout = .seconds(30)
        try await ServedSample.with(limits: limits) { site in
            let port = site.port
            let held = try await offThePool { try (0..<2).map { _ in try RawHTTP.connect(port: port) } }
            defer { held.forEach { close($0) } }
            // Both are counted once accepted; wait for that before the third.
            let deadline = ContinuousClock.now + .seconds(5)
            while site.server.openConnections < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            let refused = try await site.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            #expect(refused.status == 503 && refused.closed)
            #expect(refused.headers["retry-after"] == "1")
        }
    }
}
