import ArgumentParser
import PolicyCore

/// What `build` and `check` read: the same flags with the same meaning in both.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("Overrides of the built-in theme, file by file: layouts, pages, partials, strings/, assets/, static/ (default: Templates, when it exists).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day that decides which version is current (YYYY-MM-DD; default: today, UTC).", valueName: "date"))
    var asOf: String?

    // ArgumentParser validates an option group while it parses the command that holds it.
    func validate() throws {
        try AsOfDate.validate(asOf)
    }
}

/// How `build` and `check` report problems and which ones fail them.
struct ReportOptions: ParsableArguments {
    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("How diagnostics are printed: text, json or github (Actions annotations).", valueName: "format"))
    var format: DiagnosticFormat = .text
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension InputOptions {
    /// The templates folder to layer over the built-in theme.
    var templatesDirectory: String { templates ?? "Templates" }
    /// Named with `--templates`: then it must exist.
    var templatesRequired: Bool { templates != nil }
}
