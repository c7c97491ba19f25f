import PolicyCore

/// The contract's JSON for `diff --format json`:
///
/// ```
/// {"policy": "privacy", "lang": "en", "from": "2024-03-01", "to": "2025-09-01", "sections": [
///   {"id": "collection", "status": "changed", "headingChanged": false, "wordsInserted": 4, "wordsDeleted": 4}
/// ]}
/// ```
///
/// Exactly these keys, in this order. `status` is the section's `SectionStatus`: a section
/// that only moved is `unchanged` (the contract allows no other key; the text output and change
/// pages say it moved), and one whose only change is formatting is `changed` with 0 words.
public enum ChangeJSON {
    public static func render(_ diff: VersionDiff, policy: String, language: String, from: String, to: String) -> String {
        let sections = diff.sections.map { section in
            "  {\"id\": \(string(section.id)), \"status\": \(string(section.status.rawValue)), \"headingChanged\": \(section.headingChanged), \"wordsInserted\": \(section.wordsInserted), \"wordsDeleted\": \(section.wordsDeleted)}"
        }
        let head = "{\"policy\": \(string(policy)), \"lang\": \(string(language)), \"from\": \(string(from)), \"to\": \(string(to)), \"sections\": ["
        return sections.isEmpty ? head + "]}\n" : head + "\n" + sections.joined(separator: ",\n") + "\n]}\n"
    }

    private static func string(_ value: String) -> String { JSONString.literal(value) }
}
