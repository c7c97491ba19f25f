/// The policies a generated site can hold, and the section ids they are made of.
public struct PolicyCatalog: Sendable {
    public struct Entry: Sendable, Equatable {
        public let slug: String
        public let englishTitle: String
        /// Sections every version must have; nil when the site's list applies.
        public let ownRequired: [String]?
    }

    /// What site.yml requires: present in every version of a policy without its own list.
    public static let siteRequired = ["scope", "collection", "use", "sharing", "retention", "security", "rights", "changes", "contact"]

    /// Ids of sections that versions add and remove over time; never required, so removing
    /// one never breaks a check, and never linked to from another policy.
    static let optionalIDs = [
        "definitions", "cookies", "transfers", "children", "automated-decisions", "marketing", "third-parties",
        "payments", "accounts", "user-content", "termination", "disputes", "liability", "warranties", "governing-law",
        "export-controls", "accessibility", "research", "integrations", "beta-features", "regional-terms", "complaints",
    ]

    public static let entries: [Entry] = [
        Entry(slug: "privacy", englishTitle: "Privacy Policy", ownRequired: nil),
        Entry(slug: "cookies", englishTitle: "Cookie Policy", ownRequired: ["scope", "use", "sharing", "retention", "choices", "changes", "contact"]),
        Entry(slug: "terms", englishTitle: "Terms of Service", ownRequired: ["scope", "accounts-and-access", "use", "fees", "liability-limits", "changes", "contact"]),
        Entry(slug: "acceptable-use", englishTitle: "Acceptable Use Policy", ownRequired: nil),
        Entry(slug: "data-processing", englishTitle: "Data Processing Addendum", ownRequired: nil),
        Entry(slug: "security", englishTitle: "Security Statement", ownRequired: ["scope", "security", "incidents", "changes", "contact"]),
        Entry(slug: "accessibility", englishTitle: "Accessibility Statement", ownRequired: nil),
        Entry(slug: "refunds", englishTitle: "Refund Policy", ownRequired: nil),
        Entry(slug: "community", englishTitle: "Community Guidelines", ownRequired: nil),
        Entry(slug: "copyright", englishTitle: "Copyright Policy", ownRequired: nil),
        Entry(slug: "subprocessors", englishTitle: "Subprocessor List", ownRequired: nil),
        Entry(slug: "law-enforcement", englishTitle: "Law Enforcement Guidelines", ownRequired: nil),
        Entry(slug: "children", englishTitle: "Children's Privacy Notice", ownRequired: nil),
        Entry(slug: "marketing", englishTitle: "Marketing Preferences", ownRequired: nil),
        Entry(slug: "retention", englishTitle: "Data Retention Schedule", ownRequired: nil),
        Entry(slug: "ai-features", englishTitle: "AI Features Policy", ownRequired: nil),
        Entry(slug: "developer-terms", englishTitle: "Developer Terms", ownRequired: nil),
        Entry(slug: "payments", englishTitle: "Payment Terms", ownRequired: nil),
        Entry(slug: "service-levels", englishTitle: "Service Level Agreement", ownRequired: nil),
        Entry(slug: "trademarks", englishTitle: "Trademark Guidelines", ownRequired: nil),
    ]

    public static var maximum: Int { entries.count }
}

extension PolicyCatalog.Entry {
    /// The ids every version of this policy has.
    public var required: [String] { ownRequired ?? PolicyCatalog.siteRequired }
}
