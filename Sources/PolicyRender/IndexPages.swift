import PolicyModel

/// The language picker, the per-language list of policies, and each policy's versions index.
extension SiteRenderer {
    func languagePickerContext() -> LanguagePickerContext {
        let settings = site.settings
        let language = settings.defaultLanguage
        let page = SiteLayout.languagePicker
        var base = pageBase(language: language, page: page, title: templates.strings.text("chooseLanguage", language)) { _ in page }
        // The page itself is the choice of language; a switcher in the header would repeat it.
        base.hasManyLanguages = false
        return LanguagePickerContext(base: base, choices: languageChoices { page.href(to: SiteLayout.languageHome($0)) })
    }

    /// Every site language's home, named in itself with the site's title in it: the language
    /// picker's list, and the 404 page's.
    func languageChoices(href: (LanguageTag) -> String) -> [LanguageChoice] {
        let settings = site.settings
        return settings.languages.map { other in
            LanguageChoice(
                lang: other.rawValue,
                dir: other.direction,
                name: templates.strings.selfName(of: other),
                siteTitle: settings.title.text(for: other, fallbacks: settings.fallbacks(for: other)) ?? "",
                href: href(other)
            )
        }
    }

    func languageHomeContext(_ language: LanguageTag) -> LanguageHomeContext {
        let strings = templates.strings
        let page = SiteLayout.languageHome(language)
        let siteTitle = site.settings.title.text(for: language, fallbacks: site.settings.fallbacks(for: language)) ?? ""
        let base = pageBase(language: language, page: page, title: siteTitle) { SiteLayout.languageHome($0) }
        let policies = site.policies.compactMap { policy -> PolicyItem? in
            guard let timeline = timelines[policy.slug], let featured = timeline.featured else { return nil }
            let document = document(of: featured.version, in: language)
            var item = PolicyItem(
                title: policyTitle(policy, language: language, document: document),
                href: page.href(to: SiteLayout.policyHome(language, policy.slug)),
                versionsHref: page.href(to: SiteLayout.versionsIndex(language, policy.slug))
            )
            if featured.status == .current {
                item.effectiveText = strings.format("currentEffective", language, ["date": dates.format(featured.effective, for: language)])
            }
            if let upcoming = timeline.nextUpcoming {
                item.upcomingText = strings.format("upcomingNotice", language, ["date": dates.format(upcoming.effective, for: language)])
                item.upcomingHref = page.href(to: SiteLayout.version(language, policy.slug, upcoming.effective))
            }
            return item
        }
        return LanguageHomeContext(base: base, policies: policies)
    }

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
