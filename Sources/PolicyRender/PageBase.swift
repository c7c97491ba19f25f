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
