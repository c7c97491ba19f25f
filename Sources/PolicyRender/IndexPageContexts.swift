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

/// The policies in one language (`language-home.mustache`).
struct LanguageHomeContext: PageTemplateContext {
    static let template = "language-home"

    var base: PageBase
    var policies: [PolicyItem]

    static let fields = TemplateFields<LanguageHomeContext>(PageBase.fields { $0.base } + [
        .list("policies") { $0.policies },
    ])
}

/// A policy on a language's home page.
struct PolicyItem: TemplateContext {
    var title: String
    var href: String
    var versionsHref: String
    /// "Current version effective …", when a version is in force.
    var effectiveText: String?
    /// The announcement of the next version, when one is upcoming, and its page.
    var upcomingText: String?
    var upcomingHref: String?

    static let fields = TemplateFields<PolicyItem>([
        .text("title") { $0.title },
        .text("href") { $0.href },
        .text("versionsHref") { $0.versionsHref },
        .optionalText("effectiveText") { $0.effectiveText },
        .optionalText("upcomingText") { $0.upcomingText },
        .optionalText("upcomingHref") { $0.upcomingHref },
    ])
}

/// A policy's archived-versions index (`versions.mustache`).
struct VersionsPageContext: PageTemplateContext {
    static let template = "versions"

    var base: PageBase
    var intro: String
    var policyTitle: String
    var policyHref: String
    /// Newest first.
    var versions: [VersionRow]

    static let fields = TemplateFields<VersionsPageContext>(PageBase.fields { $0.base } + [
        .text("intro") { $0.intro },
        .text("policyTitle") { $0.policyTitle },
        .text("policyHref") { $0.policyHref },
        .list("versions") { $0.versions },
    ])
}

/// A row of the versions index.
struct VersionRow: TemplateContext {
    var date: String
    var isoDate: String
    var href: String
    /// The version's change page; nil for the first version.
    var changesHref: String?
    var inForce: String
    var status: String
    var statusText: String
    var isMaterial: Bool
    /// The authors' summary, in the language it is written in.
    var summary: String?
    var summaryLang: String
    var summaryDir: String
    /// Said instead of a summary: "First published version." or "No summary was given".
    var summaryNote: String?

    static let fields = TemplateFields<VersionRow>([
        .text("date") { $0.date },
        .text("isoDate") { $0.isoDate },
        .text("href") { $0.href },
        .optionalText("changesHref") { $0.changesHref },
        .text("inForce") { $0.inForce },
        .text("status") { $0.status },
        .text("statusText") { $0.statusText },
        .flag("isMaterial") { $0.isMaterial },
        .optionalText("summary") { $0.summary },
        .text("summaryLang") { $0.summaryLang },
        .text("summaryDir") { $0.summaryDir },
        .optionalText("summaryNote") { $0.summaryNote },
    ])
}
