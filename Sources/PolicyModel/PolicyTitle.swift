/// The title of a policy on a page in one language, and where it comes from: the one rule the
/// pages (version, change, versions index, language home), the feeds and the `missing-title`
/// check share, so the check warns exactly where a page shows a title in another language.
public struct PolicyTitle: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The front matter `title` of the text shown, which is in the page's language.
        case ownText
        /// policy.yml's `title`: for this language, for another (the first the site's order
        /// falls back to), or, with nil, one string for every language.
        case policySettings(LanguageTag?)
        /// The front matter `title` of the text shown in the page's place, in another language.
        case shownText(LanguageTag)
        /// Nothing gives a title: the policy's folder name.
        case folderName
    }

    public var text: String
    public var source: Source

    /// Whether a reader of `language` gets a title written for them (or for every language).
    public func isOwn(for language: LanguageTag) -> Bool {
        switch source {
        case .ownText, .policySettings(nil): true
        case .policySettings(let other?): other == language
        case .shownText, .folderName: false
        }
    }
}

extension LocalizedText {
    /// The text for `language`, else for the first of `fallbacks` that has one, with the
    /// language it is for (nil when one text serves every language).
    public func match(for language: LanguageTag, fallbacks: [LanguageTag] = []) -> (text: String, language: LanguageTag?)? {
        switch storage {
        case .everyLanguage(let text):
            return (text, nil)
        case .perLanguage(let texts):
            for candidate in [language] + fallbacks {
                if let text = texts[candidate] { return (text, candidate) }
            }
            return nil
        }
    }
}

extension Policy {
    /// The title of this policy on a page in `language` that shows `document` (the text
    /// `shownDocument` picks, nil where there is none): the text's own front matter title when
    /// the text is in that language, else policy.yml's title for the language or the first of
    /// its fallbacks, else the shown text's title in its own language, else the folder name.
    public func title(in language: LanguageTag, showing document: PolicyDocument?, settings: SiteSettings) -> PolicyTitle {
        if let document, document.language == language, let title = document.frontMatter.title {
            return PolicyTitle(text: title, source: .ownText)
        }
        if let match = self.settings.title?.match(for: language, fallbacks: settings.fallbacks(for: language)) {
            return PolicyTitle(text: match.text, source: .policySettings(match.language))
        }
        if let document, let title = document.frontMatter.title {
            return PolicyTitle(text: title, source: .shownText(document.language))
        }
        return PolicyTitle(text: slug.rawValue, source: .folderName)
    }
}
