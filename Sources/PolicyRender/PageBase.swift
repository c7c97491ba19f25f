import PolicyModel

/// The names every page template (and the `base` layout) sees: language and direction,
/// titles, the language switcher, hreflang alternates, links home and to the stylesheet, and
/// the UI strings as `t.<key>`.
struct PageBase: Sendable {
    var lang: String
    var dir: String
    var title: String
    var siteTitle: String
    var canonicalURL: String
    var alternates: [AlternateLink]
    /// The language switcher.
    var languages: [LanguageLink]
    var hasManyLanguages: Bool
    var homeHref: String
    var stylesheetHref: String
    var t: UIStringTable
    /// The policy's Atom feed, on a policy's pages; nil elsewhere.
    var feedHref: String? = nil
    /// A page search engines should not index and that has no canonical address (404.html).
    var noindex = false

    /// Each page type's fields start with these, read from its `base`.
    static func fields<Page>(in page: @escaping @Sendable (Page) -> PageBase) -> [TemplateField<Page>] {
        ownFields.map { $0.lifted(page) }
    }

    private static let ownFields: [TemplateField<PageBase>] = [
        .text("lang") { $0.lang },
        .text("dir") { $0.dir },
        .text("title") { $0.title },
        .text("siteTitle") { $0.siteTitle },
        .text("canonicalURL") { $0.canonicalURL },
        .list("alternates") { $0.alternates },
        .list("languages") { $0.languages },
        .flag("hasManyLanguages") { $0.hasManyLanguages },
        .text("homeHref") { $0.homeHref },
        .text("stylesheetHref") { $0.stylesheetHref },
        .object("t") { $0.t },
        .optionalText("feedHref") { $0.feedHref },
        .flag("noindex") { $0.noindex },
    ]
}

/// `<link rel="alternate" hreflang=… href=…>`: the same page in another language.
struct AlternateLink: TemplateContext {
    var hreflang: String
    var url: String

    static let fields = TemplateFields<AlternateLink>([
        .text("hreflang") { $0.hreflang },
        .text("url") { $0.url },
    ])
}

/// An entry of the language switcher: a language named in itself, linking the same page in it.
struct LanguageLink: TemplateContext {
    var lang: String
    var dir: String
    var name: String
    var href: String
    var isCurrent: Bool

    static let fields = TemplateFields<LanguageLink>([
        .text("lang") { $0.lang },
        .text("dir") { $0.dir },
        .text("name") { $0.name },
        .text("href") { $0.href },
        .flag("isCurrent") { $0.isCurrent },
    ])
}

/// A link in a notice: relative `href` for the browser, absolute `url` for print.
struct LinkItem: TemplateContext {
    var href: String
    var url: String
    var label: String

    static let fields = TemplateFields<LinkItem>([
        .text("href") { $0.href },
        .text("url") { $0.url },
        .text("label") { $0.label },
    ])
}

/// `t`: the UI strings of the page's language, one name per key of `UIStrings.requiredKeys`.
struct UIStringTable: TemplateContext {
    var strings: UIStrings
    var language: LanguageTag

    static let fields = TemplateFields<UIStringTable>(UIStrings.requiredKeys.map { key in
        .text(key) { $0.strings.text(key, $0.language) }
    })
}

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
