import PolicyChanges
import PolicyMarkdown
import PolicyModel

/// Where the links of a change page go, so that each reaches an anchor that exists.
///
/// A change page compares two texts of one language (`SiteSettings.comparedTexts`), which may
/// not be the texts the reader's version pages show (a German page comparing the English texts
/// because German lacks one version). Anchors differ between languages (a heading without an
/// id is anchored by a slug of its own words), so for each side:
/// - a `#anchor` (a section of the list, or a `#id` link inside the text) goes to the reader's
///   version page when that page has the anchor, else to the version page of the compared
///   text's language, which shows that very text and so has every anchor of it;
/// - a `policy:` link resolves as on the reader's version page when that page shows the compared
///   text, else as on the compared language's page: `LinkCheck` checks a text's `policy:` links
///   for every page that shows it, and only those.
struct ChangeLinkTargets {
    /// One version as the change page compares it.
    struct Side {
        var text: PolicyDocument
        /// What the reader's page of this version shows.
        var readerText: PolicyDocument
        var readerPage: PagePath
        var textPage: PagePath
        var links: LinkResolver
    }

    let page: PagePath
    let baseURL: String
    let old: Side
    let new: Side

    init(site: Site, reader: LanguageTag, page: PagePath, slug: PolicySlug, compared: ComparedTexts,
         old: (version: PolicyVersion, readerText: PolicyDocument), new: (version: PolicyVersion, readerText: PolicyDocument)) {
        func side(_ version: PolicyVersion, text: PolicyDocument, readerText: PolicyDocument) -> Side {
            let linkLanguage = readerText.file == text.file ? reader : text.language
            return Side(text: text, readerText: readerText,
                        readerPage: SiteLayout.version(reader, slug, version.effective),
                        textPage: SiteLayout.version(text.language, slug, version.effective),
                        links: LinkResolver(site: site, language: linkLanguage, linkingDate: version.effective, page: page, fromDraft: text.frontMatter.draft))
        }
        self.page = page
        baseURL = site.settings.baseURL
        self.old = side(old.version, text: compared.old, readerText: old.readerText)
        self.new = side(new.version, text: compared.new, readerText: new.readerText)
    }

    func side(_ which: DiffSide) -> Side { which == .old ? old : new }

    /// The version page holding `anchor` (without `#`; empty for the page's top) on one side.
    func page(for anchor: String, on which: DiffSide) -> PagePath {
        let side = side(which)
        return anchor.isEmpty || side.readerText.anchorSet.contains(anchor) ? side.readerPage : side.textPage
    }

    /// Where a link of the compared text goes.
    func target(_ link: DiffLink, on which: DiffSide) -> HTMLRenderer.LinkTarget {
        // A `#anchor` link points into its own version's text, not into the change page.
        if link.destination.hasPrefix("#") {
            let versionPage = page(for: String(link.destination.dropFirst()), on: which)
            return .init(href: page.href(to: versionPage) + link.destination, printURL: versionPage.url(base: baseURL) + link.destination)
        }
        return side(which).links.resolve(link.destination)
    }
}
