import PolicyModel

/// The language picker (`language-picker.mustache`, the site's root page).
struct LanguagePickerContext: PageTemplateContext {
    static let template = "language-picker"

    var base: PageBase
    var choices: [LanguageChoice]

    static let fields = TemplateFields<LanguagePickerContext>(PageBase.fields { $0.base } + [
        .list("choices") { $0.choices },
    ])
}

/// A language on the picker: its name in itself and the site's title in it.
struct LanguageChoice: TemplateContext {
    var lang: String
    var dir: String
    var name: String
    var siteTitle: String
    var href: String

    static let fields = TemplateFields<LanguageChoice>([
        .text("lang") { $0.lang },
        .text("dir") { $0.dir },
        .text("name") { $0.name },
        .text("siteTitle") { $0.siteTitle },
        .text("href") { $0.href },
    ])
}

/// The language picker (the site's root page), built from the site.
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
}
