import PolicyCore

/// Where a version file lives, relative to `Content/`: `<policy>/<YYYY-MM-DD>/<lang>.md`.
/// The key of `published.lock`: only such paths can be published.
public struct VersionFilePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let slug: PolicySlug
    public let effective: CalendarDate
    public let language: LanguageTag

    public init(slug: PolicySlug, effective: CalendarDate, language: LanguageTag) {
        self.slug = slug
        self.effective = effective
        self.language = language
    }

    /// Parses exactly three `/`-separated parts: a policy slug, a date, a language tag + `.md`.
    public init?(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasSuffix(".md"),
              let slug = PolicySlug(String(parts[0])),
              let effective = CalendarDate(iso: String(parts[1])),
              let language = LanguageTag(String(parts[2].dropLast(3)))
        else { return nil }
        self.init(slug: slug, effective: effective, language: language)
    }

    /// `privacy/2024-03-01/en.md`.
    public var description: String { "\(versionFolder)/\(language).md" }

    /// `privacy/2024-03-01`: the folder of the version the file belongs to.
    public var versionFolder: String { "\(slug)/\(effective)" }

    /// By policy, then date, then language: the order of `published.lock`.
    public static func < (lhs: VersionFilePath, rhs: VersionFilePath) -> Bool {
        (lhs.slug, lhs.effective, lhs.language) < (rhs.slug, rhs.effective, rhs.language)
    }
}
