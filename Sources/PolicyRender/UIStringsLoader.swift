import PolicyDiagnostics
import PolicyModel
import PolicyYAML
import Yams

/// Reads `Templates/strings/<lang>.yml` into `UIStrings`, through the same YAML reader as
/// site.yml, so a YAML mistake is reported at its line and column.
extension UIStrings {
    /// The key of the optional map from language tag to that language's name in this file's
    /// language; every other key is a UI string.
    static let languageNamesKey = "languageNames"

    /// Reads every strings file (whatever languages the site lists, so a broken file is reported
    /// even when site.yml is not readable) and holds the default language's file to
    /// `requiredKeys`.
    static func load(files: [(path: String, text: String)], languages: [LanguageTag], displayPath: (String) -> String) -> (UIStrings, [Diagnostic]) {
        var tables: [LanguageTag: [String: String]] = [:]
        var names: [LanguageTag: [String: String]] = [:]
        var diagnostics: [Diagnostic] = []
        var unreadable: Set<LanguageTag> = []
        for file in files {
            let display = displayPath(file.path)
            let languageName = String(file.path.dropFirst("strings/".count).dropLast(".yml".count))
            guard let language = LanguageTag(languageName) else {
                diagnostics.append(.error(.template, "strings file name '\(languageName)' is not a language tag; name it <lang>.yml", at: SourceLocation(file: display)))
                continue
            }
            let read = readFile(file.text, file: display)
            diagnostics += read.diagnostics
            guard let table = read.table else {
                unreadable.insert(language)
                continue
            }
            tables[language] = table
            names[language] = read.languageNames
        }
        // Without site.yml there are no languages to hold the strings to; the files are still
        // read and checked.
        guard let defaultLanguage = languages.first else {
            return (UIStrings(tables: tables, languageNames: names, fallback: LanguageTag("en")!), diagnostics)
        }
        if let table = tables[defaultLanguage] {
            let missing = requiredKeys.filter { table[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(.error(.template, "strings for the default language '\(defaultLanguage)' lack \(missing.joined(separator: ", ")); add them", at: SourceLocation(file: displayPath("strings/\(defaultLanguage).yml"))))
            }
        } else if !unreadable.contains(defaultLanguage) {
            diagnostics.append(.error(.template, "no UI strings for the default language; create strings/\(defaultLanguage).yml in the templates directory", at: SourceLocation(file: displayPath("strings/\(defaultLanguage).yml"))))
        }
        return (UIStrings(tables: tables, languageNames: names, fallback: defaultLanguage), diagnostics)
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
