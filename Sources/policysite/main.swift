import ArgumentParser
import Foundation

struct PolicysiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policysite",
        abstract: "A static site generator for versioned, multilingual legal policies.",
        discussion: """
        Policies are Markdown files with YAML front matter, one per version and language: \
        Content/<policy>/<YYYY-MM-DD>/<lang>.md. policysite checks them and renders a static \
        site that keeps every prior version online at a permanent URL.

        Start with `policysite build --as-of 2026-01-01` in a directory with Content/ and \
        Templates/, then serve Output/ with any static web server (e.g. \
        `python3 -m http.server --directory Output`). See README.md for the content layout.
        """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, DiffCommand.self, NewCommand.self, LockCommand.self]
    )
}

// ArgumentParser exits with 64 on usage errors; the contract says 2.
do {
    var command = try PolicysiteCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = PolicysiteCommand.exitCode(for: error)
    if code == .success {
        print(PolicysiteCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((PolicysiteCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
