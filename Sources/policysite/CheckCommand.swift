import ArgumentParser
import Foundation
import PolicyCore
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

    @OptionGroup var input: InputOptions

    @OptionGroup var options: ReportOptions

    func run() throws {
        let report = CheckPipeline.check(SiteOptions(
            contentDirectory: input.content, templatesDirectory: input.templatesDirectory, templatesRequired: input.templatesRequired, asOf: try AsOfDate.resolve(input.asOf), strict: options.strict
        ))
        DiagnosticPrinter.print(report.diagnostics, format: options.format)
        if options.format == .text {
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
