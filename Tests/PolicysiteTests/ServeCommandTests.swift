import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import PolicyServe
@testable import PolicyPipeline
import Testing

/// `policysite serve` as a user runs it: the real binary, its start-up line, SIGTERM with a
/// browser connected, a port already taken; and the watchers on their own.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `policysite serve` in a copy of the sample site and waits for its start-up line.
    final class ServeProcess: @unchecked Sendable {
        let process = Process()
        let root: URL
        let output = Pipe()
        let errors = Pipe()
        private(set) var firstLine = ""

        init(arguments: [String]) throws {
            root = try TestSupport.temporaryDirectory()
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
            process.executableURL = TestSupport.binary()
            process.arguments = ["serve", "--as-of", "2026-11-21"] + arguments
            process.currentDirectoryURL = root
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// The start-up line (nil if the process ended first).
        func waitForStartLine() -> String? {
            var bytes: [UInt8] = []
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                bytes += chunk
                if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                    firstLine = String(decoding: bytes[..<newline], as: UTF8.self)
                    return firstLine
                }
            }
        }

        var port: Int? {
            guard let range = firstLine.range(of: "http://127.0.0.1:") else { return nil }
            return Int(firstLine[range.upperBound...].prefix { $0.isNumber })
        }

        deinit {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func startsPrintsItsAddressAndStopsOnSIGTERMWithABrowserConnected() async throws {
        let serve = try ServeProcess(arguments: ["--port", "0"])
        let line = try await offThePool { serve.waitForStartLine() }
        #expect(line?.hasPrefix("Serving Content/ at http://127.0.0.1:") == true, "\(line ?? "no line")")
        #expect(line?.contains("press Ctrl-C to stop") == true)
        let port = try #require(serve.port)
        let events = try await offThePool { try EventStreamClient(port: port) }
        #expect(try await offThePool { events.next() }?.event == "hello")

        let start = ContinuousClock.now
        kill(serve.process.processIdentifier, SIGTERM)
        try await offThePool { serve.process.waitUntilExit() }
        let elapsed = ContinuousClock.now - start
        // The server's own shutdown is held to one second in-process (ServeServerTests); here the
        // whole process must also exit while every other suite competes for the two cores (it
        // took 5.5 s once at the busiest moment of a full run, 20 ms by hand), so the bound only
        // catches a process that hangs.
        #expect(elapsed < .seconds(10), "serve took \(elapsed) to stop")
        #expect(serve.process.terminationStatus == 0)
        // Output/ was never written.
        #expect(!FileManager.default.fileExists(atPath: serve.root.appendingPathComponent("Output").path))
    }

    @Test func aTakenPortEndsWithAClearMessageAndStatus2() async throws {
        let first = try ServeProcess(arguments: ["--port", "0"])
        _ = try await offThePool { first.waitForStartLine() }
        let port = try #require(first.port)
        let second = try ServeProcess(arguments: ["--port", String(port), "--host", "127.0.0.1"])
        try await offThePool { second.process.waitUntilExit() }
        let message = String(decoding: second.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.process.terminationStatus == 2)
        #expect(message.contains("port \(port) on 127.0.0.1 is already in use"), "\(message)")
    }

    @Test func aMissingContentDirectoryIsAUsageError() async throws {
        let serve = try ServeProcess(arguments: ["--port", "0", "--content", "Nowhere"])
        try await offThePool { serve.process.waitUntilExit() }
        let message = String(decoding: serve.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(serve.process.terminationStatus == 2)
        #expect(message.contains("error: --content 'Nowhere' is not a directory"), "\(message)")
    }

    @Test func theRebuildLineNamesWhatChangedAndHowLong() {
        let update = SiteUpdate(diagnostics: [], succeeded: true, renderedPages: ["a/index.html", "b/index.html"], changedFiles: [], removedFiles: [], elapsed: .milliseconds(23))
        let line = RebuildService.summary(of: update, after: ["Content/x/sedTmp1", "Content/x/en.md"], exists: { $0.hasSuffix("en.md") })
        #expect(line == "Content/x/en.md changed: 2 pages re-rendered in 23 ms")
    }

    @Test func aPublicHostIsWarnedAbout() async throws {
        let serve = try ServeProcess(arguments: ["--port", "0", "--host", "0.0.0.0"])
        _ = try await offThePool { serve.waitForStartLine() }
        serve.process.terminate()
        serve.process.waitUntilExit()
        let message = String(decoding: serve.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("warning: serving on 0.0.0.0"), "\(message)")
    }

    @Test(arguments: ["inotify", "polling"])
    func watchersReportNewFoldersAndTheirFiles(kind: String) async throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let seen = LockedLines()
        let watcher: any FileWatcher
        #if os(Linux)
        watcher = kind == "inotify" ? try InotifyWatcher(roots: [root.path], onChange: { seen.append(contentsOf: $0) })
                                    : PollingWatcher(roots: [root.path], interval: .milliseconds(20), onChange: { seen.append(contentsOf: $0) })
        #else
        watcher = PollingWatcher(roots: [root.path], interval: .milliseconds(20), onChange: { seen.append(contentsOf: $0) })
        #endif
        try watcher.start()
        defer { watcher.stop() }
        let folder = root.appendingPathComponent("privacy/2027-06-01")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(100))
        // A file written in a folder that did not exist when watching began.
        try Data("text".utf8).write(to: folder.appendingPathComponent("en.md"))
        let target = folder.appendingPathComponent("en.md").path
        let deadline = ContinuousClock.now + .seconds(5)
        while !seen.all.contains(target), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(seen.all.contains(target), "\(seen.all)")
    }
}
