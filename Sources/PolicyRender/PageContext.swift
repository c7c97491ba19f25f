import PolicyModel

/// The values every page template sees: language and direction, titles, the language switcher,
/// hreflang alternates, links home and to the stylesheet, and the UI strings (`t.<key>`).
///
/// Contexts are dictionaries because swift-mustache reads them faster than mirrored structs.
extension SiteRenderer {
    /// - Parameter counterpart: the same page in another language, for the switcher and hreflang.
    func baseContext(language: LanguageTag, page: PagePath, title: String, counterpart: (LanguageTag) -> PagePath) -> [String: Any] {
        let settings = site.settings
        let strings = templates.strings
        var t: [String: String] = [:]
        for key in UIStrings.requiredKeys { t[key] = strings.text(key, language) }
        let siteTitle = settings.title.text(for: language, fallbacks: settings.fallbacks(for: language)) ?? ""
        let switcher: [[String: Any]] = settings.languages.map { other in
            [
                "lang": other.rawValue,
                "dir": other.direction,
                "name": strings.selfName(of: other),
                "href": page.href(to: counterpart(other)),
                "isCurrent": other == language,
            ]
        }
        var alternates: [[String: Any]] = settings.languages.map { other in
            ["hreflang": other.rawValue, "url": counterpart(other).url(base: settings.baseURL)]
        }
        alternates.append(["hreflang": "x-default", "url": counterpart(settings.defaultLanguage).url(base: settings.baseURL)])
        return [
            "lang": language.rawValue,
            "dir": language.direction,
            "title": title,
            "siteTitle": siteTitle,
            "canonicalURL": page.url(base: settings.baseURL),
            "alternates": alternates,
            "languages": switcher,
            "hasManyLanguages": settings.languages.count > 1,
            "homeHref": page.href(to: SiteLayout.languageHome(language)),
            "stylesheetHref": page.href(to: SiteLayout.asset("style.css")),
            "t": t,
        ]
    }

    /// The title of a policy in a language: the version's own front matter title, else
    /// policy.yml's title for the language, else the slug.
    func policyTitle(_ policy: Policy, language: LanguageTag, document: PolicyDocument?) -> String {
        if let document, document.language == language, let title = document.frontMatter.title { return title }
        let settings = site.settings
        return policy.settings.title?.text(for: language, fallbacks: settings.fallbacks(for: language))
            ?? document?.frontMatter.title
            ?? policy.slug.rawValue
    }

    /// The document to show for a language: its own, else the default language's, else the
    /// first in the site's language order.
    func document(of version: PolicyVersion, in language: LanguageTag) -> PolicyDocument {
        if let own = version.document(in: language) { return own }
        for candidate in site.settings.fallbacks(for: language) {
            if let document = version.document(in: candidate) { return document }
        }
        return version.documents[0]
    }

    /// A link for a template: relative `href` for the browser, absolute `url` for print.
    func link(from page: PagePath, to target: PagePath, _ label: String) -> [String: Any] {
        ["href": page.href(to: target), "url": target.url(base: site.settings.baseURL), "label": label]
    }
}
