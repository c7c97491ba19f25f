import PolicyModel

/// The language picker, the per-language list of policies, and each policy's versions index.
extension SiteRenderer {
    func languagePickerContext() -> [String: Any] {
        let settings = site.settings
        let language = settings.defaultLanguage
        let page = SiteLayout.languagePicker
        var context = baseContext(language: language, page: page, title: templates.strings.text("chooseLanguage", language)) { _ in page }
        // The page itself is the choice of language; a switcher in the header would repeat it.
        context["hasManyLanguages"] = false
        context["choices"] = settings.languages.map { other -> [String: Any] in
            [
                "lang": other.rawValue,
                "dir": other.direction,
                "name": templates.strings.selfName(of: other),
                "siteTitle": settings.title.text(for: other, fallbacks: settings.fallbacks(for: other)) ?? "",
                "href": page.href(to: SiteLayout.languageHome(other)),
            ]
        }
        return context
    }

    func languageHomeContext(_ language: LanguageTag) -> [String: Any] {
        let strings = templates.strings
        let page = SiteLayout.languageHome(language)
        let siteTitle = site.settings.title.text(for: language, fallbacks: site.settings.fallbacks(for: language)) ?? ""
        var context = baseContext(language: language, page: page, title: siteTitle) { SiteLayout.languageHome($0) }
        context["policies"] = site.policies.compactMap { policy -> [String: Any]? in
            guard let timeline = timelines[policy.slug], let featured = timeline.featured else { return nil }
            let document = document(of: featured.version, in: language)
            var item: [String: Any] = [
                "title": policyTitle(policy, language: language, document: document),
                "href": page.href(to: SiteLayout.policyHome(language, policy.slug)),
                "versionsHref": page.href(to: SiteLayout.versionsIndex(language, policy.slug)),
            ]
            if featured.status == .current {
                item["effectiveText"] = strings.format("currentEffective", language, ["date": dates.format(featured.effective, for: language)])
            }
            if let upcoming = timeline.nextUpcoming {
                item["upcomingText"] = strings.format("upcomingNotice", language, ["date": dates.format(upcoming.effective, for: language)])
                item["upcomingHref"] = page.href(to: SiteLayout.version(language, policy.slug, upcoming.effective))
            }
            return item
        }
        return context
    }

    func versionsIndexContext(_ policy: Policy, _ timeline: PolicyTimeline, language: LanguageTag) -> [String: Any] {
        let strings = templates.strings
        let page = SiteLayout.versionsIndex(language, policy.slug)
        let latest = timeline.featured.map { document(of: $0.version, in: language) }
        let policyName = policyTitle(policy, language: language, document: latest)
        var context = baseContext(language: language, page: page, title: strings.format("versionsTitle", language, ["policy": policyName])) {
            SiteLayout.versionsIndex($0, policy.slug)
        }
        let date = { (day: CalendarDate) in self.dates.format(day, for: language) }
        // Newest first: readers come for the current text and look back from there.
        context["versions"] = timeline.entries.reversed().map { entry -> [String: Any] in
            let document = document(of: entry.version, in: language)
            let inForce: String
            switch (entry.status, entry.replacedOn) {
            case (.archived, let replaced?):
                inForce = strings.format("inForceRange", language, ["from": date(entry.effective), "until": date(replaced)])
            case (.upcoming, _):
                inForce = strings.format("inForceFrom", language, ["from": date(entry.effective)])
            default:
                inForce = strings.format("inForceSince", language, ["from": date(entry.effective)])
            }
            var row: [String: Any] = [
                "date": date(entry.effective),
                "isoDate": entry.effective.description,
                "href": page.href(to: SiteLayout.version(language, policy.slug, entry.effective)),
                "inForce": inForce,
                "status": entry.status.rawValue,
                "statusText": strings.text("status" + entry.status.rawValue.capitalized, language),
                "isMaterial": document.frontMatter.material,
                "summaryLang": document.language.rawValue,
                "summaryDir": document.language.direction,
            ]
            if let summary = document.frontMatter.summary {
                row["summary"] = summary
            } else {
                row["summaryNote"] = strings.text(entry.previous == nil ? "firstVersion" : "noSummary", language)
            }
            return row
        }
        context["intro"] = strings.text("versionsIntro", language)
        context["policyTitle"] = policyName
        context["policyHref"] = page.href(to: SiteLayout.policyHome(language, policy.slug))
        return context
    }
}
