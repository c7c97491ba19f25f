import PolicyChanges
import PolicyMarkdown
import PolicyModel

/// The context of a change page: the diff, section by section, of two texts of one language,
/// the page's own where it has both versions, else those `SiteSettings.comparedTexts` picks
/// (with a notice saying so).
extension SiteRenderer {
    /// - Precondition: `entry.previous` is set (change pages exist for every version but the first).
    func changePageContext(_ policy: Policy, _ entry: TimelineEntry, previous: TimelineEntry, language: LanguageTag) -> ChangePageContext {
        let strings = templates.strings
        let page = SiteLayout.changes(language, policy.slug, entry.effective)
        // What the reader's version pages show (their title and summary head this page) …
        let readerOld = document(of: previous.version, in: language)
        let readerNew = document(of: entry.version, in: language)
        // … and the texts compared: two of one language, by the rule `diff` follows too.
        let compared = site.settings.comparedTexts(old: previous.version, new: entry.version, for: language)
            ?? ComparedTexts(old: readerOld, new: readerNew, reader: language)
        let (oldDocument, newDocument) = (compared.old, compared.new)
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        let policyName = policyTitle(policy, language: language, document: readerNew)
        var base = pageBase(language: language, page: page,
                            // An upcoming version's page says what *will* change.
                            title: strings.format(entry.status == .upcoming ? "changesTitleUpcoming" : "changesTitle", language,
                                                  ["policy": policyName, "date": date(entry.effective)])) {
            SiteLayout.changes($0, policy.slug, entry.effective)
        }
        base.feedHref = page.href(to: SiteLayout.feed(language, policy.slug))
        let oldPage = SiteLayout.version(language, policy.slug, previous.effective)
        let newPage = SiteLayout.version(language, policy.slug, entry.effective)

        var notices: [NoticeItem] = []
        if !compared.isInReadersLanguage {
            // Say which language is compared (two names only where no language has both versions).
            var shown: [String] = []
            for name in [oldDocument.language, newDocument.language].map({ strings.name(of: $0, in: language) }) where !shown.contains(name) {
                shown.append(name)
            }
            notices.append(NoticeItem(kind: "fallback", text: strings.format("changesFallbackNotice", language, [
                "language": strings.name(of: language, in: language),
                "shown": shown.joined(separator: " / "),
            ]), links: []))
        }

        let targets = ChangeLinkTargets(site: site, reader: language, page: page, slug: policy.slug, compared: compared,
                                        old: (previous.version, readerOld), new: (entry.version, readerNew))
        let renderer = changeRenderer(language: language, targets: targets)
        let diff = VersionDiff.compare(old: oldDocument, new: newDocument)
        var sections: [ChangeSectionItem] = []
        var unchanged: [ChangeSectionItem] = []
        var usedIDs: Set<String> = []
        for section in diff.sections {
            let sideOfSection: DiffSide = section.status == .removed ? .old : .new
            let side = sideOfSection == .old ? oldDocument : newDocument
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
                href: page.href(to: targets.page(for: section.anchor, on: sideOfSection)) + (section.anchor.isEmpty ? "" : "#" + section.anchor),
                url: targets.page(for: section.anchor, on: sideOfSection).url(base: site.settings.baseURL) + (section.anchor.isEmpty ? "" : "#" + section.anchor),
                contentLang: side.language.rawValue,
                contentDir: side.language.direction,
                bodyHTML: ""
            )
            if section.headingChanged, let old = section.oldHeading {
                item.renamedFrom = strings.format("renamedFrom", language, ["heading": old.plainText])
            }
            if section.moved { item.movedText = strings.text("sectionMoved", language) }
            let headingText = (section.newHeading ?? section.oldHeading)?.plainText
            item.headingText = headingText ?? strings.text("introSection", language)
            if section.status == .unchanged {
                unchanged.append(item)
                continue
            }
            // Anchors are unique within a version, but a removed section's may repeat a new one's.
            var id = "change-" + (section.anchor.isEmpty ? "intro" : section.anchor)
            if !usedIDs.insert(id).inserted {
                id = "change-\(sections.count + 1)"
                usedIDs.insert(id)
            }
            item.id = id
            // "+12 −3", each side only when it has words: "+37" for an added section.
            var shown: [String] = []
            var spoken: [String] = []
            if section.wordsInserted > 0 {
                shown.append("+\(section.wordsInserted)")
                spoken.append(strings.text("diffInserted", language) + "\(section.wordsInserted)")
            }
            if section.wordsDeleted > 0 {
                shown.append("−\(section.wordsDeleted)")
                spoken.append(strings.text("diffDeleted", language) + "\(section.wordsDeleted)")
            }
            item.countsText = shown.joined(separator: " ")
            item.countsLabel = spoken.joined(separator: ", ")
            switch section.status {
            case .added, .removed: item.bodyHTML = renderer.renderWhole(section.blocks, section: headingText)
            case .changed, .unchanged: item.bodyHTML = renderer.render(section.blocks, section: headingText)
            }
            sections.append(item)
        }

        // The authors' summary as the reader's page of the new version gives it.
        return ChangePageContext(
            base: base,
            effectiveLine: strings.format("effective", language, ["date": date(entry.effective)]),
            versionsHref: page.href(to: SiteLayout.versionsIndex(language, policy.slug)),
            summary: readerNew.frontMatter.summary,
            summaryLang: readerNew.language.rawValue,
            summaryDir: readerNew.language.direction,
            isMaterial: readerNew.frontMatter.material,
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
    /// version's page (its date, its anchors), the others as on the new one's (`ChangeLinkTargets`).
    private func changeRenderer(language: LanguageTag, targets: ChangeLinkTargets) -> ChangeHTML {
        let labels = ChangeHTML.Labels(inserted: templates.strings.text("diffInserted", language),
                                       deleted: templates.strings.text("diffDeleted", language),
                                       added: templates.strings.text("sectionAdded", language),
                                       removed: templates.strings.text("sectionRemoved", language))
        return ChangeHTML(labels: labels) { link, side in targets.target(link, on: side) }
    }
}
