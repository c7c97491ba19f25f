import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyRender
import PolicyWrite

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// `--templates` named the folder: its absence is an error, not the built-in theme alone.
    public var templatesRequired: Bool
    public var outputDirectory: String
    /// Decides which version is current. Passed in: the pipeline never reads the clock.
    public var asOf: CalendarDate
    public var includeDrafts: Bool
    /// Warnings fail the build too.
    public var strict: Bool
    /// Replace a non-empty output directory that policysite did not write.
    public var force: Bool
    /// Never used as the output: `$HOME` and the account's home directory. Passed in so that
    /// tests need not touch the real one.
    public var homeDirectories: [String]

    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", templatesRequired: Bool = false, outputDirectory: String = "Output",
                asOf: CalendarDate, includeDrafts: Bool = false, strict: Bool = false, force: Bool = false,
                homeDirectories: [String] = BuildOptions.userHomeDirectories) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.templatesRequired = templatesRequired
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.force = force
        self.homeDirectories = homeDirectories
    }

    public static var userHomeDirectories: [String] {
        [ProcessInfo.processInfo.environment["HOME"], FileManager.default.homeDirectoryForCurrentUser.path].compactMap { $0 }
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The files of the site, when it was rendered.
    public var files: [OutputFile]
    /// True once the site is in the output directory.
    public var wroteOutput: Bool
    public var exitStatus: ExitStatus

    /// The number of HTML pages rendered.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}

/// A build as a list of named steps: guard the output, check (load, parse, validate, templates),
/// render, write. Each step adds its diagnostics; a step that finds an error (or, with
/// `strict`, a warning) stops the build before anything is written.
public enum BuildPipeline {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var diagnostics: [Diagnostic] = []
        func failed() -> Bool {
            ExitStatus.forDiagnostics(diagnostics, strict: options.strict) != .success
        }
        func stop() -> BuildReport {
            let sorted = Diagnostic.sortedForReport(diagnostics)
            return BuildReport(diagnostics: sorted, files: [], wroteOutput: false, exitStatus: ExitStatus.forDiagnostics(sorted, strict: options.strict))
        }

        // 0. The output directory is replaced whole: refuse one that is not policysite's alone
        //    before any work, so a typo in --output costs nothing.
        let target: OutputTarget
        do {
            target = try OutputTarget.check(
                options.outputDirectory,
                protecting: [("content directory", options.contentDirectory), ("templates directory", options.templatesDirectory)],
                homes: options.homeDirectories, force: options.force
            )
        } catch {
            diagnostics.append(error)
            return stop()
        }

        // 1–3. Check: load, parse and validate the content; load and check the templates.
        let checked = CheckPipeline.check(CheckOptions(
            contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory, templatesRequired: options.templatesRequired,
            asOf: options.asOf, strict: options.strict
        ))
        diagnostics += checked.diagnostics
        guard var site = checked.site, let templates = checked.templates, !failed() else { return stop() }
        if !options.includeDrafts { site = site.withoutDrafts() }

        // 4. Render: every page in memory.
        let rendered = SiteRenderer(site: site, templates: templates, asOf: options.asOf).render()
        diagnostics += rendered.diagnostics
        guard !failed() else { return stop() }

        // 5. Write: into a temporary directory, swapped in whole.
        do {
            try SiteWriter().write(rendered.files, to: target)
        } catch {
            diagnostics.append(error)
            return stop()
        }
        let sorted = Diagnostic.sortedForReport(diagnostics)
        return BuildReport(diagnostics: sorted, files: rendered.files, wroteOutput: true, exitStatus: ExitStatus.forDiagnostics(sorted, strict: options.strict))
    }
}
