import Foundation
import PolicyChanges
import PolicyCore
import PolicySource
import PolicyModel
import PolicyRender
import PolicyValidate

/// What one build or rebuild of the engine did.
public struct SiteUpdate: Sendable {
    /// Every problem found in the content and templates as they are now, sorted for the report.
    public var diagnostics: [Diagnostic]
    /// False when the content or the templates have errors (or, with `strict`, warnings): the
    /// engine then keeps the last good site unchanged (`changedFiles` and `removedFiles` are
    /// empty).
    public var succeeded: Bool
    /// The paths of the pages rendered by this update, sorted.
    public var renderedPages: [String]
    /// The files whose bytes differ from the previous good site (new or modified), sorted.
    public var changedFiles: [String]
    /// The files of the previous good site that are gone, sorted.
    public var removedFiles: [String]
    /// How long the update took.
    public var elapsed: Duration
    /// How long each stage took, in order (load and parse, check, templates, plan, changes, render), for
    /// the benchmark and serve's log line.
    public var stages: [StageTiming] = []
}

/// The time one stage of an engine update took.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var elapsed: Duration
}

/// Times consecutive stages: each `lap` records the time since the previous one.
private struct StageClock {
    private let clock = ContinuousClock()
    private var lapStart: ContinuousClock.Instant
    private(set) var timings: [StageTiming] = []

    init() { lapStart = clock.now }

    mutating func lap(_ stage: String) {
        let now = clock.now
        timings.append(StageTiming(stage: stage, elapsed: now - lapStart))
        lapStart = now
    }
}

/// The one path from directories to diagnostics and files: `check` is its load, parse and
/// validate stages (content and templates); `build` is the engine and then the writer; `serve`
/// keeps one engine and rebuilds it as files change; `lock`, `diff` and `new` read the site it
/// parses. So every command sees the same site and fails on the same diagnostics
/// (`ExitStatus.forDiagnostics` with the options' `strict`).
///
/// A rebuild re-reads only the changed paths, re-parses only files whose bytes changed (parse
/// results are kept by content), validates the site, plans every file with the inputs it is
/// made from (`SiteRenderer.plan`), and re-renders only the files whose inputs changed
/// (`RenderFingerprints`). The result is byte-identical to a full build.
///
/// Not thread-safe: one build or rebuild at a time (the preview server runs them in order).
/// The engine never writes to disk; `files` is the last good site.
public final class SiteEngine {
    public let options: SiteOptions
    /// The last good site, by path relative to the site root (`en/privacy/index.html`).
    public private(set) var files: [String: OutputFile] = [:]

    /// The content as last read, and its version files as last parsed.
    private var content: DirectoryLoader.Result?
    private var parsedFiles = ParsedVersionFiles()
    /// The per-document and per-version-pair check results of the last validation.
    private var checkMemo = CheckMemo()
    /// The templates as last read and checked, for the languages they were checked against.
    private var templates: (set: TemplateSet?, diagnostics: [Diagnostic], languages: [LanguageTag])?
    private var templatesGeneration = 0
    /// The date table and the plan of the last render, with the shape of the site it was for.
    private var dates: DateFormatting?
    private var planned: (shape: Int, plan: SitePlan, dependents: [RenderInput: [Int]])?
    /// The fingerprint of every file of the last good site.
    private var fingerprints: [String: Int] = [:]
    /// What the last good site was rendered from: the plan's shape, what every file depends on,
    /// and the fingerprint of each input. While the first two hold, a rebuild re-renders
    /// exactly the files whose inputs changed, found through the plan's reverse index.
    private var renderedFrom: (shape: Int, everyFile: Int, inputs: [RenderInput: Int])?

    public init(_ options: SiteOptions) {
        self.options = options
    }

    /// How far a read goes: the content parsed; then validated; then the templates too.
    public enum Stages: Int, Sendable, Comparable {
        case parse, validate, templates

