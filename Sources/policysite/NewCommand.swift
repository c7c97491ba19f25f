import ArgumentParser
import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new version of a policy from the one before its date.",
        discussion: """
        Copies every language file of the policy's version before the new date (the latest, \
        unless the new version comes before an upcoming one) into Content/<policy>/<date>/, as \
        a draft: `draft: true` is set, `summary` is emptied for you to fill in, `material` is \
        removed, and the rest of each file (title, comments, text) is kept as it was. Nothing \
        existing is overwritten.

        The date must be after the version in force on --as-of: the versions up to it are \
        published history. An urgent version may come before an upcoming one; that one then \
        follows the new version, and a note says to check its summary and text.

        Exit status: 0 created; 2 unknown policy, a date not after the version in force, a \
        folder that already exists, or another usage or I/O error.
        """
    )

    @Argument(help: ArgumentHelp("The policy's folder name, e.g. privacy.", valueName: "policy"))
    var policy: String

    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .long, help: ArgumentHelp("The new version's effective date (YYYY-MM-DD; default: 30 days after --as-of).", valueName: "date"))
    var effective: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day that decides which version is in force and which are upcoming (YYYY-MM-DD; default: today, UTC).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        try DateArgument.validate(effective, what: "--effective", hint: Self.hint)
        try AsOfDate.validate(asOf)
        // The default date can fail too (past 9999-12-31): say so with this command's usage.
        if effective == nil { _ = try Self.effectiveDate(nil, asOf: AsOfDate.resolve(asOf)) }
    }

    func run() throws {
        let asOf = try AsOfDate.resolve(asOf)
        let date = try Self.effectiveDate(effective, asOf: asOf)
        let report = NewVersionPipeline.create(SiteOptions(contentDirectory: content, asOf: asOf), policy: policy, effective: date)
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
        // Written straight through (not print's buffer), so the notes below come after it.
        FileHandle.standardOutput.write(Data(text.utf8))
        // Last, where it is read after the steps: what the new version changes for the one after it.
        for note in report.notes {
            FileHandle.standardError.write(Data("note: \(note)\n".utf8))
        }
    }

    private static let hint = "e.g. 2027-01-31"

    /// `--effective`, or 30 days after `asOf` (today unless given): a new version usually gives
    /// readers notice.
    static func effectiveDate(_ text: String?, asOf: CalendarDate) throws -> CalendarDate {
        guard let text else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            // `--as-of 9999-12-20` leaves no day 30 days later that a folder name can hold.
            guard let start = calendar.date(from: DateComponents(year: asOf.year, month: asOf.month, day: asOf.day)),
                  let later = calendar.date(byAdding: .day, value: 30, to: start),
                  case let day = calendar.dateComponents([.year, .month, .day], from: later),
                  let year = day.year, let month = day.month, let dayOfMonth = day.day,
                  let date = CalendarDate(year: year, month: month, day: dayOfMonth)
            else {
                throw ValidationError("there is no date 30 days after \(asOf) to default to; pass --effective YYYY-MM-DD")
            }
            return date
        }
        return try DateArgument.parse(text, what: "--effective", hint: hint)
    }
}
