import ArgumentParser
import Foundation
import PolicyDiagnostics
import PolicyPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates without building the site.",
        discussion: """
        Runs every check `build` runs (front matter, required sections, section ids, links, \
        translations, published versions, templates) and writes nothing. Use it in CI or \
        before committing.

        Exit status: 0 no errors; 1 the content failed a check (warnings count only with \
        --strict); 2 usage, configuration or I/O error.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The templates directory, checked too.", valueName: "dir"))
    var templates = "Templates"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day that decides which version is current (YYYY-MM-DD; default: today, UTC).", valueName: "date"))
    var asOf: String?

    @Flag(name: .long, help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("How diagnostics are printed: text, json or github (Actions annotations).", valueName: "format"))
    var format: DiagnosticFormat = .text

    func run() throws {
        let report = CheckPipeline.check(CheckOptions(
            contentDirectory: content, templatesDirectory: templates, asOf: try AsOfDate.resolve(asOf), strict: strict
        ))
        DiagnosticPrinter.print(report.diagnostics, format: format)
        if format == .text {
            FileHandle.standardError.write(Data(CheckSummary.line(report.diagnostics, status: report.exitStatus).utf8))
        }
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}

/// The last line of a text report: how many errors and warnings, and the verdict.
enum CheckSummary {
    static func line(_ diagnostics: [Diagnostic], status: ExitStatus) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let verdict = status == .success ? "check passed" : "check failed"
        return "\(verdict): \(count(errors, "error")), \(count(warnings, "warning")).\n"
    }
}
