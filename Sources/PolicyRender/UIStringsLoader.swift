import PolicyCore
import PolicySource
import PolicyModel
import Yams

/// Reads `Templates/strings/<lang>.yml` into `UIStrings`, through the same YAML reader as
/// site.yml, so a YAML mistake is reported at its line and column.
extension UIStrings {
    /// The key of the optional map from language tag to that language's name in this file's
    /// language; every other key is a UI string.
    static let languageNamesKey = "languageNames"

    /// A strings file of one layer of the theme: its path in the theme (`strings/de.yml`), its
    /// text and how diagnostics name it.
    public struct SourceFile: Sendable {
        public var path: String
        public var text: String
        public var display: String
    }

    /// Reads every strings file of every layer (lowest first: the built-in theme, then the
    /// site's), merges them key by key with later layers winning, and warns about each site
    /// language whose interface is not complete (its pages then fall back key by key).
    /// - Parameter siteStringsRoot: where the site's own strings files go, for the warnings' advice.
    static func load(layers: [[SourceFile]], languages: [LanguageTag], siteStringsRoot: DirectorySnapshot) -> (UIStrings, [Diagnostic]) {
        var tables: [LanguageTag: [String: String]] = [:]
        var names: [LanguageTag: [String: String]] = [:]
        var diagnostics: [Diagnostic] = []
        for layer in layers {
            for file in layer {
                let languageName = String(file.path.dropFirst("strings/".count).dropLast(".yml".count))
                guard let language = LanguageTag(languageName) else {
                    diagnostics.append(.error(.template, "strings file name '\(languageName)' is not a language tag; name it <lang>.yml", at: SourceLocation(file: file.display)))
                    continue
                }
                let read = readFile(file.text, file: file.display)
                diagnostics += read.diagnostics
                guard let table = read.table else { continue }
                tables[language, default: [:]].merge(table) { _, later in later }
                names[language, default: [:]].merge(read.languageNames) { _, later in later }
            }
        }
        // Without site.yml there are no languages to hold the strings to; the files are still
        // read and checked.
        guard let defaultLanguage = languages.first else {
            return (UIStrings(tables: tables, languageNames: names, fallback: baseline), diagnostics)
        }
        let strings = UIStrings(tables: tables, languageNames: names, fallback: defaultLanguage)
        for language in languages {
            let path = siteStringsRoot.displayPath("strings/\(language).yml")
            let shownIn = language == defaultLanguage ? baseline : defaultLanguage
            let fallbackName = strings.name(of: shownIn, in: baseline)
            guard let table = tables[language] else {
                diagnostics.append(.warning(.uiStrings, "no UI strings for the site language '\(language)': its pages show the interface (all \(requiredKeys.count) keys) in \(fallbackName); create \(path) with every key of the built-in strings/en.yml (`policysite init --templates` writes it)", at: SourceLocation(file: path)))
                continue
            }
            let missing = requiredKeys.filter { table[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(.warning(.uiStrings, "the UI strings for '\(language)' lack \(missing.count == 1 ? "the key" : "\(missing.count) keys"): \(missing.joined(separator: ", ")); those show in \(fallbackName) until you add them to \(path)", at: SourceLocation(file: path)))
            }
        }
        return (strings, diagnostics)
    }

    /// One strings file: a flat mapping of keys to text, plus the optional `languageNames` map.
    /// A file that is not YAML gives no table (its diagnostic says why); a bad entry is reported
    /// and skipped, and the rest of the file is still read.
    static func readFile(_ text: String, file: String) -> (table: [String: String]?, languageNames: [String: String], diagnostics: [Diagnostic]) {
        let reader = YAMLReader(file: file, firstLine: 1, code: .template, what: "strings file")
        let mapping: Node.Mapping
        do throws(Diagnostic) {
            mapping = try reader.rootMapping(text)
        } catch {
            return (nil, [:], [error])
        }
        var table: [String: String] = [:]
        var languageNames: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let known = Set(requiredKeys)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "\(keyNode)"
            if key == languageNamesKey {
                guard let inner = value.mapping else {
                    diagnostics.append(.error(.template, "'\(languageNamesKey)' must be a map from language tag to that language's name, like { en: English }", at: reader.location(value)))
                    continue
                }
                for (tag, name) in inner {
                    do throws(Diagnostic) {
                        languageNames[try reader.string(tag, key: languageNamesKey)] = try reader.string(name, key: "\(languageNamesKey).\(tag.scalar?.string ?? "")")
                    } catch {
                        diagnostics.append(error)
                    }
                }
                continue
            }
            if !known.contains(key) {
                // Nothing reads it: a typo here silently leaves the real key to the default
                // language's text.
                diagnostics.append(.warning(.template, "unknown key '\(key)' in strings file; no template or page uses it, so it is ignored; \(NameSuggestion.advice(for: key, among: requiredKeys, list: "the keys are: \(requiredKeys.sorted().joined(separator: ", "))"))", at: reader.location(keyNode)))
                continue
            }
            do throws(Diagnostic) {
                table[key] = try reader.string(value, key: key)
            } catch {
                diagnostics.append(error)
            }
        }
        return (table, languageNames, diagnostics)
    }
}
