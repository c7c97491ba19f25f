import PolicyModel

/// The policies in one language (`language-home.mustache`).
struct LanguageHomeContext: PageTemplateContext {
    static let template = "language-home"

    var base: PageBase
    var policies: [PolicyItem]

    static let fields = TemplateFields<LanguageHomeContext>(PageBase.fields { $0.base } + [
        .list("policies") { $0.policies },
    ])
}

/// A policy on a language's home page.
struct PolicyItem: TemplateContext {
    var title: String
    var href: String
    var versionsHref: String
    /// "Current version effective …", when a version is in force.
    var effectiveText: String?
    /// The announcement of the next version, when one is upcoming, and its page.
    var upcomingText: String?
    var upcomingHref: String?

    static let fields = TemplateFields<PolicyItem>([
        .text("title") { $0.title },
        .text("href") { $0.href },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("effectiveText") { $0.effectiveText },
        .optionalText("upcomingText") { $0.upcomingText },
        .optionalText("upcomingHref") { $0.upcomingHref },
    ])
}

/// A language's home, the list of policies, built from the site.
extension SiteRenderer {
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
}
