import PolicyMarkdown
import PolicyModel

/// Rewrites the links of a policy text for the page it appears on.
///
/// `policy:cookies#retention` becomes a relative link to the cookie policy's version that was in
/// force on the linking version's effective date, so an archived page links to the archived
/// page of its time. Other links are left as written (cmark's URL safety still applies).
struct LinkResolver {
    let site: Site
    let language: LanguageTag
    /// The effective date of the version whose text holds the links.
    let linkingDate: CalendarDate
    /// The page the links appear on.
    let page: PagePath

    static let scheme = "policy:"

    enum Resolution: Equatable {
        case link(HTMLRenderer.LinkTarget)
        /// A `policy:` link to a policy that does not exist.
        case unknownPolicy(String)
    }

    func resolve(_ destination: String) -> Resolution {
        guard destination.hasPrefix(Self.scheme) else { return .link(.init(href: destination)) }
        let reference = destination.dropFirst(Self.scheme.count)
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let slugText = String(parts[0])
        guard let slug = PolicySlug(slugText), let policy = site.policy(slug) else {
            return .unknownPolicy(slugText)
        }
        let fragment = parts.count > 1 && !parts[1].isEmpty ? "#" + parts[1] : ""
        let target: PagePath
        if let version = policy.versionInForce(on: linkingDate) {
            target = SiteLayout.version(language, slug, version.effective)
        } else {
            // The policy did not exist yet on that date: its main page is the best we can do.
            target = SiteLayout.policyHome(language, slug)
        }
        return .link(.init(href: page.href(to: target) + fragment, printURL: target.url(base: site.settings.baseURL) + fragment))
    }
}
