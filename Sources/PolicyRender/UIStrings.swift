import PolicyModel

/// The words a page shows, per language, from `Templates/strings/<lang>.yml`.
///
/// A key missing in one language falls back to the default language's file, as Hugo's i18n
/// does, so a half-translated interface still builds. Values may hold placeholders such as
/// `{date}`, filled in by `format`.
public struct UIStrings: Sendable {
    private let tables: [LanguageTag: [String: String]]
    private let languageNames: [LanguageTag: [String: String]]
    private let fallback: LanguageTag

    /// The keys every default-language file must define: the templates read them as `t.<key>`
    /// and the renderer fills in some itself. A strings file may hold only these and
    /// `languageNames`.
    public static let requiredKeys = [
        "languageName", "skipToContent", "languageSwitcher", "contents", "effective", "allVersions",
        "whatChanged", "archivedNotice", "readCurrent", "upcomingNotice", "readUpcoming",
        "upcomingSelfNotice", "notYetInForce", "fallbackNotice", "governingNotice", "readGoverning",
        "versionsTitle", "versionsIntro", "columnVersion", "columnInForce", "columnStatus", "columnSummary",
        "statusArchived", "statusCurrent", "statusUpcoming", "inForceRange", "inForceSince", "inForceFrom",
        "materialChange", "firstVersion", "noSummary", "policiesTitle", "policiesIntro", "currentEffective",
        "chooseLanguage", "permanentAddress", "allPolicies", "backToPolicy", "siteNavigation",
        "changesTitle", "previousVersion", "thisVersion", "sectionAdded", "sectionRemoved", "sectionChanged", "sectionMoved", "renamedFrom", "introSection", "readSection", "unchangedSections", "noChanges", "diffInserted", "diffDeleted", "changesFallbackNotice", "readWhatWillChange",
        "draft",
    ]

    public init(tables: [LanguageTag: [String: String]], languageNames: [LanguageTag: [String: String]], fallback: LanguageTag) {
        self.tables = tables
        self.languageNames = languageNames
        self.fallback = fallback
    }

    /// The string for `key` in `language`, else in the default language.
    public func text(_ key: String, _ language: LanguageTag) -> String {
        tables[language]?[key] ?? tables[fallback]?[key] ?? key
    }

    /// The string with `{name}` placeholders replaced by the given values.
    public func format(_ key: String, _ language: LanguageTag, _ values: [String: String]) -> String {
        var result = text(key, language)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            result = result.replacing("{\(name)}", with: value)
        }
        return result
    }

    /// A language's name in itself ("简体中文"), for the language switcher.
    public func selfName(of language: LanguageTag) -> String {
        tables[language]?["languageName"] ?? language.rawValue
    }

    /// A language's name as written in `page` ("الإنجليزية" for English on an Arabic page).
    public func name(of language: LanguageTag, in page: LanguageTag) -> String {
        languageNames[page]?[language.rawValue] ?? selfName(of: language)
    }
}
