import PolicyCore
import PolicyModel
import PolicyWrite

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

/// `build`: guard the output, run the engine (load, parse, validate, templates, render), write.
/// A stage that finds an error (or, with `strict`, a warning) stops the build before anything
/// is written.
public enum BuildPipeline {
    public static func build(_ options: SiteOptions) -> BuildReport {
        func stop(_ diagnostics: [Diagnostic]) -> BuildReport {
            let sorted = Diagnostic.sortedForReport(diagnostics)
            return BuildReport(diagnostics: sorted, files: [], wroteOutput: false, exitStatus: ExitStatus.forDiagnostics(sorted, strict: options.strict))
        }

        // The output directory is replaced whole: refuse one that is not policysite's alone
        // before any work, so a typo in --output costs nothing.
        let target: OutputTarget
        do {
            target = try OutputTarget.check(
                options.outputDirectory,
                protecting: [("content directory", options.contentDirectory), ("templates directory", options.templatesDirectory)],
                homes: options.homeDirectories, force: options.force
            )
        } catch {
            return stop([error])
        }

        let engine = SiteEngine(options)
        let update = engine.build()
        guard update.succeeded else { return stop(update.diagnostics) }
        let files = engine.files.values.sorted { $0.path < $1.path }

        // Write: into a temporary directory, swapped in whole.
        do {
            try SiteWriter().write(files, to: target)
        } catch {
            return stop(update.diagnostics + [error])
        }
        return BuildReport(diagnostics: update.diagnostics, files: files, wroteOutput: true,
                           exitStatus: ExitStatus.forDiagnostics(update.diagnostics, strict: options.strict))
    }
}
