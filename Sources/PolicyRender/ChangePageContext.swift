/// A change page (`changes.mustache`): what changed in one version since the one before it.
struct ChangePageContext: PageTemplateContext {
    static let template = "changes"

    var base: PageBase
    var effectiveLine: String
    var versionsHref: String
    /// The authors' summary, in the language it is written in.
    var summary: String?
    var summaryLang: String
    var summaryDir: String
    var isMaterial: Bool
    /// The previous version's page and this version's page.
    var previousLink: LinkItem
    var thisLink: LinkItem
    /// The fallback-language notice, when a text compared is not in the page's language.
    var notices: [NoticeItem]
    /// Added, removed and changed sections, in the new version's order.
    var sections: [ChangeSectionItem]
    /// Sections whose text is the same, shown collapsed.
    var unchanged: [ChangeSectionItem]
    var unchangedSummary: String
    /// "The text did not change." when no section changed.
    var noChangesText: String?

    static let fields = TemplateFields<ChangePageContext>(PageBase.fields { $0.base } + [
        .text("effectiveLine") { $0.effectiveLine },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("summary") { $0.summary },
        .text("summaryLang") { $0.summaryLang },
        .text("summaryDir") { $0.summaryDir },
        .flag("isMaterial") { $0.isMaterial },
        .object("previousLink") { $0.previousLink },
        .object("thisLink") { $0.thisLink },
        .list("notices") { $0.notices },
        .list("sections") { $0.sections },
        .flag("hasSections") { !$0.sections.isEmpty },
        .list("unchanged") { $0.unchanged },
        .flag("hasUnchanged") { !$0.unchanged.isEmpty },
        .text("unchangedSummary") { $0.unchangedSummary },
        .optionalText("noChangesText") { $0.noChangesText },
    ])
}

/// A section on a change page.
struct ChangeSectionItem: TemplateContext {
    /// `added`, `removed`, `changed` or `unchanged`, for its CSS class.
    var status: String
    /// "Added", "Removed", "Changed" in the page's language; empty for unchanged sections.
    var statusText: String
    /// The heading, with its word diff when it changed; HTML.
    var headingHTML: String
    /// "Renamed from …" when the heading's words changed.
    var renamedFrom: String?
    /// "Moved" when it changed place.
    var movedText: String?
    /// The section on its version page (the old one for a removed section).
    var href: String
    /// The same as an absolute URL, printed after the link.
    var url: String
    var contentLang: String
    var contentDir: String
    /// The section's blocks, with `<ins>`/`<del>`; empty for unchanged sections.
    var bodyHTML: String
    /// The section element's id on this page, which the list of changes at the top links to.
    var id: String = ""
    /// The heading's text, which repeated links ("Read this section") carry for screen readers.
    var headingText: String = ""
    /// "+12 −3": the words inserted and deleted, shown; empty when none were.
    var countsText: String = ""
    /// The same in words for screen readers ("Inserted: 12, Deleted: 3").
    var countsLabel: String = ""

    static let fields = TemplateFields<ChangeSectionItem>([
        .text("status") { $0.status },
        .text("statusText") { $0.statusText },
        .text("headingHTML") { $0.headingHTML },
        .optionalText("renamedFrom") { $0.renamedFrom },
        .optionalText("movedText") { $0.movedText },
        .text("href") { $0.href },
        .text("url") { $0.url },
        .text("contentLang") { $0.contentLang },
        .text("contentDir") { $0.contentDir },
        .text("bodyHTML") { $0.bodyHTML },
        .text("id") { $0.id },
        .text("headingText") { $0.headingText },
        .text("countsText") { $0.countsText },
        .text("countsLabel") { $0.countsLabel },
    ])
}
