import ArgumentParser
import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site from Content/ and Templates/ into Output/.",
        discussion: """
        Every policy version becomes a page at a permanent URL, in every language of site.yml \
        (a missing translation shows the default language's text with a notice). The version \
        in force on --as-of is the current one; later versions are announced as upcoming.

        The site is written to a temporary directory and swapped into place only when the whole \
        build succeeded: a failed build leaves the previous Output/ as it was. The output must \
        be policysite's alone: a new or empty directory, or one an earlier build wrote (it holds \
        a .policysite file). Anything else is refused unless --force; a file, the content or \
        templates directory (or a folder holding or inside them), / and the home directory are \
        always refused.

        Exit status: 0 built; 1 the content failed a check (warnings count only with --strict); \
        2 usage, configuration or I/O error.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: ArgumentHelp("Where the site is written (replaced whole on success).", valueName: "dir"))
    var output = "Output"

    @Flag(name: .long, help: "Also build versions whose front matter says draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Replace --output even if it is a non-empty directory that policysite did not write.")
    var force = false

    @OptionGroup var report: ReportOptions

    func run() throws {
        let start = ContinuousClock.now
        let options = SiteOptions(
            contentDirectory: input.content, templatesDirectory: input.templatesDirectory, templatesRequired: input.templatesRequired, outputDirectory: output,
            asOf: try AsOfDate.resolve(input.asOf), includeDrafts: drafts, strict: report.strict, force: force
        )
        let built = BuildPipeline.build(options)
        DiagnosticPrinter.print(built.diagnostics, format: report.format)
        if built.wroteOutput {
            let seconds = (ContinuousClock.now - start).formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))
            FileHandle.standardError.write(Data("Built \(built.pageCount) pages into \(output)/ (as of \(options.asOf)) in \(seconds).\n".utf8))
        } else {
            FileHandle.standardError.write(Data("Build failed; '\(output)' was not changed.\n".utf8))
        }
        if built.exitStatus != .success { throw ExitCode(built.exitStatus.rawValue) }
    }
}