        public static func < (lhs: Stages, rhs: Stages) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Reads everything afresh, up to `stages`, and renders nothing: `check` is
    /// `read(through: .templates)`; `lock` validates the content; `diff` and `new` parse it.
    public func read(through stages: Stages) -> CheckReport {
        reset()
        var stageClock = StageClock()
        let read = read(contentChanges: nil, through: stages, clock: &stageClock)
        let sorted = Diagnostic.sortedForReport(read.diagnostics)
        return CheckReport(diagnostics: sorted, site: read.site, snapshot: content?.snapshot, templates: read.templates,
                           exitStatus: ExitStatus.forDiagnostics(sorted, strict: options.strict))
    }

    /// Reads everything and renders the whole site.
    public func build() -> SiteUpdate {
        reset()
        return update(contentChanges: nil)
    }

    /// Reads everything and renders the whole site a batch at a time, handing each batch to
    /// `deliver` as soon as it is rendered instead of keeping it: `build`'s path, whose memory
    /// then does not grow with the site, and whose writing overlaps its rendering. `deliver`
    /// returns false when it can take no more (a write failed), which stops the render.
    ///
    /// The engine keeps no file of this site (`files` is empty afterwards): it is for one
    /// build, not for rebuilding.
    public func build(delivering deliver: ([OutputFile]) -> Bool) -> SiteUpdate {
        reset()
        files = [:]
        return withoutActuallyEscaping(deliver) { update(contentChanges: nil, delivering: $0) }
    }

    /// Files rendered together and handed to `build(delivering:)`'s receiver at once: enough
    /// to keep every core busy, few enough that a batch is a few megabytes.
    static let deliveryBatch = 128
    /// Chains of versions (one policy, one language) whose diffs a streamed build holds at
    /// once: enough to keep every core busy comparing, few enough to be a few megabytes.
    static let chainsPerWave = 8

    private func reset() {
        content = nil
        templates = nil
        fingerprints = [:]
        renderedFrom = nil
        checkMemo = CheckMemo()
        planned = nil
    }

    /// After files changed on disk (paths as a watcher reports them, absolute or relative to the
    /// current directory: created, modified or deleted files and folders). A change under the
    /// templates re-reads them; a path under neither directory is ignored.
    public func rebuild(changedPaths: [String]) -> SiteUpdate {
        let contentRoot = Self.absolute(options.contentDirectory)
        let templatesRoot = Self.absolute(options.templatesDirectory)
        var contentChanges: Set<String> = []
        for path in changedPaths.map(Self.absolute) {
            if let relative = Self.relative(path, to: contentRoot) {
                // The whole content directory changed (e.g. replaced): read it again.
                if relative.isEmpty { content = nil } else { contentChanges.insert(relative) }
            } else if Self.relative(path, to: templatesRoot) != nil {
                templates = nil
            }
        }
        return update(contentChanges: contentChanges)
    }

    /// What the read stages found: every diagnostic, the site when site.yml was readable, and
    /// the templates when they were read and had no errors.
    private struct ReadResult {
        var diagnostics: [Diagnostic] = []
        var site: Site?
        var templates: TemplateSet?
    }

