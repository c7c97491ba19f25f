import Foundation
import PolicyModel

/// The words a page shows, per language, from `Templates/strings/<lang>.yml`.
///
/// A key missing in one language falls back to the default language, then to the built-in
/// English (as Hugo's i18n falls back), so a half-translated interface still builds; `check`
/// warns about every such gap. Values may hold placeholders such as
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
        "tocSubsections",
        "whatChanged", "archivedNotice", "readCurrent", "upcomingNotice", "readUpcoming",
        "upcomingSelfNotice", "notYetInForce", "fallbackNotice", "governingNotice", "readGoverning",
        "versionsTitle", "versionsIntro", "columnVersion", "columnInForce", "columnStatus", "columnSummary",
        "statusArchived", "statusCurrent", "statusUpcoming", "inForceRange", "inForceSince", "inForceFrom",
        "materialChange", "firstVersion", "noSummary", "policiesTitle", "policiesIntro", "currentEffective",
        "chooseLanguage", "permanentAddress", "allPolicies", "backToPolicy", "siteNavigation",
        "changesTitle", "previousVersion", "thisVersion", "sectionAdded", "sectionRemoved", "sectionChanged", "sectionMoved", "renamedFrom", "introSection", "readSection", "unchangedSections", "noChanges", "diffInserted", "diffDeleted", "changesFallbackNotice", "readWhatWillChange",
        "draft", "notFoundTitle", "notFoundText",
        "changesTitleUpcoming",
    ]

    public init(tables: [LanguageTag: [String: String]], languageNames: [LanguageTag: [String: String]], fallback: LanguageTag) {
        self.tables = tables
        self.languageNames = languageNames
        self.fallback = fallback
    }

    /// The language every table falls back to last: the built-in theme's English is complete.
    static let baseline = LanguageTag("en")!

    /// The string for `key` in `language`, else in the default language, else in English.
    public func text(_ key: String, _ language: LanguageTag) -> String {
        tables[language]?[key] ?? tables[fallback]?[key] ?? tables[Self.baseline]?[key] ?? key
    }

    /// Whether any strings file (built-in or the site's) exists for `language`.
    public func hasTable(for language: LanguageTag) -> Bool { tables[language] != nil }

    /// The string with `{name}` placeholders replaced by the given values.
    public func format(_ key: String, _ language: LanguageTag, _ values: [String: String]) -> String {
        var result = text(key, language)
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            result = result.replacing("{\(name)}", with: value)
        }
        return result
    }

    /// A language's name in itself ("简体中文"), for the language switcher: the strings file's
    /// `languageName`, else CLDR's (through ICU), else the tag.
    public func selfName(of language: LanguageTag) -> String {
        tables[language]?["languageName"] ?? Self.cldrName(of: language, in: language) ?? language.rawValue
    }

    /// A language's name as written in `page` ("الإنجليزية" for English on an Arabic page): the
    /// strings file's `languageNames`, else CLDR's name in the page's language, the form the
    /// built-in sentences are written around; else the language's name in itself.
    public func name(of language: LanguageTag, in page: LanguageTag) -> String {
        languageNames[page]?[language.rawValue] ?? Self.cldrName(of: language, in: page) ?? selfName(of: language)
    }

    /// CLDR's name of `language` in `page`'s language, when ICU knows both: a table of names is
    /// one for every language pair, which no strings file should have to carry.
    static func cldrName(of language: LanguageTag, in page: LanguageTag) -> String? {
        let locale = Locale(identifier: page.rawValue)
        // ICU answers an unknown locale in English; only trust it for languages it knows.
        guard Locale.LanguageCode(page.rawValue.split(separator: "-").first.map(String.init) ?? "").isISOLanguage,
              Locale.LanguageCode(language.rawValue.split(separator: "-").first.map(String.init) ?? "").isISOLanguage,
              let name = locale.localizedString(forIdentifier: language.rawValue), name != language.rawValue else { return nil }
        return name
    }
}
