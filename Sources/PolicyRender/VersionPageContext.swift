/// A version page (`version.mustache`): a dated permanent page, or a policy's main page showing
/// its current version.
struct VersionPageContext: PageTemplateContext {
    static let template = "version"

    var base: PageBase
    /// `archived`, `current` or `upcoming`.
    var status: String
    /// The text shown is a draft (`draft: true`): only `serve` and `build --drafts` render
    /// drafts, and they show a badge so nobody mistakes a preview for the published text.
    var draft: Bool
    var effectiveLine: String
    var versionsHref: String
    /// What changed in this version: its change page; nil for the first version.
    var changesHref: String?
    var notices: [NoticeItem]
    var contentLang: String
    var contentDir: String
    var bodyHTML: String
    var toc: [TOCItem]
    var permanentURL: String

    static let fields = TemplateFields<VersionPageContext>(PageBase.fields { $0.base } + [
        .text("status") { $0.status },
        .flag("draft") { $0.draft },
        .text("effectiveLine") { $0.effectiveLine },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("changesHref") { $0.changesHref },
        .list("notices") { $0.notices },
        .text("contentLang") { $0.contentLang },
        .text("contentDir") { $0.contentDir },
        .text("bodyHTML") { $0.bodyHTML },
        .list("toc") { $0.toc },
        .flag("hasTOC") { !$0.toc.isEmpty },
        .text("permanentURL") { $0.permanentURL },
    ])
}

/// A notice at the top of a version page: archived, upcoming, fallback language, governing
/// language.
struct NoticeItem: TemplateContext {
    /// `archived`, `upcoming`, `fallback` or `governing`, for its CSS class.
    var kind: String
    var text: String
    var links: [LinkItem]

    static let fields = TemplateFields<NoticeItem>([
        .text("kind") { $0.kind },
        .text("text") { $0.text },
        .list("links") { $0.links },
    ])
}

/// A table of contents entry: a top-level heading with the headings one level below it.
struct TOCItem: TemplateContext {
    var anchor: String
    var text: String
    var children: [TOCItem]
    /// The accessible name of the button that shows `children` ("Subsections of Contact"), in the
    /// page's language; empty for an entry without children.
    var subsectionsLabel: String = ""

    static let fields = TemplateFields<TOCItem>([
        .text("anchor") { $0.anchor },
        .text("text") { $0.text },
        .list("children") { $0.children },
        .flag("hasChildren") { !$0.children.isEmpty },
        .text("subsectionsLabel") { $0.subsectionsLabel },
    ])
}
