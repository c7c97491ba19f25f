import PolicyChanges
import PolicyMarkdown
import PolicyModel

/// A change page (`changes.mustache`): what changed in one version since the one before it.
struct ChangePageContext: PageTemplateContext {
    static let template = "changes"

    var base: PageBase
    var effectiveLine: String
    var versionsHref: String
    /// The authors' summary, in the language it is written in.
    var summary: String?
    var summaryLang: String
    var summaryDir: String
    var isMaterial: Bool
    /// The previous version's page and this version's page.
    var previousLink: LinkItem
    var thisLink: LinkItem
    /// The fallback-language notice, when a text compared is not in the page's language.
    var notices: [NoticeItem]
    /// Added, removed and changed sections, in the new version's order.
    var sections: [ChangeSectionItem]
    /// Sections whose text is the same, shown collapsed.
    var unchanged: [ChangeSectionItem]
    var unchangedSummary: String
    /// "The text did not change." when no section changed.
    var noChangesText: String?

    static let fields = TemplateFields<ChangePageContext>(PageBase.fields { $0.base } + [
        .text("effectiveLine") { $0.effectiveLine },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("summary") { $0.summary },
        .text("summaryLang") { $0.summaryLang },
        .text("summaryDir") { $0.summaryDir },
        .flag("isMaterial") { $0.isMaterial },
        .object("previousLink") { $0.previousLink },
        .object("thisLink") { $0.thisLink },
        .list("notices") { $0.notices },
        .list("sections") { $0.sections },
        .flag("hasSections") { !$0.sections.isEmpty },
        .list("unchanged") { $0.unchanged },
        .flag("hasUnchanged") { !$0.unchanged.isEmpty },
        .text("unchangedSummary") { $0.unchangedSummary },
        .optionalText("noChangesText") { $0.noChangesText },
    ])
}

/// A section on a change page.
struct ChangeSectionItem: TemplateContext {
    /// `added`, `removed`, `changed` or `unchanged`, for its CSS class.
    var status: String
    /// "Added", "Removed", "Changed" in the page's language; empty for unchanged sections.
    var statusText: String
    /// The heading, with its word diff when it changed; HTML.
    var headingHTML: String
    /// "Renamed from …" when the heading's words changed.
    var renamedFrom: String?
    /// "Moved" when it changed place.
    var movedText: String?
    /// The section on its version page (the old one for a removed section).
    var href: String
    /// The same as an absolute URL, printed after the link.
    var url: String
    var contentLang: String
    var contentDir: String
    /// The section's blocks, with `<ins>`/`<del>`; empty for unchanged sections.
    var bodyHTML: String
    /// The section element's id on this page, which the list of changes at the top links to.
    var id: String = ""
    /// The heading's text, which repeated links ("Read this section") carry for screen readers.
    var headingText: String = ""
    /// "+12 −3": the words inserted and deleted, shown; empty when none were.
    var countsText: String = ""
    /// The same in words for screen readers ("Inserted: 12, Deleted: 3").
    var countsLabel: String = ""

    static let fields = TemplateFields<ChangeSectionItem>([
        .text("status") { $0.status },
        .text("statusText") { $0.statusText },
        .text("headingHTML") { $0.headingHTML },
        .optionalText("renamedFrom") { $0.renamedFrom },
        .optionalText("movedText") { $0.movedText },
        .text("href") { $0.href },
        .text("url") { $0.url },
        .text("contentLang") { $0.contentLang },
        .text("contentDir") { $0.contentDir },
        .text("bodyHTML") { $0.bodyHTML },
        .text("id") { $0.id },
        .text("headingText") { $0.headingText },
        .text("countsText") { $0.countsText },
        .text("countsLabel") { $0.countsLabel },
    ])
}

