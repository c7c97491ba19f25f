import PolicyCore
import PolicyModel

/// Translations against the default language's text of the same version:
/// - `translation-parity` (warning): the section ids differ: missing, extra, or in another order;
/// - `missing-translation` (note): a site language has no file for the version, so its pages
///   show another language's text with a notice.
struct TranslationCheck: UnitCheck {
    let name = "translations"
    /// Beyond this many unknown ids in one translation, they are reported together.
    static let extraIDsListedOneByOne = 3

    /// A version with what decides which sections its texts must have.
    struct VersionTexts: Sendable {
        var policy: Int
        var version: Int
        /// Whether the policy's required sections hold for this version (current, upcoming); a
        /// draft text is always held to them.
        var held: Bool
    }

    /// Each version on its own.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: VersionTexts)] {
        let settings = input.site.settings
        let requirements = SectionRequirements(input)
        return input.site.policies.enumerated().flatMap { index, policy in
            let required = policy.settings.required ?? settings.required
            return policy.versions.enumerated().map { versionIndex, version in
                let held = requirements.isHeld(version, of: policy)
                let key = input.unitKey(version.documents.map { (version.effective, $0, policy.slug) }, flags: [held],
                                        context: required.map(\.rawValue.hashValue))
                return (key, VersionTexts(policy: index, version: versionIndex, held: held))
            }
        }
    }

    func problems(in unit: VersionTexts, of input: ValidationInput) -> [Diagnostic] {
        let settings = input.site.settings
        let policy = input.site.policies[unit.policy]
        let version = policy.versions[unit.version]
        let required = policy.settings.required ?? settings.required
        // A version without the default language's file is reported by the parser.
        guard let reference = version.document(in: settings.defaultLanguage) else { return [] }
        var diagnostics: [Diagnostic] = []
        for translation in version.documents where translation.language != settings.defaultLanguage {
            // A missing required section is already an error (missing-section): not repeated here.
            let reported = Set(unit.held || translation.frontMatter.draft ? required : [])
            diagnostics += parityProblems(translation, reference: reference, alreadyReported: reported)
        }
        for language in settings.languages where version.document(in: language) == nil {
            let shown = version.shownDocument(in: language, settings: settings)?.language ?? settings.defaultLanguage
            diagnostics.append(.note(.missingTranslation, "this version has no \(language) text (\(language).md); its \(language) pages show the \(shown) text with a notice saying so; add \(language).md to translate it", at: SourceLocation(file: reference.versionFolder)))
        }
        return diagnostics
    }

    private func parityProblems(_ translation: PolicyDocument, reference: PolicyDocument, alreadyReported: Set<SectionID>) -> [Diagnostic] {
        let language = reference.language
        let expected = reference.sectionIDs
        let expectedSet = Set(expected)
        let actual = translation.sectionIDs
        let actualSet = Set(actual)
        var diagnostics: [Diagnostic] = []

        let missing = expected.filter { !actualSet.contains($0) && !alreadyReported.contains($0) }
        if let first = missing.first, let heading = reference.headings.first(where: { $0.id == first }) {
            let names = listed(missing.map { "'\($0)'" })
            let noun = missing.count == 1 ? "section" : "sections"
            diagnostics.append(.warning(.translationParity, "this translation lacks the \(noun) \(names) of the \(language) text of this version; translate \(missing.count == 1 ? "it" : "them") and end \(missing.count == 1 ? "its heading" : "their headings") with the same {#id}", at: translation.start,
                                        related: [RelatedLocation("the \(language) section '\(first)' is here", at: reference.location(of: heading.position))]))
        }
        let extra = translation.headings.filter { heading in heading.id.map { !expectedSet.contains($0) } ?? false }
        if extra.count > Self.extraIDsListedOneByOne, let first = extra.first {
            // A translation that lags a whole rewrite: one warning, not one per heading.
            let names = listed(extra.compactMap(\.id).map { "'\($0)'" })
            diagnostics.append(.warning(.translationParity, "\(extra.count) section ids of this translation are not in the \(language) text of this version (\(names)); it may translate an earlier version: bring it up to date with the \(language) text", at: translation.location(of: first.position)))
        } else {
            for heading in extra {
                guard let id = heading.id else { continue }
                diagnostics.append(.warning(.translationParity, "section id '\(id)' is not in the \(language) text of this version; give this section the id its \(language) counterpart has, or add the section to the \(language) text", at: translation.location(of: heading.position)))
            }
        }
        // Order: the ids both texts have, compared in sequence; reported at the first that is out of place.
        let sharedHere = actual.filter { expectedSet.contains($0) }
        let sharedThere = expected.filter { actualSet.contains($0) }
        if let index = sharedHere.indices.first(where: { sharedHere[$0] != sharedThere[$0] }),
           let heading = translation.headings.first(where: { $0.id == sharedHere[index] }) {
            diagnostics.append(.warning(.translationParity, "sections are in a different order from the \(language) text: '\(sharedHere[index])' is where the \(language) text has '\(sharedThere[index])'; order them as in \(language): \(listed(sharedThere.map(\.rawValue)))", at: translation.location(of: heading.position)))
        }
        return diagnostics
    }
}
