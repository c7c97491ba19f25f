import PolicyCore
import PolicyModel
import Yams

/// Decodes `site.yml`, `policy.yml` and version front matter, reporting every problem with its
/// position.
enum SettingsDecoder {
    static let siteKeys = ["title", "baseURL", "languages", "governingLanguage", "required", "aliases"]
    static let policyKeys = ["title", "required"]

    /// The keys site.yml must have, each with an example line for the message.
    static let requiredSiteKeys: [(key: String, example: String)] = [
        ("title", "title: Example Co. Policies"),
        ("baseURL", "baseURL: https://policies.example.com/"),
        ("languages", "languages: [en]"),
    ]

    /// Reads site.yml, reporting every missing or invalid key at once, so one run shows the
    /// author everything to fix. Settings are returned only when there is no problem.
    static func siteSettings(_ text: String, file: String) -> (SiteSettings?, [Diagnostic]) {
        let reader = YAMLReader(file: file, firstLine: 1, code: .siteConfig, what: "site.yml")
        let mapping: Node.Mapping
        do throws(Diagnostic) {
            mapping = try reader.rootMapping(text)
        } catch {
            return (nil, [error])
        }
        var problems = reader.checkKeys(mapping, known: siteKeys, unknownCode: .siteConfig)
        /// Runs one key's reading; its problem is recorded and the others still run.
        func read<T>(_ body: () throws(Diagnostic) -> T) -> T? {
            do throws(Diagnostic) { return try body() } catch {
                problems.append(error)
                return nil
            }
        }
        for (key, example) in requiredSiteKeys where mapping[key] == nil {
            problems.append(.error(.siteConfig, "site.yml has no '\(key)'; add a line such as '\(example)'", at: SourceLocation(file: file, line: 1, column: 1)))
        }

        let languages = mapping["languages"].flatMap { node in read { () throws(Diagnostic) in try siteLanguages(node, reader: reader) } }
        let title = mapping["title"].flatMap { node in read { () throws(Diagnostic) in try reader.localizedText(node, key: "title", languages: languages) } }
        let baseURL = mapping["baseURL"].flatMap { node in
            read { () throws(Diagnostic) -> String in
                let baseURL = try reader.string(node, key: "baseURL")
                guard baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://"), !baseURL.contains(" ") else {
                    throw .error(.siteConfig, "baseURL '\(baseURL)' must be an absolute http(s) URL, like https://policies.example.com/", at: reader.location(node))
                }
                return baseURL
            }
        }
        var governing: LanguageTag?
        if let node = mapping["governingLanguage"] {
            governing = read { () throws(Diagnostic) -> LanguageTag in
                let raw = try reader.string(node, key: "governingLanguage")
                guard let language = LanguageTag(raw), languages?.contains(language) ?? true else {
                    throw .error(.siteConfig, "governingLanguage '\(raw)' is not one of the site's languages (\((languages ?? []).map(\.rawValue).joined(separator: ", ")))", at: reader.location(node))
                }
                return language
            }
        }
        let requiredIDs = mapping["required"].flatMap { node in read { () throws(Diagnostic) in try reader.sectionIDs(node, key: "required") } }
        let aliases = mapping["aliases"].flatMap { node in read { () throws(Diagnostic) in try sectionAliases(node, reader: reader, languages: languages) } }

        guard problems.isEmpty, let languages, let title, let baseURL else { return (nil, problems) }
        let settings = SiteSettings(title: title, baseURL: baseURL, languages: languages, governingLanguage: governing,
                                    required: requiredIDs ?? [], sectionAliases: aliases ?? [:])
        return (settings, [])
    }

    /// `languages: [en, zh-Hans]`: valid tags, each once, at least one.
    /// The most languages a site may list. Every page links to itself in every language (the
    /// switcher, hreflang alternates, the sitemap), so the site grows with the square of their
    /// number: 10,000 languages would mean 10^8 links per page kind and a sitemap of gigabytes.
    /// 200 is more than the 184 languages of ISO 639-1, and more than any policy site publishes.
    static let maximumLanguages = 200

    private static func siteLanguages(_ node: Node, reader: YAMLReader) throws(Diagnostic) -> [LanguageTag] {
        var languages: [LanguageTag] = []
        var seen = Set<LanguageTag>()
        let listed = try reader.strings(node, key: "languages")
        if listed.count > maximumLanguages {
            throw .error(.siteConfig, "site.yml lists \(listed.count) languages; policysite supports at most \(maximumLanguages), since every page links to every language and the site grows with the square of their number; list only the languages the policies are published in", at: reader.location(listed[maximumLanguages].1))
        }
        for (raw, item) in listed {
            guard let language = LanguageTag(raw) else {
                throw .error(.siteConfig, "'\(raw)' is not a BCP 47 language tag like en, zh-Hans or pt-BR", at: reader.location(item))
            }
            guard seen.insert(language).inserted else {
                throw .error(.siteConfig, "language '\(raw)' is listed twice; list each language once", at: reader.location(item))
            }
            languages.append(language)
        }
        guard !languages.isEmpty else {
            throw .error(.siteConfig, "'languages' is empty; list at least one language, the default first", at: reader.location(node))
        }
        return languages
    }

    /// `aliases: { contact: { en: [Contact us], zh-Hans: [联系我们] } }`: section id → language →
    /// heading texts (see `SiteSettings.sectionAliases`).
    private static func sectionAliases(_ node: Node, reader: YAMLReader, languages: [LanguageTag]?) throws(Diagnostic) -> [SectionID: [LanguageTag: [String]]] {
        let shape = "'aliases' maps section ids to languages to heading texts, like 'aliases: { contact: { en: [Contact us] } }'"
        guard let ids = node.mapping else { throw .error(.siteConfig, shape, at: reader.location(node)) }
        var result: [SectionID: [LanguageTag: [String]]] = [:]
        for (idNode, perLanguage) in ids {
            let rawID = try reader.string(idNode, key: "aliases")
            guard let id = SectionID(rawID) else {
                throw .error(.siteConfig, "'\(rawID)' in 'aliases' is not a section id; use letters, digits, '-' and '_'", at: reader.location(idNode))
            }
            guard let languageMap = perLanguage.mapping else { throw .error(.siteConfig, shape, at: reader.location(perLanguage)) }
            var texts: [LanguageTag: [String]] = [:]
            for (languageNode, listNode) in languageMap {
                let rawLanguage = try reader.string(languageNode, key: "aliases.\(rawID)")
                guard let language = LanguageTag(rawLanguage), languages?.contains(language) ?? true else {
                    throw .error(.siteConfig, "'aliases.\(rawID)' names language '\(rawLanguage)', which 'languages' does not list; add it there or remove it here", at: reader.location(languageNode))
                }
                texts[language] = try reader.strings(listNode, key: "aliases.\(rawID).\(rawLanguage)").map(\.0)
            }
            result[id] = texts
        }
        return result
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