/// The context of a change page: the diff, section by section, of two texts of one language,
/// the page's own where it has both versions, else those `SiteSettings.comparedTexts` picks
/// (with a notice saying so).
extension SiteRenderer {
    /// - Precondition: `entry.previous` is set (change pages exist for every version but the first).
    func changePageContext(_ policy: Policy, _ entry: TimelineEntry, previous: TimelineEntry, language: LanguageTag, changes: ChangeSet) -> ChangePageContext {
        let strings = templates.strings
        let page = SiteLayout.changes(language, policy.slug, entry.effective)
        // What the reader's version pages show (their title and summary head this page) …
        let readerOld = document(of: previous.version, in: language)
        let readerNew = document(of: entry.version, in: language)
        // … and the texts compared: two of one language, by the rule `diff` follows too.
        let compared = comparedTexts(entry, previous: previous, language: language)
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
        let pair = ComparedPair(old: oldDocument, new: newDocument)
        let diff = changes.diff(pair) ?? VersionDiff.compare(old: oldDocument, new: newDocument)
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

    /// The two texts a change page compares: two of one language, by the rule `diff` follows
    /// too (`SiteSettings.comparedTexts`), else the texts the reader's pages show.
    func comparedTexts(_ entry: TimelineEntry, previous: TimelineEntry, language: LanguageTag) -> ComparedTexts {
        site.settings.comparedTexts(old: previous.version, new: entry.version, for: language)
            ?? ComparedTexts(old: document(of: previous.version, in: language), new: document(of: entry.version, in: language), reader: language)
    }

    /// Every pair of texts the change pages among `planned` compare, each once, in chains of
    /// one policy and one language in date order, and compared (`ChangeSet.compare`).
    public func changes(for planned: [PlannedFile]) -> ChangeSet {
        ChangeSet.compare(chains: comparedChains(planned).chains.map(\.pairs))
    }

    /// The files of `planned` in waves, each with the chains of pairs its change pages compare:
    /// a build compares one wave's pairs, renders its files, and lets its diffs go before the
    /// next, so its memory holds a few chains' diffs, never the whole site's. Every change page
    /// is in the wave of its pair's chain, so pages of several languages that compare the same
    /// two texts share one diff; files that show no diff go in the first wave.
    public func changeWaves(for planned: [PlannedFile], chainsPerWave: Int) -> [(chains: [[ComparedPair]], files: [PlannedFile])] {
        let (chains, chainOfFile) = comparedChains(planned)
        let waveCount = max(1, (chains.count + chainsPerWave - 1) / chainsPerWave)
        var waves = (0..<waveCount).map { wave in
            (chains: chains[min(wave * chainsPerWave, chains.count)..<min((wave + 1) * chainsPerWave, chains.count)].map(\.pairs), files: [PlannedFile]())
        }
        for (index, file) in planned.enumerated() {
            waves[(chainOfFile[index] ?? 0) / chainsPerWave].files.append(file)
        }
        return waves
    }

    /// The chains of pairs the change pages among `planned` compare (each pair once), sorted by
    /// policy and language, each in date order; and for each change page (by index in
    /// `planned`), the index of its pair's chain.
    private func comparedChains(_ planned: [PlannedFile]) -> (chains: [(key: String, pairs: [ComparedPair])], chainOfFile: [Int: Int]) {
        var byChain: [String: [(date: CalendarDate, pair: ComparedPair)]] = [:]
        var chainKeyOfFile: [Int: String] = [:]
        var seen: Set<[String]> = []
        for (index, file) in planned.enumerated() {
            guard case .changes(let language, let slug, let date) = file.kind, let (_, timeline, entry) = lookup(slug, date),
                  let previousDate = entry.previous, let previous = timeline.entry(for: previousDate) else { continue }
            let compared = comparedTexts(entry, previous: previous, language: language)
            let key = slug.rawValue + "/" + compared.new.language.rawValue
            chainKeyOfFile[index] = key
            guard seen.insert([compared.old.file, compared.new.file]).inserted else { continue }
            byChain[key, default: []].append((date, ComparedPair(old: compared.old, new: compared.new)))
        }
        let keys = byChain.keys.sorted()
        var position: [String: Int] = [:]
        for (index, key) in keys.enumerated() { position[key] = index }
        let chains = keys.map { key in (key: key, pairs: (byChain[key] ?? []).sorted { $0.date < $1.date }.map(\.pair)) }
        return (chains, chainKeyOfFile.compactMapValues { position[$0] })
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