    /// Load and parse (only what changed, once the content has been read), validate, and load
    /// and check the templates (again only after they or the site's languages changed). The
    /// content and the templates are independent, so a content error does not hide a template
    /// error: every stage asked for runs and all problems are reported together.
    private func read(contentChanges: Set<String>?, through stages: Stages, clock stageClock: inout StageClock) -> ReadResult {
        var result = ReadResult()
        do throws(Diagnostic) {
            let loaded: DirectoryLoader.Result
            if let previous = content, let contentChanges {
                loaded = try DirectoryLoader().reload(contentChanges, in: previous, root: options.contentDirectory)
            } else {
                loaded = try DirectoryLoader().load(options.contentDirectory)
            }
            content = loaded
            result.diagnostics += loaded.diagnostics
            // Parse: only files whose bytes changed.
            let parsed = SiteParser.parse(loaded.snapshot, reusing: parsedFiles)
            parsedFiles = parsed.parsedFiles
            result.diagnostics += parsed.diagnostics
            result.site = parsed.site
        } catch {
            content = nil
            result.diagnostics.append(error)
        }
        stageClock.lap("parse")
        guard stages >= .validate else { return result }
        if let site = result.site {
            let validated = SiteValidator.validate(ValidationInput(site: site, asOf: options.asOf), reusing: checkMemo)
            result.diagnostics += validated.diagnostics
            checkMemo = validated.memo
        }
        stageClock.lap("check")
        guard stages >= .templates else { return result }

        let languages = result.site?.settings.languages ?? []
        if templates == nil || templates?.languages != languages {
            templates = loadTemplates(languages: languages)
            templatesGeneration += 1
        }
        var templateDiagnostics = templates?.diagnostics ?? []
        // Every update: a new version's pages may take a static file's path.
        templateDiagnostics += TemplateLoading.staticClashes(templates?.set, site: result.site, asOf: options.asOf)
        result.diagnostics += templateDiagnostics
        result.templates = templateDiagnostics.contains(where: { $0.severity == .error }) ? nil : templates?.set
        stageClock.lap("templates")
        return result
    }

    private func update(contentChanges: Set<String>?, delivering deliver: (([OutputFile]) -> Bool)? = nil) -> SiteUpdate {
        let clock = ContinuousClock()
        let start = clock.now
        var stageClock = StageClock()
        var read = read(contentChanges: contentChanges, through: .templates, clock: &stageClock)
        var diagnostics = read.diagnostics
        func failing() -> Bool {
            ExitStatus.forDiagnostics(diagnostics, strict: options.strict) != .success
        }
        func failed() -> SiteUpdate {
            SiteUpdate(diagnostics: Diagnostic.sortedForReport(diagnostics), succeeded: false, renderedPages: [], changedFiles: [], removedFiles: [], elapsed: clock.now - start, stages: stageClock.timings)
        }

        guard var site = read.site, let templateSet = read.templates, !failing() else { return failed() }
        if !options.includeDrafts { site = site.withoutDrafts() }
        if deliver != nil {
            // One build, never rebuilt: what only the checks and a rebuild read goes before the
            // render (the memo, the files as read, every text's bytes), so the build's peak
            // memory is the parsed site and a few batches.
            checkMemo = CheckMemo()
            parsedFiles = ParsedVersionFiles()
            content = nil
            read.site = nil
            site = site.withoutSourceBytes()
        }

        // Render: every planned file whose inputs changed since the last good site.
        let renderer = SiteRenderer(site: site, templates: templateSet, asOf: options.asOf, reusing: dates)
        dates = renderer.dates
        // The plan depends only on the site's shape: reuse it while that is unchanged.
        let shape = RenderFingerprints.shape(of: site, templatesGeneration: templatesGeneration)
        let plan: SitePlan
        // The reverse index and the inputs' fingerprints serve the next rebuild: a streamed
        // build, which is never rebuilt, makes neither.
        var dependents: [RenderInput: [Int]] = [:]
        if let previous = planned, previous.shape == shape {
            (plan, dependents) = (previous.plan, previous.dependents)
        } else {
            plan = renderer.plan()
            if deliver == nil {
                dependents = plan.reverseIndex()
                planned = (shape, plan, dependents)
            }
        }
        let fingerprint = RenderFingerprints(site: site, plan: plan, templatesGeneration: templatesGeneration, asOf: options.asOf, includeDrafts: options.includeDrafts)
        var inputs: [RenderInput: Int] = [:]
        inputs.reserveCapacity(dependents.count)
        for input in dependents.keys { inputs[input] = fingerprint.of(input) }
        let (stale, nextFingerprints) = staleFiles(of: plan, dependents: dependents, shape: shape, fingerprint: fingerprint, inputs: inputs)
        stageClock.lap("plan")
        if let deliver {
            // Changes and render in waves of a few chains of versions: each wave's pairs of
            // texts compared once, its files rendered and delivered, its diffs let go.
            for wave in renderer.changeWaves(for: stale, chainsPerWave: Self.chainsPerWave) {
                let changes = ChangeSet.compare(chains: wave.chains)
                for batch in wave.files.chunks(of: Self.deliveryBatch) {
                    let rendered = renderer.render(Array(batch), changes: changes)
                    diagnostics += rendered.diagnostics
                    guard !failing(), deliver(rendered.files) else { return failed() }
                }
            }
            stageClock.lap("changes and render")
            return SiteUpdate(diagnostics: Diagnostic.sortedForReport(diagnostics), succeeded: true,
                              renderedPages: stale.filter(\.isPage).map(\.path).sorted(),
                              changedFiles: stale.map(\.path).sorted(), removedFiles: [], elapsed: clock.now - start, stages: stageClock.timings)
        }
        // Changes: every pair of texts the stale change pages show, compared once.
        let changes = renderer.changes(for: stale)
        stageClock.lap("changes")
        let rendered = renderer.render(stale, changes: changes)
        stageClock.lap("render")
        diagnostics += rendered.diagnostics
        guard !failing() else { return failed() }

        var changed: [String] = []
        for file in rendered.files where files[file.path] != file {
            changed.append(file.path)
            files[file.path] = file
        }
        let removed = files.keys.filter { nextFingerprints[$0] == nil }.sorted()
        for path in removed { files[path] = nil }
        fingerprints = nextFingerprints
        renderedFrom = (shape, fingerprint.everyFile, inputs)
        return SiteUpdate(diagnostics: Diagnostic.sortedForReport(diagnostics), succeeded: true,
                          renderedPages: stale.filter(\.isPage).map(\.path).sorted(),
                          changedFiles: changed.sorted(), removedFiles: removed, elapsed: clock.now - start, stages: stageClock.timings)
    }

