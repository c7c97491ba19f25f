import ArgumentParser
import Foundation
import PolicyCore
import PolicyPipeline

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: Content/ with a privacy policy and a cookie policy.",
        discussion: """
        Writes Content/site.yml and a privacy policy and a cookie policy, one version each, \
        effective today (UTC), which `policysite check --strict` passes and `policysite build` \
        builds as they are. Each file says what to edit. The theme is built into policysite; \
        with --templates, init also writes it into Templates/ for you to edit (keep only the \
        files you change: the rest keep following the built-in theme). In a folder that \
        already has Content/site.yml, --templates writes the theme alone.

        init never overwrites or deletes a file: if one it would write exists, it writes \
        nothing and names it.

        Exit status: 0 written; 2 a file exists, or another usage or I/O error.
        """
    )

    @Argument(help: ArgumentHelp("The folder to start the site in (created if missing).", valueName: "dir"))
    var directory = "."

    @Flag(name: .long, help: "Also write the built-in theme into Templates/, to edit.")
    var templates = false

    func run() throws {
        let report = InitPipeline.run(InitOptions(directory: directory, templates: templates, effective: try AsOfDate.resolve(nil)))
        DiagnosticPrinter.print(report.diagnostics, format: .text)
        guard report.exitStatus == .success else {
            FileHandle.standardError.write(Data("Nothing was written.\n".utf8))
            throw ExitCode(report.exitStatus.rawValue)
        }
        let into = directory == "." ? "" : " in \(directory)"
        var text = report.keptExistingContent
            ? "Wrote the built-in theme\(into) (\(report.created.count) files under Templates/); Content/ was left as it is.\n"
            : "Started a site\(into): \(report.created.count) files.\n"
        for file in report.created where !file.contains("Templates/") { text += "  \(file)\n" }
        if templates { text += "  Templates/: the built-in theme; delete the files you do not change, so they keep following policysite's.\n" }
        let cd = directory == "." ? "" : "cd \(directory) && "
        text += """
            Next:
              1. Edit Content/site.yml (title, baseURL, languages) and the two policies' en.md.
              2. Preview as you edit: \(cd)policysite serve
              3. Check and build for publishing: \(cd)policysite check --strict && policysite build

            """
        print(text, terminator: "")
    }
}
