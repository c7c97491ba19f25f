import PolicyDiagnostics
import PolicyModel
import PolicyYAML
import Yams

/// Decodes `site.yml`, `policy.yml` and version front matter, reporting every problem with its
/// position.
enum SettingsDecoder {
    static let siteKeys = ["title", "baseURL", "languages", "governingLanguage", "required"]
    static let policyKeys = ["title", "required"]

    static func siteSettings(_ text: String, file: String) -> (SiteSettings?, [Diagnostic]) {
        let reader = YAMLReader(file: file, firstLine: 1, code: .siteConfig, what: "site.yml")
        do throws(Diagnostic) {
            let mapping = try reader.rootMapping(text)
            let unknown = reader.checkKeys(mapping, known: siteKeys, unknownCode: .siteConfig)
            guard unknown.isEmpty else { return (nil, unknown) }
            func required(_ key: String) throws(Diagnostic) -> Node {
                guard let node = mapping[key] else {
                    throw .error(.siteConfig, "site.yml has no '\(key)'; add it (see README, 'Content/site.yml')", at: SourceLocation(file: file, line: 1, column: 1))
                }
                return node
            }

            var languages: [LanguageTag] = []
            let languagesNode = try required("languages")
            for (raw, node) in try reader.strings(languagesNode, key: "languages") {
                guard let language = LanguageTag(raw) else {
                    throw .error(.siteConfig, "'\(raw)' is not a BCP 47 language tag like en, zh-Hans or pt-BR", at: reader.location(node))
                }
                guard !languages.contains(language) else {
                    throw .error(.siteConfig, "language '\(raw)' is listed twice; list each language once", at: reader.location(node))
                }
                languages.append(language)
            }
            guard !languages.isEmpty else {
                throw .error(.siteConfig, "'languages' is empty; list at least one language, the default first", at: reader.location(languagesNode))
            }

            let title = try reader.localizedText(try required("title"), key: "title", languages: languages)
            let baseURLNode = try required("baseURL")
            let baseURL = try reader.string(baseURLNode, key: "baseURL")
            guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://"), !baseURL.contains(" ") else {
                throw .error(.siteConfig, "baseURL '\(baseURL)' must be an absolute http(s) URL, like https://policies.example.com/", at: reader.location(baseURLNode))
            }

            var governing: LanguageTag?
            if let node = mapping["governingLanguage"] {
                let raw = try reader.string(node, key: "governingLanguage")
                guard let language = LanguageTag(raw), languages.contains(language) else {
                    throw .error(.siteConfig, "governingLanguage '\(raw)' is not one of the site's languages (\(languages.map(\.rawValue).joined(separator: ", ")))", at: reader.location(node))
                }
                governing = language
            }
            let requiredIDs = try mapping["required"].map { node throws(Diagnostic) in try reader.sectionIDs(node, key: "required") } ?? []
            let settings = SiteSettings(title: title, baseURL: baseURL, languages: languages, governingLanguage: governing, required: requiredIDs)
            return (settings, [])
        } catch {
            return (nil, [error])
        }
    }

    static func policySettings(_ text: String, file: String, languages: [LanguageTag]) -> (PolicySettings?, [Diagnostic]) {
        let reader = YAMLReader(file: file, firstLine: 1, code: .policyConfig, what: "policy.yml")
        do throws(Diagnostic) {
            let mapping = try reader.rootMapping(text)
            let unknown = reader.checkKeys(mapping, known: policyKeys, unknownCode: .policyConfig)
            guard unknown.isEmpty else { return (nil, unknown) }
            let title = try mapping["title"].map { node throws(Diagnostic) in try reader.localizedText(node, key: "title", languages: languages) }
            let required = try mapping["required"].map { node throws(Diagnostic) in try reader.sectionIDs(node, key: "required") }
            return (PolicySettings(title: title, required: required), [])
        } catch {
            return (nil, [error])
        }
    }

    /// - Parameter yaml: the text between the `---` lines, which starts on the file's line 2.
    static func frontMatter(_ yaml: String, file: String) -> (FrontMatter?, [Diagnostic]) {
        let reader = YAMLReader(file: file, firstLine: 2, code: .frontMatter, what: "front matter")
        do throws(Diagnostic) {
            let mapping = try reader.rootMapping(yaml)
            let unknown = reader.checkKeys(mapping, known: FrontMatter.knownKeys, unknownCode: .unknownKey)
            guard unknown.isEmpty else { return (nil, unknown) }
            var frontMatter = FrontMatter()
            if let node = mapping["title"] { frontMatter.title = try reader.string(node, key: "title") }
            if let node = mapping["summary"] {
                let summary = try reader.string(node, key: "summary").trimmingSpaces
                frontMatter.summary = summary.isEmpty ? nil : summary
            }
            if let node = mapping["material"] { frontMatter.material = try reader.bool(node, key: "material") }
            if let node = mapping["draft"] { frontMatter.draft = try reader.bool(node, key: "draft") }
            return (frontMatter, [])
        } catch {
            return (nil, [error])
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
