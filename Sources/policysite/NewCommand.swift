import ArgumentParser
import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyPipeline

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new version of a policy from its latest one.",
        discussion: """
        Copies every language file of the policy's latest version into \
        Content/<policy>/<date>/, as a draft: `draft: true` is set, `summary` is emptied for you \
        to fill in, `material` is removed, and the rest of each file (title, comments, text) \
        is kept as it was. Nothing existing is overwritten.

        Exit status: 0 created; 2 unknown policy, a date not after the latest version, a folder \
        that already exists, or another usage or I/O error.
        """
    )

    @Argument(help: ArgumentHelp("The policy's folder name, e.g. privacy.", valueName: "policy"))
    var policy: String

    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The new version's effective date (YYYY-MM-DD; default: 30 days from today, UTC).", valueName: "date"))
    var effective: String?

    func validate() throws {
        try DateArgument.validate(effective, what: "--effective", hint: Self.hint)
    }

    func run() throws {
        let date = try Self.effectiveDate(effective)
        let report = NewVersionPipeline.create(NewVersionOptions(contentDirectory: content, policy: policy, effective: date))
        DiagnosticPrinter.print(report.diagnostics, format: .text)
        if let refusal = report.refusal {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
        }
        guard report.exitStatus == .success, let previous = report.copiedFrom else { throw ExitCode(report.exitStatus.rawValue) }
        var text = "Created \(report.folder)/ from the version of \(previous):\n"
        for file in report.created { text += "  \(file)\n" }
        text += """
            Next:
              1. Edit the text in each language.
              2. Fill in 'summary' in each file: what changed since \(previous), for readers. Add
                 'material: true' if readers must be told about the change.
              3. Delete the line 'draft: true' when the version is ready to publish.
              4. Run policysite check\(content == "Content" ? "" : " --content \(content)"); once the version is in effect, run policysite lock.

            """
        print(text, terminator: "")
    }

    private static let hint = "e.g. 2027-01-31"

    /// `--effective`, or 30 days from today in UTC: a new version usually gives readers notice.
    static func effectiveDate(_ text: String?) throws -> CalendarDate {
        guard let text else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let later = calendar.date(byAdding: .day, value: 30, to: Date())!
            let day = calendar.dateComponents([.year, .month, .day], from: later)
            return CalendarDate(year: day.year!, month: day.month!, day: day.day!)!
        }
        return try DateArgument.parse(text, what: "--effective", hint: hint)
    }
}
