import PolicyModel

/// A policy's archived-versions index (`versions.mustache`).
struct VersionsPageContext: PageTemplateContext {
    static let template = "versions"

    var base: PageBase
    var intro: String
    var policyTitle: String
    var policyHref: String
    /// Newest first.
    var versions: [VersionRow]

    static let fields = TemplateFields<VersionsPageContext>(PageBase.fields { $0.base } + [
        .text("intro") { $0.intro },
        .text("policyTitle") { $0.policyTitle },
        .text("policyHref") { $0.policyHref },
        .list("versions") { $0.versions },
    ])
}

/// A row of the versions index.
struct VersionRow: TemplateContext {
    var date: String
    var isoDate: String
    var href: String
    /// The version's change page; nil for the first version.
    var changesHref: String?
    var inForce: String
    var status: String
    var statusText: String
    var isMaterial: Bool
    /// The authors' summary, in the language it is written in.
    var summary: String?
    var summaryLang: String
    var summaryDir: String
    /// Said instead of a summary: "First published version." or "No summary was given".
    var summaryNote: String?

    static let fields = TemplateFields<VersionRow>([
        .text("date") { $0.date },
        .text("isoDate") { $0.isoDate },
        .text("href") { $0.href },
        .optionalText("changesHref") { $0.changesHref },
        .text("inForce") { $0.inForce },
        .text("status") { $0.status },
        .text("statusText") { $0.statusText },
        .flag("isMaterial") { $0.isMaterial },
        .optionalText("summary") { $0.summary },
        .text("summaryLang") { $0.summaryLang },
        .text("summaryDir") { $0.summaryDir },
        .optionalText("summaryNote") { $0.summaryNote },
    ])
}

/// A policy's versions index, built from the site.
extension SiteRenderer {
    func versionsIndexContext(_ policy: Policy, _ timeline: PolicyTimeline, language: LanguageTag) -> VersionsPageContext {
        let strings = templates.strings
        let page = SiteLayout.versionsIndex(language, policy.slug)
        let latest = timeline.featured.map { document(of: $0.version, in: language) }
        let policyName = policyTitle(policy, language: language, document: latest)
        var base = pageBase(language: language, page: page, title: strings.format("versionsTitle", language, ["policy": policyName])) {
            SiteLayout.versionsIndex($0, policy.slug)
        }
        base.feedHref = page.href(to: SiteLayout.feed(language, policy.slug))
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        // Newest first: readers come for the current text and look back from there.
        let versions = timeline.entries.reversed().map { entry -> VersionRow in
            let document = document(of: entry.version, in: language)
            let inForce: String
            switch (entry.status, entry.lastDayInForce) {
            case (.archived, let lastDay?):
                // The last day, not the successor's first: the row above starts the next day.
                inForce = strings.format("inForceRange", language, ["from": date(entry.effective), "until": date(lastDay)])
            case (.upcoming, _):
                inForce = strings.format("inForceFrom", language, ["from": date(entry.effective)])
            default:
                inForce = strings.format("inForceSince", language, ["from": date(entry.effective)])
            }
            let summary = document.frontMatter.summary
            return VersionRow(
                date: date(entry.effective),
                isoDate: entry.effective.description,
                href: page.href(to: SiteLayout.version(language, policy.slug, entry.effective)),
                changesHref: entry.previous == nil ? nil : page.href(to: SiteLayout.changes(language, policy.slug, entry.effective)),
                inForce: inForce,
                status: entry.status.rawValue,
                statusText: strings.text("status" + entry.status.rawValue.capitalized, language),
                isMaterial: document.frontMatter.material,
                summary: summary,
                summaryLang: document.language.rawValue,
                summaryDir: document.language.direction,
                summaryNote: summary == nil ? strings.text(entry.previous == nil ? "firstVersion" : "noSummary", language) : nil
            )
        }
        return VersionsPageContext(
            base: base,
            intro: strings.text("versionsIntro", language),
            policyTitle: policyName,
            policyHref: page.href(to: SiteLayout.policyHome(language, policy.slug)),
            versions: versions
        )
    }
}