    /// The planned files whose inputs changed since the last good site, and the fingerprint of
    /// every file of the plan. With the same plan, settings, templates and date as then, the
    /// files of the inputs that changed, through the plan's reverse index; otherwise every
    /// file's fingerprint against its last one.
    private func staleFiles(of plan: SitePlan, dependents: [RenderInput: [Int]], shape: Int, fingerprint: RenderFingerprints,
                            inputs: [RenderInput: Int]) -> (stale: [PlannedFile], fingerprints: [String: Int]) {
        var stale: [PlannedFile] = []
        if let last = renderedFrom, last.shape == shape, last.everyFile == fingerprint.everyFile {
            var touched = Set<Int>()
            for (input, print) in inputs where last.inputs[input] != print { touched.formUnion(dependents[input] ?? []) }
            var next = fingerprints
            for index in touched.sorted() {
                let file = plan.files[index]
                next[file.path] = fingerprint.of(file)
                stale.append(file)
            }
            return (stale, next)
        }
        var next: [String: Int] = [:]
        for file in plan.files {
            let print = fingerprint.of(file)
            next[file.path] = print
            if fingerprints[file.path] != print { stale.append(file) }
        }
        return (stale, next)
    }

    private func loadTemplates(languages: [LanguageTag]) -> (set: TemplateSet?, diagnostics: [Diagnostic], languages: [LanguageTag]) {
        let (set, diagnostics) = TemplateLoading.load(directory: options.templatesDirectory, required: options.templatesRequired, languages: languages)
        return (set, diagnostics, languages)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `path` relative to `root` ("" for the root itself), or nil when it is outside.
    private static func relative(_ path: String, to root: String) -> String? {
        if path == root { return "" }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }
}
