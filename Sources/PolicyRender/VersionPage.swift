import PolicyDiagnostics
import PolicyModel

/// The context of a version page: the dated permanent page, and the policy's main page, which
/// shows the current version.
extension SiteRenderer {
    func versionPageContext(_ policy: Policy, _ entry: TimelineEntry, language: LanguageTag, page: PagePath) -> [String: Any] {
        guard let timeline = timelines[policy.slug] else { return [:] }
        let strings = templates.strings
        let document = document(of: entry.version, in: language)
        let title = policyTitle(policy, language: language, document: document)
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        let isFeaturedPage = page == SiteLayout.policyHome(language, policy.slug)

        var context = baseContext(language: language, page: page, title: title) { other in
            isFeaturedPage ? SiteLayout.policyHome(other, policy.slug) : SiteLayout.version(other, policy.slug, entry.effective)
        }
        let links = LinkResolver(site: site, language: language, linkingDate: entry.effective, page: page)
        let rendered = DocumentRenderer.render(document, links: links)

        var notices: [[String: Any]] = []
        let currentPage = SiteLayout.policyHome(language, policy.slug)
        switch entry.status {
        case .archived:
            // An archived version always has a successor: the one that archived it.
            let text = strings.format("archivedNotice", language, ["from": date(entry.effective), "until": date(entry.replacedOn ?? asOf)])
            notices.append(["kind": "archived", "text": text, "links": [link(from: page, to: currentPage, strings.text("readCurrent", language))]])
        case .current:
            if let upcoming = timeline.nextUpcoming {
                // The link to what will change joins here when change pages are built.
                notices.append(["kind": "upcoming", "text": strings.format("upcomingNotice", language, ["date": date(upcoming.effective)]),
                                "links": [link(from: page, to: SiteLayout.version(language, policy.slug, upcoming.effective), strings.text("readUpcoming", language))]])
            }
        case .upcoming:
            if timeline.current != nil {
                notices.append(["kind": "upcoming", "text": strings.format("upcomingSelfNotice", language, ["date": date(entry.effective)]),
                                "links": [link(from: page, to: currentPage, strings.text("readCurrent", language))]])
            } else {
                notices.append(["kind": "upcoming", "text": strings.format("notYetInForce", language, ["date": date(entry.effective)]), "links": [[String: Any]]()])
            }
        }
        if document.language != language {
            notices.append(["kind": "fallback", "text": strings.format("fallbackNotice", language, [
                "language": strings.name(of: language, in: language),
                "shown": strings.name(of: document.language, in: language),
            ]), "links": [[String: Any]]()])
        }
        if let governing = site.settings.governingLanguage, document.language != governing {
            let governingName = strings.name(of: governing, in: language)
            notices.append(["kind": "governing", "text": strings.format("governingNotice", language, ["language": governingName]),
                            "links": [link(from: page, to: SiteLayout.version(governing, policy.slug, entry.effective), strings.format("readGoverning", language, ["language": governingName]))]])
        }

        context["notices"] = notices
        context["status"] = entry.status.rawValue
        context["effectiveLine"] = strings.format("effective", language, ["date": date(entry.effective)])
        context["versionsHref"] = page.href(to: SiteLayout.versionsIndex(language, policy.slug))
        // `changesHref` (what changed in this version) is set once change pages are built.
        context["contentLang"] = document.language.rawValue
        context["contentDir"] = document.language.direction
        context["bodyHTML"] = rendered.html
        context["toc"] = rendered.toc.map(tocContext)
        context["hasTOC"] = !rendered.toc.isEmpty
        context["permanentURL"] = SiteLayout.version(language, policy.slug, entry.effective).url(base: site.settings.baseURL)
        return context
    }

    private func tocContext(_ entry: RenderedDocument.TOCEntry) -> [String: Any] {
        ["anchor": entry.anchor, "text": entry.text, "children": entry.children.map(tocContext), "hasChildren": !entry.children.isEmpty]
    }
}
