import PolicyCore
import PolicyMarkdown
import PolicyModel

/// A section heading followed directly by a heading of the same or a higher level, or by the
/// end of the document: the reader finds a title with nothing under it (`empty-section`).
struct EmptySectionCheck: UnitCheck {
    let name = "empty-sections"

    /// Each document on its own.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: DocumentIndex)] {
        input.documentUnits()
    }

    func problems(in unit: DocumentIndex, of input: ValidationInput) -> [Diagnostic] {
        let document = unit.document(in: input.site)
        let blocks = document.body.blocks
        var headings: [MarkdownPosition: Heading] = [:]
        for heading in document.headings { headings[heading.position] = heading }
        var diagnostics: [Diagnostic] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level, _) = block.kind else { continue }
            let heading = headings[block.position]
            let name = heading?.id.map { "'\($0)'" } ?? "'\(shortened(heading?.plainText ?? ""))'"
            let followedBy: String
            if index + 1 == blocks.count {
                followedBy = "the document ends right after its heading"
            } else if case .heading(let nextLevel, _) = blocks[index + 1].kind, nextLevel <= level {
                followedBy = "the next heading follows right after it"
            } else {
                continue
            }
            diagnostics.append(.warning(.emptySection, "section \(name) is empty: \(followedBy); write its text, or remove the heading", at: document.location(of: block.position)))
        }
        return diagnostics
    }
}
