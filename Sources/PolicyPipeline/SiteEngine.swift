import PolicyDiagnostics
import PolicyModel
import PolicyRender

/// What the engine builds from.
public struct EngineOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// Decides which version is current. Passed in: the engine never reads the clock.
    public var asOf: CalendarDate
    /// Drafts are rendered (with their badge), as `build --drafts` and `serve` do.
    public var includeDrafts: Bool

    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", asOf: CalendarDate, includeDrafts: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.asOf = asOf
        self.includeDrafts = includeDrafts
    }
}

/// What one build or rebuild of the engine did.
public struct SiteUpdate: Sendable {
    /// Every problem found in the content and templates as they are now, sorted for the report.
    public var diagnostics: [Diagnostic]
    /// False when the content or the templates have errors: the engine then keeps the last good
    /// site unchanged (`changedFiles` and `removedFiles` are empty).
    public var succeeded: Bool
    /// The paths of the pages rendered by this update, sorted.
    public var renderedPages: [String]
    /// The files whose bytes differ from the previous good site (new or modified), sorted.
    public var changedFiles: [String]
    /// The files of the previous good site that are gone, sorted.
    public var removedFiles: [String]
    /// How long the update took.
    public var elapsed: Duration
}

/// Builds the site in memory and keeps it up to date as files change: the engine under
/// `serve`, and the benchmark's incremental rebuild.
///
/// Not thread-safe: one build or rebuild at a time (the preview server runs them in order).
/// The engine never writes to disk; `files` is the last good site.
public final class SiteEngine {
    public let options: EngineOptions
    /// The last good site, by path relative to the site root (`en/privacy/index.html`).
    public private(set) var files: [String: OutputFile] = [:]

    public init(_ options: EngineOptions) {
        self.options = options
    }

    /// Reads everything and renders the whole site.
    public func build() -> SiteUpdate {
        update()
    }

    /// After files changed on disk (paths as a watcher reports them: created, modified or
    /// deleted files and folders under the content or templates directory).
    public func rebuild(changedPaths: [String]) -> SiteUpdate {
        update()
    }

    private func update() -> SiteUpdate {
        let clock = ContinuousClock()
        let start = clock.now
        let checked = CheckPipeline.check(CheckOptions(
            contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory, asOf: options.asOf
        ))
        var diagnostics = checked.diagnostics
        guard var site = checked.site, let templates = checked.templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            return SiteUpdate(diagnostics: checked.diagnostics, succeeded: false, renderedPages: [], changedFiles: [], removedFiles: [], elapsed: clock.now - start)
        }
        if !options.includeDrafts { site = site.withoutDrafts() }
        let rendered = SiteRenderer(site: site, templates: templates, asOf: options.asOf).render()
        diagnostics = Diagnostic.sortedForReport(diagnostics + rendered.diagnostics)
        guard !rendered.diagnostics.contains(where: { $0.severity == .error }) else {
            return SiteUpdate(diagnostics: diagnostics, succeeded: false, renderedPages: [], changedFiles: [], removedFiles: [], elapsed: clock.now - start)
        }
        var next: [String: OutputFile] = [:]
        for file in rendered.files { next[file.path] = file }
        let changed = next.values.filter { files[$0.path] != $0 }.map(\.path).sorted()
        let removed = files.keys.filter { next[$0] == nil }.sorted()
        files = next
        let pages = rendered.files.map(\.path).filter { $0.hasSuffix(".html") }
        return SiteUpdate(diagnostics: diagnostics, succeeded: true, renderedPages: pages, changedFiles: changed, removedFiles: removed, elapsed: clock.now - start)
    }
}
