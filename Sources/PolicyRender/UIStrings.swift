import PolicyDiagnostics
import PolicyModel
import Yams

/// The words a page shows, per language, from `Templates/strings/<lang>.yml`.
///
/// A key missing in one language falls back to the default language's file, as Hugo's i18n
/// does, so a half-translated interface still builds. Values may hold placeholders such as
/// `{date}`, filled in by `format`.
public struct UIStrings: Sendable {
    private let tables: [LanguageTag: [String: String]]
    private let languageNames: [LanguageTag: [String: String]]
    private let fallback: LanguageTag

    /// The keys every default-language file must define; the templates and renderer use them.
    public static let requiredKeys = [
        "languageName", "skipToContent", "languageSwitcher", "contents", "effective", "allVersions",
        "whatChanged", "archivedNotice", "readCurrent", "upcomingNotice", "readUpcoming",
        "upcomingSelfNotice", "notYetInForce", "fallbackNotice", "governingNotice", "readGoverning",
        "versionsTitle", "versionsIntro", "columnVersion", "columnInForce", "columnStatus", "columnSummary",
        "statusArchived", "statusCurrent", "statusUpcoming", "inForceRange", "inForceSince", "inForceFrom",
        "materialChange", "firstVersion", "noSummary", "policiesTitle", "policiesIntro", "currentEffective",
        "chooseLanguage", "permanentAddress", "allPolicies", "backToPolicy", "siteNavigation",
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

    /// Reads the strings files of a template snapshot: flat `key: text` maps, plus an optional
    /// `languageNames` map from language tag to that language's name in this file's language.
    static func load(files: [(path: String, text: String)], languages: [LanguageTag], displayPath: (String) -> String) -> (UIStrings, [Diagnostic]) {
        var tables: [LanguageTag: [String: String]] = [:]
        var names: [LanguageTag: [String: String]] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            let display = displayPath(file.path)
            let reader = YAMLReaderLite(file: display)
            let languageName = String(file.path.dropFirst("strings/".count).dropLast(".yml".count))
            guard let language = LanguageTag(languageName) else {
                diagnostics.append(.error(.template, "strings file name '\(languageName)' is not a language tag; name it <lang>.yml", at: SourceLocation(file: display)))
                continue
            }
            guard languages.contains(language) else { continue }
            do throws(Diagnostic) {
                let (table, languageNames) = try reader.read(file.text)
                tables[language] = table
                names[language] = languageNames
            } catch {
                diagnostics.append(error)
            }
        }
        // Without site.yml there are no languages to hold the strings to; the templates are
        // still parsed and checked.
        guard let defaultLanguage = languages.first else {
            return (UIStrings(tables: tables, languageNames: names, fallback: LanguageTag("en")!), diagnostics)
        }
        if let table = tables[defaultLanguage] {
            let missing = requiredKeys.filter { table[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(.error(.template, "strings for the default language '\(defaultLanguage)' lack \(missing.joined(separator: ", ")); add them", at: SourceLocation(file: displayPath("strings/\(defaultLanguage).yml"))))
            }
        } else {
            diagnostics.append(.error(.template, "no UI strings for the default language; create strings/\(defaultLanguage).yml in the templates directory", at: SourceLocation(file: displayPath("strings/\(defaultLanguage).yml"))))
        }
        return (UIStrings(tables: tables, languageNames: names, fallback: defaultLanguage), diagnostics)
    }
}

/// Reads a strings file: a YAML mapping of text values, with one nested `languageNames` map.
private struct YAMLReaderLite {
    var file: String

    func read(_ text: String) throws(Diagnostic) -> ([String: String], [String: String]) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw .error(.template, "invalid YAML in strings file: \(error)", at: SourceLocation(file: file))
        }
        guard let mapping = node?.mapping else {
            throw .error(.template, "a strings file is a mapping of keys to text", at: SourceLocation(file: file, line: 1, column: 1))
        }
        var table: [String: String] = [:]
        var names: [String: String] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let mark = key.mark
            if name == "languageNames", let inner = value.mapping {
                for (tag, languageName) in inner {
                    names[tag.scalar?.string ?? ""] = languageName.scalar?.string ?? ""
                }
            } else if let scalar = value.scalar {
                table[name] = scalar.string
            } else {
                throw .error(.template, "the value of '\(name)' must be text", at: SourceLocation(file: file, line: mark?.line, column: mark?.column))
            }
        }
        return (table, names)
    }
}
