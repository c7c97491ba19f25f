import PolicyChanges
import PolicyMarkdown
import PolicyModel

/// The context of a change page: the diff of the text each version page shows in the page's
/// language, section by section.
extension SiteRenderer {
    /// - Precondition: `entry.previous` is set (change pages exist for every version but the first).
    func changePageContext(_ policy: Policy, _ entry: TimelineEntry, previous: TimelineEntry, language: LanguageTag) -> ChangePageContext {
        let strings = templates.strings
        let page = SiteLayout.changes(language, policy.slug, entry.effective)
        let newDocument = document(of: entry.version, in: language)
        // The text each version page shows; when those are in two languages (one version
        // translated, the other not), the old version in the new text's language, so the diff
        // compares one language with itself.
        var oldDocument = document(of: previous.version, in: language)
        var oldIsSubstituted = false
        if oldDocument.language != newDocument.language, let same = previous.version.document(in: newDocument.language) {
            oldDocument = same
            oldIsSubstituted = true
        }
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        let policyName = policyTitle(policy, language: language, document: newDocument)
        var base = pageBase(language: language, page: page,
                            title: strings.format("changesTitle", language, ["policy": policyName, "date": date(entry.effective)])) {
            SiteLayout.changes($0, policy.slug, entry.effective)
        }
        base.feedHref = page.href(to: SiteLayout.feed(language, policy.slug))
        let oldPage = SiteLayout.version(language, policy.slug, previous.effective)
        let newPage = SiteLayout.version(language, policy.slug, entry.effective)

        var notices: [NoticeItem] = []
        if oldDocument.language != language || newDocument.language != language {
            // Each version page shows its fallback text; the diff is of those texts, so say which.
            var shown: [String] = []
            for name in [oldDocument.language, newDocument.language].map({ strings.name(of: $0, in: language) }) where !shown.contains(name) {
                shown.append(name)
            }
            notices.append(NoticeItem(kind: "fallback", text: strings.format("changesFallbackNotice", language, [
                "language": strings.name(of: language, in: language),
                "shown": shown.joined(separator: " / "),
            ]), links: []))
        }

        let renderer = changeRenderer(language: language, page: page, oldPage: oldPage, newPage: newPage,
                                      oldDate: previous.effective, newDate: entry.effective)
        let diff = VersionDiff.compare(old: oldDocument, new: newDocument)
        var sections: [ChangeSectionItem] = []
        var unchanged: [ChangeSectionItem] = []
        for section in diff.sections {
            let side = section.status == .removed ? oldDocument : newDocument
            let sectionPage = section.status == .removed ? oldPage : newPage
            let headingHTML: String
            if !section.headingRuns.isEmpty {
                headingHTML = renderer.render(runs: section.headingRuns)
            } else if let heading = section.newHeading ?? section.oldHeading {
                headingHTML = HTMLEscaping.escape(heading.plainText)
            } else {
                // Our label, not the policy's words: in the page's language inside the content's.
                headingHTML = "<span lang=\"\(language.rawValue)\" dir=\"\(language.direction)\">"
                    + HTMLEscaping.escape(strings.text("introSection", language)) + "</span>"
            }
            var item = ChangeSectionItem(
                status: section.status.rawValue,
                statusText: section.status == .unchanged ? "" : strings.text("section" + section.status.rawValue.capitalized, language),
                headingHTML: headingHTML,
                // A removed section compared in another language than the old page shows has
                // no anchor there: link the page itself.
                href: page.href(to: sectionPage) + (section.anchor.isEmpty || (section.status == .removed && oldIsSubstituted) ? "" : "#" + section.anchor),
                contentLang: side.language.rawValue,
                contentDir: side.language.direction,
                bodyHTML: ""
            )
            if section.headingChanged, let old = section.oldHeading {
                item.renamedFrom = strings.format("renamedFrom", language, ["heading": old.plainText])
            }
            if section.moved { item.movedText = strings.text("sectionMoved", language) }
            if section.status == .unchanged {
                unchanged.append(item)
            } else {
                item.bodyHTML = renderer.render(section.blocks, section: (section.newHeading ?? section.oldHeading)?.plainText)
                sections.append(item)
            }
        }

        let summary = newDocument.frontMatter.summary
        return ChangePageContext(
            base: base,
            effectiveLine: strings.format("effective", language, ["date": date(entry.effective)]),
            versionsHref: page.href(to: SiteLayout.versionsIndex(language, policy.slug)),
            summary: summary,
            summaryLang: newDocument.language.rawValue,
            summaryDir: newDocument.language.direction,
            isMaterial: newDocument.frontMatter.material,
            previousLink: link(from: page, to: oldPage, strings.format("previousVersion", language, ["date": date(previous.effective)])),
            thisLink: link(from: page, to: newPage, strings.format("thisVersion", language, ["date": date(entry.effective)])),
            notices: notices,
            sections: sections,
            unchanged: unchanged,
            unchangedSummary: strings.format("unchangedSections", language, ["count": String(unchanged.count)]),
            noChangesText: sections.isEmpty ? strings.text("noChanges", language) : nil
        )
    }

    /// Renders diff HTML for a change page: links of the old text resolve as on the old
    /// version's page (its date, its anchors), the others as on the new one's.
    private func changeRenderer(language: LanguageTag, page: PagePath, oldPage: PagePath, newPage: PagePath,
                                oldDate: CalendarDate, newDate: CalendarDate) -> ChangeHTML {
        let oldLinks = LinkResolver(site: site, language: language, linkingDate: oldDate, page: page)
        let newLinks = LinkResolver(site: site, language: language, linkingDate: newDate, page: page)
        let baseURL = site.settings.baseURL
        let labels = ChangeHTML.Labels(inserted: templates.strings.text("diffInserted", language),
                                       deleted: templates.strings.text("diffDeleted", language))
        return ChangeHTML(labels: labels) { link, side in
            let versionPage = side == .old ? oldPage : newPage
            // A `#anchor` link points into its own version's text, not into this page.
            if link.destination.hasPrefix("#") {
                return .init(href: page.href(to: versionPage) + link.destination, printURL: versionPage.url(base: baseURL) + link.destination)
            }
            return (side == .old ? oldLinks : newLinks).resolve(link.destination)
        }
    }
}
