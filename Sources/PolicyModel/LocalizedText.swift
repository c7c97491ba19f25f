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
        match(for: language, fallbacks: fallbacks)?.text
    }
}
