/// `Content/site.yml`.
public struct SiteSettings: Sendable, Hashable {
    public var title: LocalizedText
    /// Always ends with `/`.
    public var baseURL: String
    /// Display order; the first is the default language.
    public var languages: [LanguageTag]
    /// The text that prevails if translations differ, when set.
    public var governingLanguage: LanguageTag?
    public var required: [SectionID]
    /// Optional `aliases`: the heading texts, per section id and language, that suggest a
    /// missing required section. In site.yml:
    ///
    /// ```yaml
    /// aliases:
    ///   contact: { en: [Contact us, Reach us], zh-Hans: [联系我们] }
    ///   complaints: { en: [Complaints] }
    /// ```
    ///
    /// A list given here replaces the built-in list for that id and language (an empty list
    /// turns suggestions off for it); ids and languages not given keep the built-in lists.
    public var sectionAliases: [SectionID: [LanguageTag: [String]]]

    public init(title: LocalizedText, baseURL: String, languages: [LanguageTag], governingLanguage: LanguageTag?, required: [SectionID],
                sectionAliases: [SectionID: [LanguageTag: [String]]] = [:]) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.languages = languages
        self.governingLanguage = governingLanguage
        self.required = required
        self.sectionAliases = sectionAliases
    }

    /// The first language listed.
    public var defaultLanguage: LanguageTag { languages[0] }

    /// The languages to fall back on for `language`: the default language, then the others in order.
    public func fallbacks(for language: LanguageTag) -> [LanguageTag] {
        languages.filter { $0 != language }
    }
}

/// `Content/<policy>/policy.yml`, all of it optional.
public struct PolicySettings: Sendable, Hashable {
    public var title: LocalizedText?
    /// Replaces the site's `required` for this policy when present.
    public var required: [SectionID]?

    public init(title: LocalizedText? = nil, required: [SectionID]? = nil) {
        self.title = title
        self.required = required
    }
}

/// The YAML front matter of a version file.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    /// What changed, for readers.
    public var summary: String?
    /// A material change that readers must be told about.
    public var material: Bool
    /// Built only by `serve` and `build --drafts`.
    public var draft: Bool

    public init(title: String? = nil, summary: String? = nil, material: Bool = false, draft: Bool = false) {
        self.title = title
        self.summary = summary
        self.material = material
        self.draft = draft
    }

    /// The keys a version file may set.
    public static let knownKeys = ["title", "summary", "material", "draft"]
}
