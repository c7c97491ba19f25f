import PolicyMarkdown
import PolicyModel

/// `sitemap.xml`: every page, each with its hreflang alternates (the same page in every
/// language, and x-default for the default language).
enum Sitemap {
    static func xml(pages: [PagePath], site: Site) -> String {
        let settings = site.settings
        let languagePrefixes = settings.languages.map { "\($0.rawValue)/" }
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in pages.sorted() {
            xml += "  <url>\n    <loc>\(HTMLEscaping.escape(page.url(base: settings.baseURL)))</loc>\n"
            // A page under <lang>/ has a counterpart at the same path under every other language.
            if let prefix = languagePrefixes.first(where: { page.path.hasPrefix($0) }) {
                let rest = page.path.dropFirst(prefix.count)
                for language in settings.languages {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(HTMLEscaping.escape(settings.baseURL + "\(language)/" + rest))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTMLEscaping.escape(settings.baseURL + "\(settings.defaultLanguage)/" + rest))\"/>\n"
            }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
