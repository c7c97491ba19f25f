import PolicyModel

/// Building the parts every page shares, and small helpers of the page builders.
extension SiteRenderer {
    /// - Parameter counterpart: the same page in another language, for the switcher and hreflang.
    func pageBase(language: LanguageTag, page: PagePath, title: String, counterpart: (LanguageTag) -> PagePath) -> PageBase {
        let settings = site.settings
        let strings = templates.strings
        let switcher = settings.languages.map { other in
            LanguageLink(lang: other.rawValue, dir: other.direction, name: strings.selfName(of: other),
                         href: page.href(to: counterpart(other)), isCurrent: other == language)
        }
        var alternates = settings.languages.map { other in
            AlternateLink(hreflang: other.rawValue, url: counterpart(other).url(base: settings.baseURL))
        }
        alternates.append(AlternateLink(hreflang: "x-default", url: counterpart(settings.defaultLanguage).url(base: settings.baseURL)))
        return PageBase(
            lang: language.rawValue,
            dir: language.direction,
            title: title,
            siteTitle: settings.title.text(for: language, fallbacks: settings.fallbacks(for: language)) ?? "",
            canonicalURL: page.url(base: settings.baseURL),
            alternates: alternates,
            languages: switcher,
            hasManyLanguages: settings.languages.count > 1,
            homeHref: page.href(to: SiteLayout.languageHome(language)),
            stylesheetHref: page.href(to: SiteLayout.asset("style.css")),
            t: UIStringTable(strings: strings, language: language)
        )
    }

    /// The title of a policy in a language (`Policy.title`, the rule the `missing-title` check
    /// follows).
    func policyTitle(_ policy: Policy, language: LanguageTag, document: PolicyDocument?) -> String {
        policy.title(in: language, showing: document, settings: site.settings).text
    }

    /// The document to show for a language: its own, else the default language's, else the
    /// first in the site's language order.
    func document(of version: PolicyVersion, in language: LanguageTag) -> PolicyDocument {
        // A version exists only with at least one document (the parser drops empty ones).
        version.shownDocument(in: language, settings: site.settings) ?? version.documents[0]
    }

    /// A link for a template: relative `href` for the browser, absolute `url` for print.
    func link(from page: PagePath, to target: PagePath, _ label: String) -> LinkItem {
        LinkItem(href: page.href(to: target), url: target.url(base: site.settings.baseURL), label: label)
    }
}
