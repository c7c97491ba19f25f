import ArgumentParser
import Foundation
import PolicyChanges
import PolicyCore
import PolicyPipeline

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in a policy between two versions.",
        discussion: """
        Compares the top-level sections of the two versions (usually the `##` ones, each with \
        everything under it; the text before the first heading is the section ""), matched by \
        {#id}, else by the slug of the heading. Re-wrapped lines, extra spaces and blank lines, \
        and the list marker are not changes; the same words in other formatting (emphasis, a \
        link's target) are, with 0 words counted.

        Text output: one line per section (+ added, - removed, ~ changed, = unchanged; \
        "moved" when its place among the others changed), then the changed text with \
        [-deleted-] and {+inserted+} words; in colour on a terminal unless NO_COLOR is set.

        JSON output: {"policy", "lang", "from", "to", "sections": [{"id", "status", \
        "headingChanged", "wordsInserted", "wordsDeleted"}]}. A section that only moved is \
        "unchanged" there.

        With --lang, the texts of that language are compared; where it lacks either version, \
        the texts of the language the change page compares (the default language, else the \
        governing language, else the first site language with both), with a note on stderr \
        and, in text output, the language compared in the header line; JSON's "lang" stays \
        the language asked for.

        Exit status: 0 compared; 1 the content has errors (as `check` reports them); 2 an \
        unknown policy, date or language, or another usage, configuration or I/O error.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The policy's folder name, e.g. privacy.", valueName: "policy"))
    var policy: String

    @Argument(help: ArgumentHelp("The older version's effective date (YYYY-MM-DD).", valueName: "from-date"))
    var from: String

    @Argument(help: ArgumentHelp("The newer version's effective date (YYYY-MM-DD).", valueName: "to-date"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The language to compare (default: the site's default language).", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let report = DiffPipeline.diff(SiteOptions(contentDirectory: content, asOf: try AsOfDate.resolve(nil)), DiffRequest(policy: policy, from: from, to: to, language: lang))
        if !report.diagnostics.isEmpty {
            DiagnosticPrinter.print(report.diagnostics, format: .text)
        }
        if let refusal = report.refusal {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
        }
        guard let diff = report.diff, let language = report.language, report.exitStatus == .success else {
            throw ExitCode(report.exitStatus.rawValue)
        }
        for note in report.notes {
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
        switch format {
        case .json:
            print(ChangeJSON.render(diff, policy: policy, language: language.rawValue, from: from, to: to), terminator: "")
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let colour = isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            let counts = SectionStatus.allCases.map { status in "\(diff.sections.filter { $0.status == status }.count) \(status.rawValue)" }
            // Where the asked language lacks a version, the header names the language compared.
            let languages = report.comparedLanguage.map { $0 == language ? "\(language)" : "\(language), compared in \($0)" } ?? "\(language)"
            print("\(policy) (\(languages)), \(from) → \(to): \(counts.joined(separator: ", ")) sections")
            print(ChangeText(colour: colour).render(diff), terminator: "")
        }
    }
}
