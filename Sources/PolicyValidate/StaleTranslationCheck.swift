import PolicyChanges
import PolicyCore
import PolicyModel

/// `stale-translation` (warning): between two consecutive versions A and B of a policy, a
/// top-level section whose words changed in the default language but which is the same in a
/// translation that exists in both, so the translation was probably not updated.
///
/// - Sections are matched by `{#id}` (anchors differ from language to language); the text
///   before the first heading counts as the section `""`. Formatting-only changes in the
///   default language do not count; "the same" in the translation means the same on the page
///   (whitespace and list markers aside), as `SectionSimilarity` compares them.
/// - Only where B is not archived on the published timeline (`PolicyTimeline`: current,
///   upcoming or a draft), or for a draft text: an archived version is permanent (it may be in
///   published.lock), so a warning about it could never be acted on. `missing-section` reads
///   the same timeline, so a draft-only version never archives the version in force.
struct StaleTranslationCheck: UnitCheck {
    let name = "stale-translations"

    /// Versions `after - 1` and `after` of a policy.
    struct VersionPair: Sendable {
        var policy: Int
        var after: Int
        var archived: Bool
    }

    /// Each pair of consecutive versions of a policy, compared on its own.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: VersionPair)] {
        var pairs: [(key: CheckUnitKey, unit: VersionPair)] = []
        // The required-sections check's rule for which versions are archived.
        let requirements = SectionRequirements(input)
        for (index, policy) in input.site.policies.enumerated() {
            for after in policy.versions.indices.dropFirst() {
                let (before, version) = (policy.versions[after - 1], policy.versions[after])
                let archived = !requirements.isHeld(version, of: policy)
                let documents = before.documents.map { (before.effective, $0, policy.slug) } + version.documents.map { (version.effective, $0, policy.slug) }
                pairs.append((input.unitKey(documents, flags: [archived]), VersionPair(policy: index, after: after, archived: archived)))
            }
        }
        return pairs
    }

    func problems(in pair: VersionPair, of input: ValidationInput) -> [Diagnostic] {
        let versions = input.site.policies[pair.policy].versions
        return staleSections(from: versions[pair.after - 1], to: versions[pair.after], archived: pair.archived, settings: input.site.settings)
    }

    private func staleSections(from before: PolicyVersion, to after: PolicyVersion, archived: Bool, settings: SiteSettings) -> [Diagnostic] {
        let defaultLanguage = settings.defaultLanguage
        // A version without the default language's file is reported by the parser.
        guard let referenceBefore = before.document(in: defaultLanguage), let referenceAfter = after.document(in: defaultLanguage) else { return [] }
        let translations = after.documents.filter { $0.language != defaultLanguage && (!archived || $0.frontMatter.draft) }
        guard !translations.isEmpty else { return [] }
        let referenceSections = DocumentSection.split(referenceAfter)
        let reworded = SectionSimilarity.compare(old: referenceBefore, new: referenceAfter).filter { $0.value == .wordsChanged }
        // In the default language's order; only ids (and the text before the first heading) match across languages.
        let changed = referenceSections.filter { reworded[$0.key] != nil && ($0.heading?.id != nil || $0.heading == nil) }
        guard !changed.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        for translation in translations {
            // A translation's change page compares its own two texts only where it has both
            // (`comparedTexts`, the change pages' rule): only there can it show as unchanged a
            // section the default language changed. Elsewhere it compares the default language.
            guard let compared = settings.comparedTexts(old: before, new: after, for: translation.language), compared.isInReadersLanguage else { continue }
            let same = SectionSimilarity.compare(old: compared.old, new: translation)
            let sections = DocumentSection.split(translation)
            for section in changed where same[section.key] == .identical {
                guard let stale = sections.first(where: { $0.key == section.key }) else { continue }
                diagnostics.append(diagnostic(section: section, stale: stale, in: translation, reference: referenceAfter, from: before.effective, to: after.effective))
            }
        }
        return diagnostics
    }

    private func diagnostic(section: DocumentSection, stale: DocumentSection, in translation: PolicyDocument, reference: PolicyDocument,
                            from: CalendarDate, to: CalendarDate) -> Diagnostic {
        let language = reference.language
        let fileName = translation.file.split(separator: "/").last.map(String.init) ?? translation.file
        let what = section.key.isEmpty ? "the text before the first heading" : "section '\(section.key)'"
        let location = stale.position.map(translation.location(of:)) ?? translation.start
        var related: [RelatedLocation] = []
        if let position = section.position {
            related.append(RelatedLocation("the changed \(language) text of \(to) is here", at: reference.location(of: position)))
        }
        return .warning(.staleTranslation, "\(what) changed in \(language) between \(from) and \(to) but \(fileName) has the same text in both; update the translation", at: location, related: related)
    }
}
