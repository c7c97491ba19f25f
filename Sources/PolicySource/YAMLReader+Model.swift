import PolicyCore
import PolicyModel
import Yams

/// Reading the model's own value types (section ids, per-language text) from YAML nodes.
extension YAMLReader {
    func sectionIDs(_ node: Node, key: String) throws(Diagnostic) -> [SectionID] {
        var result: [SectionID] = []
        for (text, item) in try strings(node, key: key) {
            guard let id = SectionID(text) else {
                throw .error(code, "'\(text)' in '\(key)' is not a section id; use letters, digits, '-' and '_'", at: location(item))
            }
            result.append(id)
        }
        return result
    }

    /// Text for every language (`title: Terms`) or per language (`title: { en: Terms, ar: ... }`).
    func localizedText(_ node: Node, key: String, languages: [LanguageTag]?) throws(Diagnostic) -> LocalizedText {
        if let scalar = node.scalar { return LocalizedText(scalar.string) }
        guard let mapping = node.mapping else {
            throw .error(code, "'\(key)' must be text, or a map from language to text", at: location(node))
        }
        var texts: [LanguageTag: String] = [:]
        for (languageNode, textNode) in mapping {
            let raw = try string(languageNode, key: key)
            guard let language = LanguageTag(raw) else {
                throw .error(code, "'\(raw)' in '\(key)' is not a language tag like en or zh-Hans", at: location(languageNode))
            }
            if let languages, !languages.contains(language) {
                throw .error(code, "'\(key)' names language '\(raw)', which site.yml does not list; add it to 'languages' or remove it here", at: location(languageNode))
            }
            texts[language] = try string(textNode, key: "\(key).\(raw)")
        }
        return LocalizedText(perLanguage: texts)
    }
}
