import PolicyCore
import PolicyModel

/// A version page (`version.mustache`): a dated permanent page, or a policy's main page showing
/// its current version.
struct VersionPageContext: PageTemplateContext {
    static let template = "version"

    var base: PageBase
    /// `archived`, `current` or `upcoming`.
    var status: String
    /// The text shown is a draft (`draft: true`): only `serve` and `build --drafts` render
    /// drafts, and they show a badge so nobody mistakes a preview for the published text.
    var draft: Bool
    var effectiveLine: String
    var versionsHref: String
    /// What changed in this version: its change page; nil for the first version.
    var changesHref: String?
    var notices: [NoticeItem]
    var contentLang: String
    var contentDir: String
    var bodyHTML: String
    var toc: [TOCItem]
    var permanentURL: String

    static let fields = TemplateFields<VersionPageContext>(PageBase.fields { $0.base } + [
        .text("status") { $0.status },
        .flag("draft") { $0.draft },
        .text("effectiveLine") { $0.effectiveLine },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("changesHref") { $0.changesHref },
        .list("notices") { $0.notices },
        .text("contentLang") { $0.contentLang },
        .text("contentDir") { $0.contentDir },
        .text("bodyHTML") { $0.bodyHTML },
        .list("toc") { $0.toc },
        .flag("hasTOC") { !$0.toc.isEmpty },
        .text("permanentURL") { $0.permanentURL },
    ])
}

/// A notice at the top of a version page: archived, upcoming, fallback language, governing
/// language.
struct NoticeItem: TemplateContext {
    /// `archived`, `upcoming`, `fallback` or `governing`, for its CSS class.
    var kind: String
    var text: String
    var links: [LinkItem]

    static let fields = TemplateFields<NoticeItem>([
        .text("kind") { $0.kind },
        .text("text") { $0.text },
        .list("links") { $0.links },
    ])
}

/// A table of contents entry: a top-level heading with the headings one level below it.
struct TOCItem: TemplateContext {
    var anchor: String
    var text: String
    var children: [TOCItem]
    /// The accessible name of the button that shows `children` ("Subsections of Contact"), in the
    /// page's language; empty for an entry without children.
    var subsectionsLabel: String = ""

    static let fields = TemplateFields<TOCItem>([
        .text("anchor") { $0.anchor },
        .text("text") { $0.text },
        .list("children") { $0.children },
        .flag("hasChildren") { !$0.children.isEmpty },
        .text("subsectionsLabel") { $0.subsectionsLabel },
    ])
}

/// The context of a version page: the dated permanent page, and the policy's main page, which
/// shows the current version.
extension SiteRenderer {
    func versionPageContext(_ policy: Policy, _ timeline: PolicyTimeline, _ entry: TimelineEntry, language: LanguageTag, page: PagePath) -> VersionPageContext {
        let strings = templates.strings
        let document = document(of: entry.version, in: language)
        let title = policyTitle(policy, language: language, document: document)
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        let isFeaturedPage = page == SiteLayout.policyHome(language, policy.slug)

        var base = pageBase(language: language, page: page, title: title) { other in
            isFeaturedPage ? SiteLayout.policyHome(other, policy.slug) : SiteLayout.version(other, policy.slug, entry.effective)
        }
        base.feedHref = page.href(to: SiteLayout.feed(language, policy.slug))
        let links = LinkResolver(site: site, language: language, linkingDate: entry.effective, page: page, fromDraft: document.frontMatter.draft)
        let rendered = DocumentRenderer.render(document, links: links)

        var notices: [NoticeItem] = []
        let currentPage = SiteLayout.policyHome(language, policy.slug)
        switch entry.status {
        case .archived:
            // An archived version always has a successor (the one that archived it), so a last day.
            let text = strings.format("archivedNotice", language, ["from": date(entry.effective), "until": date(entry.lastDayInForce ?? asOf)])
            notices.append(NoticeItem(kind: "archived", text: text, links: [link(from: page, to: currentPage, strings.text("readCurrent", language))]))
        case .current:
            if let upcoming = timeline.nextUpcoming {
                notices.append(NoticeItem(kind: "upcoming", text: strings.format("upcomingNotice", language, ["date": date(upcoming.effective)]), links: [
                    link(from: page, to: SiteLayout.version(language, policy.slug, upcoming.effective), strings.text("readUpcoming", language)),
                    link(from: page, to: SiteLayout.changes(language, policy.slug, upcoming.effective), strings.text("readWhatWillChange", language)),
                ]))
            }
        case .upcoming:
            if timeline.current != nil {
                notices.append(NoticeItem(kind: "upcoming", text: strings.format("upcomingSelfNotice", language, ["date": date(entry.effective)]),
                                          links: [link(from: page, to: currentPage, strings.text("readCurrent", language))]))
            } else {
                notices.append(NoticeItem(kind: "upcoming", text: strings.format("notYetInForce", language, ["date": date(entry.effective)]), links: []))
            }
        case .draft:
            // Not produced: the renderer's timeline publishes the drafts it is given.
            break
        }
        if document.language != language {
            notices.append(NoticeItem(kind: "fallback", text: strings.format("fallbackNotice", language, [
                "language": strings.name(of: language, in: language),
                "shown": strings.name(of: document.language, in: language),
            ]), links: []))
        }
        if let governing = site.settings.governingLanguage, document.language != governing {
            let governingName = strings.name(of: governing, in: language)
            notices.append(NoticeItem(kind: "governing", text: strings.format("governingNotice", language, ["language": governingName]),
                                      links: [link(from: page, to: SiteLayout.version(governing, policy.slug, entry.effective), strings.format("readGoverning", language, ["language": governingName]))]))
        }

        return VersionPageContext(
            base: base,
            status: entry.status.rawValue,
            draft: document.frontMatter.draft,
            effectiveLine: strings.format("effective", language, ["date": date(entry.effective)]),
            versionsHref: page.href(to: SiteLayout.versionsIndex(language, policy.slug)),
            // The first version has nothing to compare with.
            changesHref: entry.previous == nil ? nil : page.href(to: SiteLayout.changes(language, policy.slug, entry.effective)),
            notices: notices,
            contentLang: document.language.rawValue,
            contentDir: document.language.direction,
            bodyHTML: rendered.html,
            toc: rendered.toc.map { tocItem($0, language: language) },
            permanentURL: SiteLayout.version(language, policy.slug, entry.effective).url(base: site.settings.baseURL)
        )
    }

    private func tocItem(_ entry: RenderedDocument.TOCEntry, language: LanguageTag) -> TOCItem {
        // The table of contents is two levels deep (DocumentRenderer.tableOfContents), so this
        // recursion is bounded. An entry with children gets the name of the button that shows
        // them, so a screen reader hears which section's subsections it opens.
        TOCItem(anchor: entry.anchor, text: entry.text, children: entry.children.map { tocItem($0, language: language) },
                subsectionsLabel: entry.children.isEmpty ? "" : templates.strings.format("tocSubsections", language, ["section": entry.text]))
    }
}
