import ArgumentParser
import Foundation
import PolicyCore
import PolicyPipeline

struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Record the published versions in Content/published.lock.",
        discussion: """
        A version is published once it is in effect on --as-of and is not a draft. `lock` \
        records the SHA-256 of each of its files; from then on `check` and `build` fail if a \
        recorded file changes or is deleted, because a published version is permanent. To \
        change a policy, start a new version with `policysite new <policy>`.

        Locking only adds: files already in the lock stay, whatever --as-of says, and running \
        `lock` twice gives the same file. Content with errors is not locked. Commit \
        published.lock together with the content.

        Exit status: 0 locked (or nothing to add); 1 the content failed a check; 2 usage, \
        configuration or I/O error.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The content directory: site.yml and one folder per policy.", valueName: "dir"))
    var content = "Content"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Lock the versions in effect on this day (YYYY-MM-DD; default: today, UTC).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        try AsOfDate.validate(asOf)
    }

    func run() throws {
        let asOf = try AsOfDate.resolve(asOf)
        let report = LockPipeline.lock(SiteOptions(contentDirectory: content, asOf: asOf))
        DiagnosticPrinter.print(report.diagnostics, format: .text)
        guard report.exitStatus == .success else {
            FileHandle.standardError.write(Data("Not locked: fix the errors above first; \(report.lockFile) was not changed.\n".utf8))
            throw ExitCode(report.exitStatus.rawValue)
        }
        print(Self.summary(report, asOf: asOf.description), terminator: "")
    }

    /// What was added, one file a line, or that there was nothing to add.
    static func summary(_ report: LockReport, asOf: String) -> String {
        func files(_ n: Int) -> String { "\(n) file\(n == 1 ? "" : "s")" }
        guard !report.added.isEmpty else {
            let created = report.wroteLock ? " (wrote it anew)" : ""
            return "Nothing to add: every file published as of \(asOf) is already in \(report.lockFile)\(created), which records \(files(report.lockedCount)).\n"
        }
        var text = "Locked \(files(report.added.count)) published as of \(asOf) in \(report.lockFile) (\(report.lockedCount) in all):\n"
        for path in report.added { text += "  \(path)\n" }
        return text + "Commit \(report.lockFile) with the content.\n"
    }
}
