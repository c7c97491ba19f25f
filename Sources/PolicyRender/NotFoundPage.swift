import Foundation
import PolicyModel

/// `404.html` at the site's root (`not-found.mustache`): what GitHub Pages, Netlify and most
/// hosts show for an address the site does not have, at whatever depth it was asked for.
struct NotFoundPageContext: PageTemplateContext {
    static let template = "not-found"

    var base: PageBase
    /// Every language's home, named in itself, default language first.
    var choices: [LanguageChoice]

    static let fields = TemplateFields<NotFoundPageContext>(PageBase.fields { $0.base } + [
        .list("choices") { $0.choices },
    ])
}

extension SiteRenderer {
    func notFoundContext() -> NotFoundPageContext {
        let settings = site.settings
        let language = settings.defaultLanguage
        let page = SiteLayout.notFound
        var base = pageBase(language: language, page: page, title: templates.strings.text("notFoundTitle", language)) { _ in page }
        // The host serves this file for any missing address, /en/privacy/typo/ included, so
        // relative links would resolve against that address: link from the site's root path.
        let root = Self.rootPath(of: settings.baseURL)
        base.hasManyLanguages = false
        base.noindex = true
        base.alternates = []
        base.homeHref = root + SiteLayout.languageHome(language).path
        base.stylesheetHref = root + SiteLayout.asset("style.css").path
        return NotFoundPageContext(base: base, choices: languageChoices { root + SiteLayout.languageHome($0).path })
    }

    /// The path part of the site's address, ending in `/`: `/` for `https://example.com/`,
    /// `/policies/` for a site published under a sub-path.
    static func rootPath(of baseURL: String) -> String {
        guard let path = URLComponents(string: baseURL)?.percentEncodedPath, !path.isEmpty else { return "/" }
        let rooted = path.hasPrefix("/") ? path : "/" + path
        return rooted.hasSuffix("/") ? rooted : rooted + "/"
    }
}
