import Mustache
import PolicyDiagnostics
import PolicyModel

/// Renders a site model into the files of the generated site, in memory.
///
/// A pure function of its inputs: the model, the templates and the as-of date. Every list is
/// in a fixed order, so the same inputs give byte-identical files.
public struct SiteRenderer {
    public let site: Site
    public let templates: TemplateSet
    public let asOf: CalendarDate
    let dates: DateFormatting
    let timelines: [PolicySlug: PolicyTimeline]

    public init(site: Site, templates: TemplateSet, asOf: CalendarDate) {
        self.site = site
        self.templates = templates
        self.asOf = asOf
        self.dates = DateFormatting(languages: site.settings.languages)
        var timelines: [PolicySlug: PolicyTimeline] = [:]
        for policy in site.policies { timelines[policy.slug] = PolicyTimeline(policy: policy, asOf: asOf) }
        self.timelines = timelines
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
    }

    public func render() -> Result {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var pages: [PagePath] = []

        func emit<Context: PageTemplateContext>(_ path: PagePath, _ context: Context) {
            guard let html = templates.library.render(context, withTemplate: Context.template) else {
                // TemplateSet.make refuses a set without every page template; this is a safety net.
                diagnostics.append(.error(.template, "template '\(Context.template)' is missing", at: SourceLocation(file: Context.template + ".mustache")))
                return
            }
            files.append(OutputFile(path: path.file, text: html))
            pages.append(path)
        }

        emit(SiteLayout.languagePicker, languagePickerContext())
        for language in site.settings.languages {
            emit(SiteLayout.languageHome(language), languageHomeContext(language))
            for policy in site.policies {
                guard let timeline = timelines[policy.slug] else { continue }
                for entry in timeline.entries {
                    let page = SiteLayout.version(language, policy.slug, entry.effective)
                    emit(page, versionPageContext(policy, timeline, entry, language: language, page: page))
                    if let previousDate = entry.previous, let previous = timeline.entry(for: previousDate) {
                        emit(SiteLayout.changes(language, policy.slug, entry.effective),
                             changePageContext(policy, entry, previous: previous, language: language))
                    }
                }
                if let featured = timeline.featured {
                    let page = SiteLayout.policyHome(language, policy.slug)
                    emit(page, versionPageContext(policy, timeline, featured, language: language, page: page))
                }
                emit(SiteLayout.versionsIndex(language, policy.slug), versionsIndexContext(policy, timeline, language: language))
                // Machine-readable files: not pages, so not in the sitemap (policy pages announce
                // the feed in their <head>, and versions.json is for programs that know its address).
                let versions = feedVersions(policy, timeline, language: language)
                files.append(OutputFile(path: SiteLayout.versionsJSON(language, policy.slug).file,
                                        text: VersionsJSON.render(policy: policy.slug, language: language, versions: versions)))
                files.append(OutputFile(path: SiteLayout.feed(language, policy.slug).file, text: feedXML(policy, timeline, language: language, versions: versions)))
            }
        }
        files.append(OutputFile(path: SiteLayout.sitemap.file, text: Sitemap.xml(pages: pages, site: site)))
        for asset in templates.assets {
            files.append(OutputFile(path: SiteLayout.asset(asset.path).file, bytes: asset.bytes))
        }
        return Result(files: files.sorted { $0.path < $1.path }, diagnostics: diagnostics)
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
