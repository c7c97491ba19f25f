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

        Start with `policysite init` in a new folder, `policysite serve` to preview \
        the site as you edit, and `policysite build` to write it to Output/ for publishing. \
        See README.md for the content layout.
        """,
        version: "0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, DiffCommand.self, NewCommand.self, LockCommand.self]
    )
}

/// Runs a parsed command: `serve` is async (a server), the others are not.
func runCommand(_ parsed: any ParsableCommand) async throws {
    if var command = parsed as? any AsyncParsableCommand {
        try await command.run()
    } else {
        var command = parsed
        try command.run()
    }
}

// ArgumentParser exits with 64 on usage errors; the contract says 2.
do {
    try await runCommand(try PolicysiteCommand.parseAsRoot())
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = PolicysiteCommand.exitCode(for: error)
    if code == .success {
        print(PolicysiteCommand.fullMessage(for: error))
        Foundation.exit(0)
    }
    // A misspelt command gets a "did you mean", which ArgumentParser gives options only.
    let message = CommandSuggestion.unknownCommandMessage(arguments: Array(CommandLine.arguments.dropFirst()))
        ?? PolicysiteCommand.fullMessage(for: error)
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(2)
}
