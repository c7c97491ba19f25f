/// UI strings for a language the repository's templates have no strings file for: the
/// English file with the language's own name. The benchmark measures building pages, not
/// translating their chrome, and a site must have strings for every language it lists.
enum DerivedStrings {
    /// `english` (the text of `strings/en.yml`) with `languageName` set to the language's name
    /// in itself and `languageNames` left out (the switcher then names every language in
    /// itself, which is what it shows for languages a file does not name).
    static func strings(for language: CorpusLanguage, derivedFrom english: String) -> String {
        var lines = ["# Derived from strings/en.yml by policysite's corpus generator: English text, \(language.tag)'s own name."]
        var skippingLanguageNames = false
        for line in english.split(separator: "\n", omittingEmptySubsequences: false) {
            // A block-style `languageNames:` map goes on in indented lines.
            if skippingLanguageNames, line.first == " " || line.first == "\t" { continue }
            skippingLanguageNames = false
            if line.hasPrefix("languageNames:") {
                skippingLanguageNames = true
            } else if line.hasPrefix("languageName:") {
                lines.append("languageName: \(language.nativeName)")
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }
}
