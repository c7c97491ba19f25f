/// The two texts a change page compares, and `diff` with it: the one rule both follow, so the
/// page and the command always show the same comparison.
public struct ComparedTexts: Sendable, Equatable {
    /// The older version's text.
    public var old: PolicyDocument
    /// The newer version's text.
    public var new: PolicyDocument
    /// The language of the reader's page (or the language `diff --lang` asked for).
    public var reader: LanguageTag

    public init(old: PolicyDocument, new: PolicyDocument, reader: LanguageTag) {
        self.old = old
        self.new = new
        self.reader = reader
    }

    /// True when both texts are in the reader's language: no notice is needed.
    public var isInReadersLanguage: Bool { old.language == reader && new.language == reader }

    /// The language both texts are in, nil only when no language has both versions.
    public var language: LanguageTag? { old.language == new.language ? old.language : nil }
}

extension SiteSettings {
    /// The languages whose texts a change page in `reader` compares, in the order tried: the
    /// reader's own, then the default language, then the governing language, then the other
    /// site languages in site.yml's order. The first that has both versions is compared.
    public func comparisonOrder(for reader: LanguageTag) -> [LanguageTag] {
        var order: [LanguageTag] = []
        for language in [reader, defaultLanguage] + (governingLanguage.map { [$0] } ?? []) + languages where !order.contains(language) {
            order.append(language)
        }
        return order
    }

    /// What a change page in `reader`'s language (and `diff --lang reader`) compares between
    /// `old` and `new`: the two texts of one language, so every word that differs is a change
    /// and not a translation. Where the reader's language lacks either version, the texts of the
    /// first language of `comparisonOrder(for:)` that has both; only when no language has both
    /// (a site that fails `check`), the texts the two version pages show. Nil only for a version
    /// without any text.
    public func comparedTexts(old: PolicyVersion, new: PolicyVersion, for reader: LanguageTag) -> ComparedTexts? {
        for language in comparisonOrder(for: reader) {
            if let oldText = old.document(in: language), let newText = new.document(in: language) {
                return ComparedTexts(old: oldText, new: newText, reader: reader)
            }
        }
        guard let oldText = old.shownDocument(in: reader, settings: self), let newText = new.shownDocument(in: reader, settings: self) else { return nil }
        return ComparedTexts(old: oldText, new: newText, reader: reader)
    }
}
