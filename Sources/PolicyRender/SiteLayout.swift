import PolicyModel

/// The address of a page of the generated site: a directory under the output root, served by
/// its `index.html` (or a single file such as `sitemap.xml`).
public struct PagePath: Sendable, Hashable, Comparable {
    /// Relative to the output root, `/`-separated: `en/privacy/2024-03-01/`, `` for the root,
    /// or a file name such as `sitemap.xml`.
    public let path: String

    init(_ path: String) { self.path = path }

    public var isDirectory: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file that holds the page.
    public var file: String { isDirectory ? path + "index.html" : path }

    /// The link from `self` to `target`, relative so that the site works from any host and subpath.
    public func href(to target: PagePath) -> String {
        let depth = path.split(separator: "/").count - (isDirectory ? 0 : 1)
        let up = String(repeating: "../", count: depth)
        let href = up + target.path
        return href.isEmpty ? "./" : href
    }

    /// The absolute URL, for hreflang alternates, the sitemap and print.
    public func url(base: String) -> String { base + path }

    public static func < (lhs: PagePath, rhs: PagePath) -> Bool { lhs.path < rhs.path }
}

/// The URL layout of the contract's "The site it writes": one place that knows every address.
public enum SiteLayout {
    /// `index.html`: picks a language.
    public static let languagePicker = PagePath("")
    /// `sitemap.xml`.
    public static let sitemap = PagePath("sitemap.xml")
    /// `404.html`: the page hosts show for an address the site does not have.
    public static let notFound = PagePath("404.html")

    /// A file of the theme's `static/`, at the same path under the site's root.
    public static func staticFile(_ path: String) -> PagePath {
        PagePath(path)
    }

    /// `<lang>/`: the policies in that language.
    public static func languageHome(_ language: LanguageTag) -> PagePath {
        PagePath("\(language)/")
    }

    /// `<lang>/<policy>/`: the current version.
    public static func policyHome(_ language: LanguageTag, _ policy: PolicySlug) -> PagePath {
        PagePath("\(language)/\(policy)/")
    }

    /// `<lang>/<policy>/<YYYY-MM-DD>/`: a version's permanent address.
    public static func version(_ language: LanguageTag, _ policy: PolicySlug, _ date: CalendarDate) -> PagePath {
        PagePath("\(language)/\(policy)/\(date)/")
    }

    /// `<lang>/<policy>/versions/`: the archived-versions index.
    public static func versionsIndex(_ language: LanguageTag, _ policy: PolicySlug) -> PagePath {
        PagePath("\(language)/\(policy)/versions/")
    }

    /// `<lang>/<policy>/changes/<YYYY-MM-DD>/`: what changed in a version.
    public static func changes(_ language: LanguageTag, _ policy: PolicySlug, _ date: CalendarDate) -> PagePath {
        PagePath("\(language)/\(policy)/changes/\(date)/")
    }

    /// `<lang>/<policy>/versions.json`.
    public static func versionsJSON(_ language: LanguageTag, _ policy: PolicySlug) -> PagePath {
        PagePath("\(language)/\(policy)/versions.json")
    }

    /// `<lang>/<policy>/feed.xml`.
    public static func feed(_ language: LanguageTag, _ policy: PolicySlug) -> PagePath {
        PagePath("\(language)/\(policy)/feed.xml")
    }

    /// `assets/<name>`.
    public static func asset(_ name: String) -> PagePath {
        PagePath("assets/\(name)")
    }
}
