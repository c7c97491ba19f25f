import ArgumentParser
import Foundation
import PolicyCore
import PolicyPipeline
import PolicyServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilt and reloaded as you edit.",
        discussion: """
        Builds the site in memory (drafts included, with a "draft" badge) and serves it at \
        http://127.0.0.1:8000/. Saving a file under the content or templates directory \
        re-renders the pages that depend on it, and open pages reload by themselves. While \
        the content fails a check, every page shows the problems over the last good version \
        of the site. Output/ is neither read nor written. Ctrl-C stops the server.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The address to listen on; anything but loopback lets other machines read your drafts.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port, printed at start).", valueName: "port"))
    var port = 8000

    @Option(name: .long, help: ArgumentHelp("Seconds a client has to send a request's headers before it gets a 408 and is disconnected.", valueName: "seconds"))
    var headerTimeout = 10.0

    @Option(name: .long, help: ArgumentHelp("Seconds a connection may stay open with no request in progress (live reload streams are exempt).", valueName: "seconds"))
    var idleTimeout = 60.0

    @Option(name: .long, help: ArgumentHelp("Connections open at once; more get a 503. Default: 512, or fewer if the descriptor limit (ulimit -n) is low.", valueName: "count"))
    var maxConnections: Int?

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port; use 1-65535, or 0 for any free port") }
        for (flag, seconds) in [("--header-timeout", headerTimeout), ("--idle-timeout", idleTimeout)] where !(seconds > 0 && seconds <= 86400) {
            throw ValidationError("\(flag) \(seconds) is not a duration; give seconds, more than 0 and at most 86400")
        }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections \(maxConnections) must be at least 1") }
    }

    private var limits: ServeLimits {
        var limits = ServeLimits(headerTimeout: .milliseconds(Int64((headerTimeout * 1000).rounded())), idleTimeout: .milliseconds(Int64((idleTimeout * 1000).rounded())))
        if let maxConnections { limits.maxConnections = maxConnections }
        return limits
    }

    func run() async throws {
        let asOf = try AsOfDate.resolve(input.asOf)
        // Without --templates, a missing Templates/ means the built-in theme alone.
        let named: [(flag: String, directory: String?)] = [("--content", input.content), ("--templates", input.templates)]
        for case let (flag, directory?) in named {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                Self.printError("error: \(flag) '\(directory)' is not a directory")
                throw ExitCode(ExitStatus.usageOrConfiguration.rawValue)
            }
        }
        if !PreviewServer.isLoopback(host) {
            Self.printError("warning: serving on \(host): other machines that can reach it can read the site and its drafts; use --host 127.0.0.1 to keep it to this one")
        }

        let console = ServeConsole(
            status: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            diagnostics: { diagnostics in DiagnosticPrinter.print(diagnostics, format: .text) }
        )
        let server = PreviewServer(.init(engine: SiteOptions(contentDirectory: input.content, templatesDirectory: input.templatesDirectory, templatesRequired: input.templatesRequired, asOf: asOf), host: host, port: port, limits: limits), console: console)
        let first = await server.prepare()
        let pages = first.renderedPages.count
        let built = first.succeeded
            ? "\(pages) pages as of \(asOf), drafts included"
            : "the content has errors (shown on every page) as of \(asOf)"
        let host = host
        let shownContent = input.content.hasSuffix("/") && input.content.count > 1 ? String(input.content.dropLast()) : input.content
        let group = server.serviceGroup(handleSignals: true) { port in
            console.status("Serving \(shownContent)/ at \(PreviewServer.url(host: host, port: port)) (\(built)); press Ctrl-C to stop")
        }
        ShutdownBackstop.install()
        do {
            try await group.run()
        } catch {
            if PreviewServer.isAddressInUse(error) {
                Self.printError("error: port \(port) on \(host) is already in use; choose another with --port, or --port 0 for any free port")
            } else {
                Self.printError("error: the server stopped: \(error)")
            }
            throw ExitCode(ExitStatus.usageOrConfiguration.rawValue)
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
