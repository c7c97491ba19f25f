import Mustache
import PolicyChanges
import PolicyCore
import PolicyMarkdown
import PolicyModel

/// Renders a site model into the files of the generated site, in memory.
///
/// A pure function of its inputs: the model, the templates and the as-of date. `plan()` lists
/// every file with the inputs it is made from; `render(_:)` renders one planned file; `render()`
/// renders the whole plan over every core. Every list is in a fixed order, so the same inputs
/// give byte-identical files, however the work is spread.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let templates: TemplateSet
    public let asOf: CalendarDate
    public let dates: DateFormatting
    let timelines: [PolicySlug: PolicyTimeline]

    /// - Parameter dates: the date table of an earlier renderer, reused when it has every day and
    ///   language this site shows.
    public init(site: Site, templates: TemplateSet, asOf: CalendarDate, reusing dates: DateFormatting? = nil) {
        self.site = site
        self.templates = templates
        self.asOf = asOf
        var timelines: [PolicySlug: PolicyTimeline] = [:]
        // The site given is the one to publish: the pipeline has left drafts out unless they are
        // wanted (`--drafts`, `serve`), and then they are shown as published.
        for policy in site.policies { timelines[policy.slug] = PolicyTimeline(policy: policy, asOf: asOf, draftsPublished: true) }
        self.timelines = timelines
        let days = Set(site.policies.flatMap { $0.versions.map(\.effective) } + [asOf])
        if let dates, dates.covers(languages: site.settings.languages, days: days) {
            self.dates = dates
        } else {
            self.dates = DateFormatting(languages: site.settings.languages, days: days)
        }
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
    }

    /// Renders every planned file, spread over every core.
    public func render() -> Result {
        let files = plan().files
        return render(files, changes: changes(for: files))
    }

    /// Renders the given planned files, spread over every core, sorted by path. `changes`
    /// holds the diffs their change pages show (`changes(for:)`); a diff missing from it is
    /// made on the page's own.
    public func render(_ planned: [PlannedFile], changes: ChangeSet = ChangeSet()) -> Result {
        let rendered = planned.parallelMap { render($0, changes: changes) }
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        for result in rendered {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return Result(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics)
    }

    /// Renders one planned file.
    public func render(_ planned: PlannedFile, changes: ChangeSet = ChangeSet()) -> Swift.Result<OutputFile, Diagnostic> {
        switch planned.kind {
        case .languagePicker:
            return page(planned, languagePickerContext())
        case .languageHome(let language):
            return page(planned, languageHomeContext(language))
        case .version(let language, let slug, let date, let atPolicyHome):
            guard let (policy, timeline, entry) = lookup(slug, date) else { return .failure(unplanned(planned)) }
            let path = atPolicyHome ? SiteLayout.policyHome(language, slug) : SiteLayout.version(language, slug, date)
            return page(planned, versionPageContext(policy, timeline, entry, language: language, page: path))
        case .changes(let language, let slug, let date):
            guard let (policy, timeline, entry) = lookup(slug, date), let previousDate = entry.previous,
                  let previous = timeline.entry(for: previousDate) else { return .failure(unplanned(planned)) }
            return page(planned, changePageContext(policy, entry, previous: previous, language: language, changes: changes))
        case .versionsIndex(let language, let slug):
            guard let policy = site.policy(slug), let timeline = timelines[slug] else { return .failure(unplanned(planned)) }
            return page(planned, versionsIndexContext(policy, timeline, language: language))
        case .versionsJSON(let language, let slug):
            guard let policy = site.policy(slug), let timeline = timelines[slug] else { return .failure(unplanned(planned)) }
            let versions = feedVersions(policy, timeline, language: language)
            return .success(OutputFile(path: planned.path, text: VersionsJSON.render(policy: slug, language: language, versions: versions)))
        case .feed(let language, let slug):
            guard let policy = site.policy(slug), let timeline = timelines[slug] else { return .failure(unplanned(planned)) }
            let versions = feedVersions(policy, timeline, language: language)
            return .success(OutputFile(path: planned.path, text: feedXML(policy, timeline, language: language, versions: versions)))
        case .sitemap:
            let pages = plan().files.filter(\.isPage).map(\.location)
            return .success(OutputFile(path: planned.path, text: Sitemap.xml(pages: pages, site: site)))
        case .asset(let index):
            return .success(OutputFile(path: planned.path, bytes: templates.assets[index].bytes))
        case .notFound:
            return page(planned, notFoundContext())
        case .staticFile(let index):
            return .success(OutputFile(path: planned.path, bytes: templates.staticFiles[index].bytes))
        }
    }

    private func page<Context: PageTemplateContext>(_ planned: PlannedFile, _ context: Context) -> Swift.Result<OutputFile, Diagnostic> {
        switch templates.plans[Context.template]?.run(context) {
        case .success(let bytes)?:
            return .success(OutputFile(path: planned.path, bytes: PageBytes.withoutControlCharacters(bytes)))
        case .failure(.tooDeep)?:
            // A loop that never ends (swift-mustache recursed until its stack overflowed).
            return .failure(.error(.template, "template '\(Context.template)' nests partials more than \(RenderPlanRunner.maximumCallDepth) deep on '\(planned.path)'; a partial that includes itself should do so inside a list of the item's own children, like {{#children}}{{> item}}{{/children}}: a list found further out is the same at every level, so the nesting never ends", at: SourceLocation(file: Context.template + ".mustache")))
        case .failure(.unexpectedShape)?, nil:
            break
        }
        guard let html = templates.library.render(context, withTemplate: Context.template) else {
            // TemplateSet.make refuses a set without every page template; this is a safety net.
            return .failure(.error(.template, "template '\(Context.template)' is missing", at: SourceLocation(file: Context.template + ".mustache")))
        }
        return .success(OutputFile(path: planned.path, text: HTMLEscaping.withoutControlCharacters(html)))
    }

    func lookup(_ slug: PolicySlug, _ date: CalendarDate) -> (Policy, PolicyTimeline, TimelineEntry)? {
        guard let policy = site.policy(slug), let timeline = timelines[slug], let entry = timeline.entry(for: date) else { return nil }
        return (policy, timeline, entry)
    }

    /// A planned file whose policy or version is not in the site: a plan from another site.
    private func unplanned(_ planned: PlannedFile) -> Diagnostic {
        .error(.output, "internal error: '\(planned.path)' was planned from another version of the site; build again", at: SourceLocation(file: planned.path))
    }

    private func feedXML(_ policy: Policy, _ timeline: PolicyTimeline, language: LanguageTag, versions: [FeedVersion]) -> String {
        let settings = site.settings
        let latest = timeline.featured.map { document(of: $0.version, in: language) }
        let siteTitle = settings.title.text(for: language, fallbacks: settings.fallbacks(for: language)) ?? settings.baseURL
        return AtomFeed.render(
            title: policyTitle(policy, language: language, document: latest),
            author: siteTitle,
            language: language,
            homeURL: SiteLayout.policyHome(language, policy.slug).url(base: settings.baseURL),
            feedURL: SiteLayout.feed(language, policy.slug).url(base: settings.baseURL),
            versions: versions,
            materialLabel: templates.strings.text("materialChange", language)
        )
    }
}
