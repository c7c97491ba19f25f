import PolicyMarkdown
import PolicyModel

/// Rewrites the links of a policy text for the page it appears on.
///
/// `policy:cookies#retention` becomes a relative link to the permanent page of the cookie
/// policy's version that `Policy.versionLinked(on:fromDraft:)` names for the linking version's effective
/// date (the one in force then, else its first), so an archived page links to the archived page
/// of its time, and the link check has checked the anchor on that very page. Other links are
/// left as written (cmark's URL safety still applies).
struct LinkResolver {
    let site: Site
    let language: LanguageTag
    /// The effective date of the version whose text holds the links.
    let linkingDate: CalendarDate
    /// The page the links appear on.
    let page: PagePath
    /// The text holding the links is a draft: its links may reach drafts (a published text's
    /// reach published versions only, in a build with drafts too; see `versionLinked(on:fromDraft:)`).
    let fromDraft: Bool

    /// Where a link of the text goes on this page. A `policy:` link to a policy that does not
    /// exist goes nowhere (the validate stage has reported it, and the build stopped).
    func resolve(_ destination: String) -> HTMLRenderer.LinkTarget {
        guard let reference = PolicyReference(destination) else { return .init(href: destination) }
        guard let slug = reference.slug, let policy = site.policy(slug) else { return .init(href: "") }
        let fragment = reference.fragment.map { "#" + $0 } ?? ""
        guard let version = policy.versionLinked(on: linkingDate, fromDraft: fromDraft) else { return .init(href: "") }
        let target = SiteLayout.version(language, slug, version.effective)
        return .init(href: page.href(to: target) + fragment, printURL: target.url(base: site.settings.baseURL) + fragment)
    }
}
