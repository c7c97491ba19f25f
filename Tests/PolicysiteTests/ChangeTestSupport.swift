import PolicyChanges
import PolicyCore
import PolicyMarkdown
import PolicyModel
import PolicySource

/// Builds policy documents from Markdown, as the parser would, for comparing versions.
enum ChangeFixture {
    static func document(_ markdown: String, language: String = "en", date: String = "2024-01-01") -> PolicyDocument {
        let body = MarkdownParser.parse(markdown)
        let file = "Content/terms/\(date)/\(language).md"
        let outline = OutlineExtractor.extract(body) { SourceLocation(file: file, line: $0.line, column: $0.column) }
        return PolicyDocument(language: LanguageTag(language)!, file: file, frontMatter: FrontMatter(), body: body,
                              headings: outline.headings, bodyStartLine: 1, source: Array(markdown.utf8))
    }

    static func diff(_ old: String, _ new: String, language: String = "en", budget: DiffBudget = .standard) -> VersionDiff {
        VersionDiff.compare(old: document(old, language: language), new: document(new, language: language, date: "2025-01-01"), budget: budget)
    }

    /// The terminal text of a diff, without colour: compact and exact for assertions.
    static func text(_ old: String, _ new: String, language: String = "en") -> String {
        ChangeText().render(diff(old, new, language: language))
    }

    /// One line per section: key, status, flags and word counts.
    static func summary(_ diff: VersionDiff) -> [String] {
        diff.sections.map { section in
            var flags = ""
            if section.headingChanged { flags += " renamed" }
            if section.moved { flags += " moved" }
            if section.formattingOnly { flags += " formatting" }
            return "\(section.id) \(section.status.rawValue)\(flags) +\(section.wordsInserted) -\(section.wordsDeleted)"
        }
    }

    /// Whether every tag opened in `html` is closed in order (void elements aside), and no tag
    /// is malformed.
    static func isWellFormed(_ html: String) -> Bool {
        var open: [Substring] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            guard let end = rest[start...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: start)..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!--") { continue }
            let name = tag.prefix { $0 != " " && $0 != ">" }
            if name.hasPrefix("/") {
                guard open.popLast() == name.dropFirst() else { return false }
            } else if !["img", "br", "hr"].contains(name) {
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) else { return false }
                open.append(name)
            }
        }
        return open.isEmpty
    }
}
