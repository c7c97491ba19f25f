import PolicyCore
import PolicyModel

/// Every document of the current version, of each upcoming version and every draft has each
/// required section id (site.yml's `required`, or the policy's own list in policy.yml).
/// Archived versions are immutable, so they are not held to a list that grew later.
///
/// Where exactly one heading without an id reads like the missing section ("Contact us" for
/// `contact`), the diagnostic points at it and says to add the id.
struct RequiredSectionsCheck: SiteCheck {
    let name = "required-sections"

    func check(_ input: ValidationInput) -> [Diagnostic] {
        let settings = input.site.settings
        let aliases = SectionAliases(site: settings)
        let requirements = SectionRequirements(input)
        var diagnostics: [Diagnostic] = []
        for policy in input.site.policies {
            let source = policy.settings.required == nil ? "site.yml" : "\(policy.slug)/policy.yml"
            for version in policy.versions {
                let reference = version.document(in: settings.defaultLanguage)
                for document in version.documents {
                    let required = requirements.required(of: document, in: version, of: policy)
                    guard !required.isEmpty else { continue }
                    diagnostics += missingSections(in: document, required: required, source: source, reference: reference, aliases: aliases)
                }
            }
        }
        return diagnostics
    }

    /// One diagnostic per required id the document lacks.
    private func missingSections(in document: PolicyDocument, required: [SectionID], source: String, reference: PolicyDocument?,
                                 aliases: SectionAliases) -> [Diagnostic] {
        let present = Set(document.sectionIDs)
        let missing = required.filter { !present.contains($0) }
        return missing.map { id in
            var related: [RelatedLocation] = []
            let message: String
            if let reference, reference.language != document.language, let original = reference.headings.first(where: { $0.id == id }) {
                message = "missing required section '\(id)', which the \(reference.language) text of this version has; translate that section here and end its heading with {#\(id)}"
                related.append(RelatedLocation("the \(reference.language) section '\(id)' is here", at: reference.location(of: original.position)))
            } else {
                message = "missing required section '\(id)' (\(source) requires it); add a section whose heading ends with {#\(id)}"
            }
            if let heading = suggestedHeading(for: id, in: document, missing: missing, aliases: aliases) {
                related.append(RelatedLocation("this heading looks like the '\(id)' section; end it with {#\(id)}", at: document.location(of: heading.position)))
            }
            // `{#Contact}` or `{#contcat}` is a valid id, and a different one from `contact`: say
            // so where the author wrote it, or the error reads as if the section were not there
            // at all. The ids that are not required are the candidates (`NameSuggestion`).
            let unrequired = document.headings.compactMap(\.id).filter { !required.contains($0) }.map(\.rawValue)
            if let close = NameSuggestion.closest(to: id.rawValue, among: unrequired),
               let heading = document.headings.first(where: { $0.id?.rawValue == close }) {
                let why = close.lowercased() == id.rawValue.lowercased()
                    ? "section id '\(close)' differs from the required '\(id)' only by case; ids are case-sensitive: write {#\(id)}"
                    : "section id '\(close)' is not required and looks like the required '\(id)'; did you mean {#\(id)}?"
                related.append(RelatedLocation(why, at: document.location(of: heading.position)))
            }
            return .error(.missingSection, message, at: document.start, related: related)
        }
    }

    /// The one heading without an id whose whole text is a name of `id`; nil when there is none,
    /// when several headings match, or when the heading also reads like another missing section.
    private func suggestedHeading(for id: SectionID, in document: PolicyDocument, missing: [SectionID], aliases: SectionAliases) -> Heading? {
        let candidates = document.headings.filter { heading in
            guard heading.id == nil else { return false }
            let text = HeadingText.normalize(heading.plainText)
            return aliases.heading(normalized: text, names: id, in: document.language)
                && !missing.contains { $0 != id && aliases.heading(normalized: text, names: $0, in: document.language) }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}

/// Which section ids a document must have: its policy's `required` list (policy.yml's, else
/// site.yml's) when it is a draft, or when its version is current, upcoming or a draft on the
/// published timeline (`PolicyTimeline`); nothing for an archived version, which is immutable.
struct SectionRequirements {
    private let settings: SiteSettings
    /// Per policy, the dates of its versions that are not archived.
    private let heldDates: [PolicySlug: Set<CalendarDate>]

    init(_ input: ValidationInput) {
        settings = input.site.settings
        var heldDates: [PolicySlug: Set<CalendarDate>] = [:]
        for policy in input.site.policies {
            let timeline = PolicyTimeline(policy: policy, asOf: input.asOf)
            heldDates[policy.slug] = Set(timeline.entries.filter { $0.status != .archived }.map(\.effective))
        }
        self.heldDates = heldDates
    }

    func required(of document: PolicyDocument, in version: PolicyVersion, of policy: Policy) -> [SectionID] {
        let held = document.frontMatter.draft || isHeld(version, of: policy)
        return held ? policy.settings.required ?? settings.required : []
    }

    /// Whether the version is not archived on the published timeline, so its texts must have
    /// the required sections.
    func isHeld(_ version: PolicyVersion, of policy: Policy) -> Bool {
        heldDates[policy.slug]?.contains(version.effective) == true
    }
}
