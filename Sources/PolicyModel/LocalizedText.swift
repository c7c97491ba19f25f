/// Text given once for all languages, or per language (`title: { en: ..., ar: ... }`).
public struct LocalizedText: Sendable, Hashable {
    public enum Storage: Sendable, Hashable {
        case everyLanguage(String)
        case perLanguage([LanguageTag: String])
    }

    public var storage: Storage

    public init(_ text: String) { storage = .everyLanguage(text) }
    public init(perLanguage: [LanguageTag: String]) { storage = .perLanguage(perLanguage) }

    /// The text for `language`, else for the first of `fallbacks` that has one.
    public func text(for language: LanguageTag, fallbacks: [LanguageTag] = []) -> String? {
        switch storage {
        case .everyLanguage(let text):
            return text
        case .perLanguage(let texts):
            for candidate in [language] + fallbacks {
                if let text = texts[candidate] { return text }
            }
            return nil
        }
    }
}
