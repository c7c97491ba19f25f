import PolicyModel

/// How a section compares between two versions, without a diff: a cheap comparison of
/// canonical forms, for checks that only need to know whether text changed.
public enum SectionSimilarity: Sendable, Hashable {
    /// The same on the page (whitespace and list markers aside).
    case identical
    /// The same words and punctuation, other formatting.
    case formattingOnly
    /// Other words.
    case wordsChanged

    /// The sections present in both documents, by key (`DocumentSection.key`), and how each
    /// compares. Linear in the documents' size.
    public static func compare(old: PolicyDocument, new: PolicyDocument) -> [String: SectionSimilarity] {
        var vocabulary = Vocabulary()
        var oldSections: [String: DocumentSection] = [:]
        for section in DocumentSection.split(old) where oldSections[section.key] == nil {
            oldSections[section.key] = section
        }
        var result: [String: SectionSimilarity] = [:]
        for section in DocumentSection.split(new) where result[section.key] == nil {
            guard let oldSection = oldSections[section.key] else { continue }
            // Most sections are unchanged: no forms needed for those.
            if oldSection.isWrittenTheSame(as: section) {
                result[section.key] = .identical
                continue
            }
            let oldForm = SectionForm(oldSection, vocabulary: &vocabulary)
            let newForm = SectionForm(section, vocabulary: &vocabulary)
            if oldForm.looksSame(as: newForm) {
                result[section.key] = .identical
            } else if oldForm.hasSameWords(as: newForm) {
                result[section.key] = .formattingOnly
            } else {
                result[section.key] = .wordsChanged
            }
        }
        return result
    }
}
