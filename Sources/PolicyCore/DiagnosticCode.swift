/// What kind of problem a diagnostic reports; its name is printed in brackets, e.g. `[not-a-date]`,
/// and its category decides the exit status. The names are stable: CI scripts match them.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    public enum Category: Sendable, Hashable {
        /// The content failed a check: exit status 1.
        case content
        /// Configuration (site.yml, templates) or input/output failed: exit status 2.
        case configuration
    }

    public let name: String
    public let category: Category

    public init(_ name: String, _ category: Category) {
        self.name = name
        self.category = category
    }

    public var description: String { name }
}

// Content problems (exit 1 when errors; warnings only with --strict; notes never).
extension DiagnosticCode {
    // Files and folders.
    public static let encoding = DiagnosticCode("encoding", .content)
    public static let emptyFile = DiagnosticCode("empty-file", .content)
    public static let symlink = DiagnosticCode("symlink", .content)
    public static let unexpectedFile = DiagnosticCode("unexpected-file", .content)
    public static let badSlug = DiagnosticCode("bad-slug", .content)
    public static let notADate = DiagnosticCode("not-a-date", .content)
    public static let unknownLanguage = DiagnosticCode("unknown-language", .content)
    public static let noVersions = DiagnosticCode("no-versions", .content)
    public static let missingDefaultLanguage = DiagnosticCode("missing-default-language", .content)
    // Front matter.
    public static let frontMatter = DiagnosticCode("front-matter", .content)
    public static let unknownKey = DiagnosticCode("unknown-key", .content)
    public static let missingSummary = DiagnosticCode("missing-summary", .content)
    public static let missingTitle = DiagnosticCode("missing-title", .content)
    // Sections and links.
    public static let missingSection = DiagnosticCode("missing-section", .content)
    public static let duplicateID = DiagnosticCode("duplicate-id", .content)
    public static let invalidID = DiagnosticCode("invalid-id", .content)
    public static let emptySection = DiagnosticCode("empty-section", .content)
    public static let emptyHeading = DiagnosticCode("empty-heading", .content)
    public static let emptyLink = DiagnosticCode("empty-link", .content)
    public static let brokenLink = DiagnosticCode("broken-link", .content)
    // Translations.
    public static let translationParity = DiagnosticCode("translation-parity", .content)
    public static let missingTranslation = DiagnosticCode("missing-translation", .content)
    public static let staleTranslation = DiagnosticCode("stale-translation", .content)
    // Content that safe mode or CommonMark would silently drop.
    public static let rawHTML = DiagnosticCode("raw-html", .content)
    public static let unsafeLink = DiagnosticCode("unsafe-link", .content)
    public static let tableSyntax = DiagnosticCode("table-syntax", .content)
    public static let nestingTooDeep = DiagnosticCode("nesting-too-deep", .content)
    // Published versions (Content/published.lock).
    public static let publishedChanged = DiagnosticCode("published-changed", .content)
    public static let publishedMissing = DiagnosticCode("published-missing", .content)
    /// A published version missing from an existing published.lock (a warning).
    public static let unlocked = DiagnosticCode("unlocked", .content)
}

// Configuration and I/O problems (exit 2).
extension DiagnosticCode {
    public static let siteConfig = DiagnosticCode("site-config", .configuration)
    public static let policyConfig = DiagnosticCode("policy-config", .configuration)
    public static let publishedLock = DiagnosticCode("published-lock", .configuration)
    public static let template = DiagnosticCode("template", .configuration)
    /// A site language whose interface strings are missing or incomplete (a warning).
    public static let uiStrings = DiagnosticCode("ui-strings", .configuration)
    /// A file of the theme's `static/` whose path a generated file also takes.
    public static let staticClash = DiagnosticCode("static-clash", .configuration)
    public static let unreadable = DiagnosticCode("unreadable", .configuration)
    public static let output = DiagnosticCode("output", .configuration)
}
