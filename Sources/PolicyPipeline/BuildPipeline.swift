import PolicyCore
import PolicyModel
import PolicyWrite

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// The paths of the files of the site (relative to the output), sorted, when it was
    /// rendered; their bytes went to the output as they were rendered.
    public var files: [String]
    /// True once the site is in the output directory.
    public var wroteOutput: Bool
    public var exitStatus: ExitStatus

    /// The number of HTML pages rendered.
    public var pageCount: Int { files.filter { $0.hasSuffix(".html") }.count }
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

        // Render and write at once: each batch of files goes to the staging directory while
        // the next renders; the output changes only when the whole site is there. The staging
        // directory is made with the first batch, so a site with errors touches no folder.
        var staged: StagedSite?
        var stagingFailure: Diagnostic?
        func stage() -> StagedSite? {
            if staged == nil, stagingFailure == nil {
                do { staged = try StagedSite(target) } catch { stagingFailure = error }
            }
            return staged
        }
        let update = SiteEngine(options).build(delivering: { batch in stage()?.write(batch) ?? false })
        guard update.succeeded else {
            // A failed write stopped the render: name it beside what the content had.
            let writeFailure = stagingFailure ?? staged?.abandon()
            return stop(update.diagnostics + [writeFailure].compactMap { $0 })
        }
        do throws(Diagnostic) {
            guard let site = stage() else { throw stagingFailure ?? .error(.output, "cannot write the site", at: SourceLocation(file: target.given)) }
            try site.commit()
        } catch {
            return stop(update.diagnostics + [error])
        }
        return BuildReport(diagnostics: update.diagnostics, files: update.changedFiles, wroteOutput: true,
                           exitStatus: ExitStatus.forDiagnostics(update.diagnostics, strict: options.strict))
    }
}
